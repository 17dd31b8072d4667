/**
 * Starts `npm run dev` (scripts/dev.ts) as a child process on a free port, for the tests and
 * `npm run bench:dev`: the child sends its address over the IPC channel, so nothing depends on
 * the wording of Astro's log.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './astro.ts';

/** A running development server. */
export interface DevServerProcess {
  /** `http://localhost:<port>/` */
  url: string;
  /** Everything the server printed so far (its terminal). */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the development server on the source in `source`; rejects with its output if it does not start within `timeoutMs`. */
export function startDevServer(source: string, timeoutMs = 120_000): Promise<DevServerProcess> {
  return new Promise((resolve, reject) => {
    // Not the test runner's own variables (NODE_ENV=test, VITEST…): Astro and Vite would take the server for a test run.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
    const child = fork(path.join(projectRoot, 'scripts', 'dev.ts'), ['--port', '0'], {
      cwd: projectRoot,
      env: { ...env, ANNUARIO_SOURCE: source, ASTRO_TELEMETRY_DISABLED: '1' },
      // Node runs the TypeScript itself (type stripping), as `npm run dev` does.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Il server di sviluppo non è partito in ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ url: message.url, output: () => output, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Il server di sviluppo si è chiuso (codice ${code ?? 'nessuno'}):\n${output}`));
    });
  });
}

/**
 * Fetches `url` until `accept` holds for the response's status and text, or `timeoutMs` passes;
 * returns the last status and text and how long it took.
 */
export async function fetchUntil(
  url: string,
  accept: (status: number, text: string) => boolean,
  timeoutMs = 15_000,
): Promise<{ status: number; text: string; ms: number; accepted: boolean }> {
  const start = performance.now();
  let status = 0;
  let text = '';
  for (;;) {
    try {
      const response = await fetch(url);
      status = response.status;
      text = await response.text();
    } catch {
      // Not answering yet: try again.
    }
    const ms = performance.now() - start;
    if (accept(status, text)) return { status, text, ms, accepted: true };
    if (ms > timeoutMs) return { status, text, ms, accepted: false };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
