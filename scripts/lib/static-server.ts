/**
 * A minimal static file server for a built site, on 127.0.0.1 and a free port: what the browser
 * tests and the PDF step load pages from. It behaves like a plain static host: directory
 * `index.html`, `/404.html` with status 404, right MIME types (WebAssembly and Pagefind's binary
 * index files included), and nothing outside the folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content types by file extension; anything else is served as bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** The content type of a file name. */
export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path maps to inside `root`, or `undefined` when the path is malformed or would
 * leave the folder (`..`, encoded slashes, NUL). Directories are returned as they are.
 */
export function resolveUrlPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  if (decoded.split('/').some((part) => part === '..')) return undefined;
  const file = path.join(root, ...decoded.split('/').filter(Boolean));
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : undefined;
}

/** A running server: its base URL (no trailing slash) and a way to stop it. */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** What else a server may serve besides the site's folder. */
export interface StaticServerOptions {
  /** Files served at exact URL paths, outside `root` (e.g. a library the PDF step injects into the page). */
  files?: Readonly<Record<string, string>>;
  /** The sub-path the site is published under (`/annuario/`): its pages ask for their assets there. Default `/`. */
  base?: string;
}

/** Serves `root` on 127.0.0.1 at a free port until `close()`. */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const extra = new Map(Object.entries(options.files ?? {}));
  const notFound = path.join(base, '404.html');
  const prefix = (options.base ?? '/').replace(/\/+$/, '');

  const send = (res: http.ServerResponse, status: number, file: string, head: boolean) => {
    const body = fs.readFileSync(file);
    res.writeHead(status, { 'Content-Type': mimeType(file), 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(head ? undefined : body);
  };

  const server = http.createServer((req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    const extraFile = extra.get(pathname);
    if (extraFile !== undefined) return send(res, 200, extraFile, head);
    if (prefix !== '' && pathname === prefix) {
      res.writeHead(301, { Location: `${prefix}/${search}` }).end();
      return;
    }
    const underBase = prefix === '' || pathname.startsWith(`${prefix}/`);
    const target = underBase ? resolveUrlPath(base, pathname.slice(prefix.length)) : undefined;
    if (!underBase) {
      if (fs.existsSync(notFound)) return send(res, 404, notFound, head);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Pagina non trovata');
      return;
    }
    if (target === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Richiesta non valida');
      return;
    }
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/${search}` }).end();
        return;
      }
      const index = path.join(target, 'index.html');
      if (fs.existsSync(index)) return send(res, 200, index, head);
    } else if (stat?.isFile()) {
      return send(res, 200, target, head);
    }
    if (fs.existsSync(notFound)) return send(res, 404, notFound, head);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Pagina non trovata');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
