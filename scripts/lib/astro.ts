/**
 * Starts the Astro CLI with the Node that runs this script (the project's Node 24 under
 * `npm run`), telemetry off, optionally capturing its output while relaying it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Options of `startAstro`. */
export interface AstroOptions {
  /** Sees each complete line of Astro's standard output as it comes (e.g. which page was just written). */
  onLine?: (line: string) => void;
  /** Keeps Astro's output to itself until `release()` (the build starts Astro while it still validates). */
  held?: boolean;
}

/** A running Astro CLI. */
export interface AstroProcess {
  /** Exit code and everything Astro printed, once it has ended. */
  result: Promise<{ code: number; output: string }>;
  /** Relays the output held so far, and from now on as it comes. */
  release: () => void;
  /** Stops Astro; the output held so far is dropped. */
  kill: () => void;
}

/** Starts `astro <args>` in the project root. */
export function startAstro(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: AstroOptions = {}): AstroProcess {
  const require = createRequire(import.meta.url);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astroBin, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  let output = '';
  let held: [NodeJS.WriteStream, Buffer][] | null = options.held ? [] : null;
  const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    output += chunk.toString();
    if (held) held.push([stream, chunk]);
    else stream.write(chunk);
  };
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  const { onLine } = options;
  let partial = '';
  if (onLine)
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
  const result = new Promise<{ code: number; output: string }>((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n[ERROR] ${error.message}` }));
  });
  return {
    result,
    release: () => {
      for (const [stream, chunk] of held ?? []) stream.write(chunk);
      held = null;
    },
    kill: () => {
      held = [];
      child.kill('SIGTERM');
    },
  };
}

/** Runs `astro <args>` to its end, relaying its output. */
export function runAstro(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  return startAstro(args, env).result;
}
