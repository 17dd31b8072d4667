/**
 * What the validator learned about each clean file, kept by the file's exact bytes, so a file that
 * has not changed is not parsed and checked again: the way Astro's own glob loader skips an entry
 * whose digest it has stored. It matters twice: `npm run dev` re-validates the whole source on
 * every save (at 5000 cards, parsing every file again took seconds where one changed), and a
 * rebuild of a source that barely changed was re-parsing all of it.
 *
 * Only files with no problem at all are kept: a problem's wording may depend on other files (a
 * plan's `continues` names an objective that may exist elsewhere), so such files are checked
 * again every time. The checks across files always run on the whole source. The key covers the
 * file's bytes, where it sits, what its name implies, and the code that validates it (the
 * schemas, the validator and the libraries they use), so a changed rule is never answered from
 * an old result.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

/** What a clean file gives the source: its checked data and its Markdown body. */
export interface CachedFile {
  data: unknown;
  body?: string;
}

/** The on-disk form: a version (the validating code's digest) and the entries by key. */
interface CacheFileContent {
  version: string;
  entries: [string, Buffer][];
}

export class ValidationCache {
  /** Entries as serialized bytes: each hit gets its own copy (the CSV values are applied to it). */
  private readonly entries: Map<string, Buffer>;
  /** Keys asked for since the last save: what a save keeps. */
  private readonly used = new Set<string>();

  /** The digest of the validating code the entries were made by (see validatingCodeVersion). */
  readonly version: string;

  constructor(version: string, entries: Iterable<[string, Buffer]> = []) {
    this.version = version;
    this.entries = new Map(entries);
  }

  /** The key of one file: its path, the facts its name gives the validator, and its bytes. */
  keyOf(rel: string, facts: string, bytes: Uint8Array): string {
    return crypto
      .createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(rel)
      .update('\0')
      .update(facts)
      .update('\0')
      .update(bytes)
      .digest('base64url');
  }

  get(key: string): CachedFile | undefined {
    const bytes = this.entries.get(key);
    if (bytes === undefined) return undefined;
    this.used.add(key);
    return v8.deserialize(bytes) as CachedFile;
  }

  set(key: string, value: CachedFile): void {
    this.entries.set(key, v8.serialize(value));
    this.used.add(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets the entries no validation asked for since the last save (files changed or removed). */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  /**
   * Reads a cache saved by `save`, or an empty one when there is none, it is unreadable, or it was
   * written by other validating code. A cache is only ever a shortcut: any doubt, and it starts empty.
   */
  static load(file: string, version: string): ValidationCache {
    try {
      const content = v8.deserialize(fs.readFileSync(file)) as CacheFileContent;
      if (content.version === version && Array.isArray(content.entries)) return new ValidationCache(version, content.entries);
    } catch {
      // Missing or unreadable: start empty.
    }
    return new ValidationCache(version);
  }

  /** Writes the entries used since the last save (atomically: a crash never leaves half a cache). */
  save(file: string): void {
    this.prune();
    const content: CacheFileContent = { version: this.version, entries: [...this.entries] };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, v8.serialize(content));
    fs.renameSync(temp, file);
  }
}

/** Files and folders (relative to the project) whose code decides what a content file validates to. */
const VALIDATING_CODE = ['src/lib', 'src/schemas', 'package-lock.json'];

function addTree(hash: crypto.Hash, root: string, rel: string): void {
  const abs = path.join(root, rel);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    hash.update(rel).update('\0').update(fs.readFileSync(abs));
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(abs).sort()) addTree(hash, root, `${rel}/${name}`);
}

/**
 * The digest of the code that validates content (schemas, validator, locked library versions),
 * read from the project folder; undefined when that code is not there to read (then no cache is
 * kept on disk: an answer from code that may have changed is worse than a slower build).
 */
export function validatingCodeVersion(projectRoot: string): string | undefined {
  if (!VALIDATING_CODE.every((rel) => fs.existsSync(path.join(projectRoot, rel)))) return undefined;
  const hash = crypto.createHash('sha256');
  for (const rel of VALIDATING_CODE) addTree(hash, projectRoot, rel);
  return hash.digest('base64url');
}
