/** The build lock: one holder at a time, stale locks of dead processes are taken over. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withLock } from '../../scripts/lib/lock.ts';

describe('withLock', () => {
  test('tasks holding the same lock never overlap', async () => {
    const lock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-lock-')), 'l');
    let inside = 0;
    let maxInside = 0;
    const task = () =>
      withLock(lock, async () => {
        inside++;
        maxInside = Math.max(maxInside, inside);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inside--;
      });
    await Promise.all([task(), task(), task()]);
    expect(maxInside).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
  });

  test('a lock left by a process that no longer exists is taken over', async () => {
    const lock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-lock-')), 'l');
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, 'pid'), '999999999');
    const old = new Date(Date.now() - 10_000);
    fs.utimesSync(lock, old, old);
    await expect(withLock(lock, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  test('the lock is released when the task fails', async () => {
    const lock = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-lock-')), 'l');
    await expect(withLock(lock, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
