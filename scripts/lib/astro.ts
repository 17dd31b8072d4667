/**
 * Starts the Astro CLI with the Node that runs this script (the project's Node 24 under
 * `npm run`), telemetry off, relaying its output (`npm run check`, `npm run preview`). The build
 * and the dev server use Astro's JavaScript API instead (scripts/build.ts, scripts/dev.ts).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** Runs `astro <args>` in the project root to its end, relaying its output; resolves to its exit code. */
export function runAstro(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number }> {
  const require = createRequire(import.meta.url);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astroBin, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? 1 }));
    child.on('error', (error) => {
      console.error(`Astro non è partito: ${error.message}`);
      resolve({ code: 1 });
    });
  });
}
