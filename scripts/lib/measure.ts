/**
 * Wall time and peak memory of a command and ALL its descendants (Astro, Chromium and their
 * workers run as child processes: `/usr/bin/time` would miss them). Linux: samples `/proc`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Resident memory in bytes. */
  rss: number;
}

/** Total resident memory of `root` and its descendants. Pure. */
export function treeRss(processes: readonly ProcessInfo[], root: number): number {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = processes.find((p) => p.pid === root)?.rss ?? 0;
  const stack = [root];
  const seen = new Set(stack);
  while (stack.length > 0) {
    for (const child of children.get(stack.pop() as number) ?? []) {
      if (seen.has(child.pid)) continue;
      seen.add(child.pid);
      total += child.rss;
      stack.push(child.pid);
    }
  }
  return total;
}

/** Parses `/proc/<pid>/stat` (the command name may hold spaces and parentheses). */
export function parseStat(text: string, pageSize = 4096): ProcessInfo | null {
  const close = text.lastIndexOf(')');
  if (close === -1) return null;
  const fields = text.slice(close + 2).split(' ');
  const pid = Number.parseInt(text, 10);
  const ppid = Number(fields[1]);
  const rssPages = Number(fields[21]);
  return Number.isFinite(pid) && Number.isFinite(ppid) && Number.isFinite(rssPages) ? { pid, ppid, rss: rssPages * pageSize } : null;
}

/** Every process visible in `/proc` (an empty list where there is no `/proc`). */
export function processSnapshot(): ProcessInfo[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const out: ProcessInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const info = parseStat(fs.readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (info) out.push(info);
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export interface Measurement {
  seconds: number;
  peakBytes: number;
  code: number;
  output: string;
}

/** Runs a command, sampling the memory of its process tree every `intervalMs`. */
export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, intervalMs = 100): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(processSnapshot(), child.pid));
    }, intervalMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, peakBytes: peak, code: code ?? 1, output });
    });
  });
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
