/**
 * The editor's API over HTTP, as a middleware of the dev server: routing by name, the checks of
 * a tool that can write files on the editor's machine (same origin only, JSON only, bounded
 * sizes), and every failure as `{ error }` in Italian with a 4xx status, never a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HANDLERS, type EditorContext } from './api.ts';
import { EditorError } from './errors.ts';

/** A JSON request is at most this big; an image upload (base64) may be larger. */
export const MAX_JSON_BYTES = 6 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/** The middleware's `next`, as Vite's connect server calls it. */
type Next = (error?: unknown) => void;

/** What the middleware tells the terminal when something unexpected happens. */
export interface EditorLogger {
  error: (message: string) => void;
}

/**
 * Only the page served by this dev server may call the API. A browser sends `Origin` with every
 * cross-origin request and with every POST, and `Sec-Fetch-Site` with every request: another
 * site open in the same browser cannot write files through it.
 */
export function crossOrigin(headers: IncomingMessage['headers']): boolean {
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

/**
 * Whether the request names the server by a DNS name other than `localhost`: a page of another
 * site whose name was pointed at this machine (DNS rebinding) would look same-origin to the
 * check above. The editor is reached at `localhost` or at an IP address (`npm run dev -- --host`).
 */
export function foreignHost(headers: IncomingMessage['headers']): boolean {
  const host = headers.host;
  if (host === undefined) return true;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return true;
  }
  return !(
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) ||
    (hostname.startsWith('[') && hostname.endsWith(']'))
  );
}

/** Reads the request body up to `limit` bytes; more is refused (413) without reading the rest. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new EditorError(413, `richiesta troppo grande (più di ${Math.round(limit / 1024 / 1024)} MB)`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is read and dropped, so the client still gets the answer.
        chunks.length = 0;
        reject(new EditorError(413, `richiesta troppo grande (più di ${Math.round(limit / 1024 / 1024)} MB)`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(text);
}

/** The request's body as JSON; anything else is a 400/415 in Italian. */
async function jsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new EditorError(415, 'la richiesta deve essere in JSON (Content-Type: application/json)');
  const text = await readBody(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EditorError(400, 'il corpo della richiesta non è JSON valido');
  }
}

/** The API as a connect middleware, mounted at `<base>/redazione/api`. */
export function editorApi(context: EditorContext, logger: EditorLogger) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const name = url.pathname.replace(/^\/+|\/+$/g, '');
      const route = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
      try {
        if (!route) throw new EditorError(404, `richiesta sconosciuta «${name}»: l'editor risponde a ${Object.keys(HANDLERS).join(', ')}`);
        if (foreignHost(request.headers))
          throw new EditorError(403, "indirizzo non ammesso: apri l'editor da http://localhost (o dall'indirizzo IP del computer)");
        if (crossOrigin(request.headers))
          throw new EditorError(403, "richiesta da un altro sito rifiutata: l'editor accetta solo le proprie pagine");
        if (request.method !== route.method)
          throw new EditorError(405, `«${name}» si chiama con ${route.method}, non con ${request.method ?? '(nessun metodo)'}`);
        const body = route.method === 'POST' ? await jsonBody(request, name === 'immagine' ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES) : undefined;
        send(response, 200, await route.handle(context, { query: url.searchParams, body }));
      } catch (error) {
        if (error instanceof EditorError) {
          send(response, error.status, { ...error.body, error: error.message });
          return;
        }
        logger.error(`Editor, «${name}»: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        send(response, 500, {
          error:
            "errore interno dell'editor: ricarica la voce per vedere che cosa contiene il file; il terminale di npm run dev riporta i dettagli",
        });
      }
    })().catch(next);
  };
}
