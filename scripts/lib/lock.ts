/**
 * A lock between processes of the same checkout. Astro writes generated modules into the
 * project's `.astro/` folder whatever the source, so two builds at once (tests, benchmarks, an
 * editor's build during a test run) would read each other's files: the Astro step takes turns.
 * The lock is a folder (created atomically) holding the owner's pid; a lock whose owner is gone
 * is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

function ownerAlive(lockDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `task` holding the lock `lockDir`, waiting (polling) while another live process holds it.
 * An aborted `signal` stops the waiting: the task does not run, the promise rejects.
 */
export async function withLock<T>(lockDir: string, task: () => Promise<T>, onWait?: () => void, signal?: AbortSignal): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  let warned = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A folder without a pid file yet may be a lock being created right now: give it a moment.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (!ownerAlive(lockDir) && age > 2000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!warned) onWait?.();
      warned = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await task();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
