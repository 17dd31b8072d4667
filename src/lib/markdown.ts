/**
 * Markdown from the content to safe HTML, for the site and the PDFs alike. Raw HTML written in a
 * card or a page is parsed and then sanitized (GitHub's allow-list: no script, no event handler,
 * no `javascript:` or `data:` link), so content can never inject code; external links open
 * with `rel="noopener noreferrer"`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Element, Root, RootContent } from 'hast';
import { processors, stringifier } from './markdown-processor.ts';

export interface MarkdownOptions {
  /** Shift headings so that a body's `#` fits under the page's own `<h1>` (1 turns `#` into `<h2>`). */
  headingOffset?: number;
}

/**
 * Sanitized trees by Markdown source. A card's body is rendered for its page and again for the
 * printed catalogue (at another heading level): parsing is the costly step, so it runs once.
 * Positions are dropped: nothing reads them and they are most of a tree's memory.
 */
const trees = new Map<string, Root>();

/**
 * Between builds, the trees are also kept on disk, in the file `npm run build` names (it puts the
 * renderer's own code and dependencies in the name, so a change there starts afresh): a build
 * parses only the Markdown that changed, as Astro's content store does for its collections.
 */
const diskFile = process.env['ANNUARIO_MARKDOWN_CACHE']; // set by scripts/build.ts (scripts/lib/content-cache.ts)
const onDisk = new Map<string, Root>(diskFile ? readDiskCache(diskFile) : []);
const used = new Map<string, Root>();

function readDiskCache(file: string): [string, Root][] {
  try {
    return Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Root>);
  } catch {
    return []; // No cache yet, or an unreadable one: parse everything.
  }
}

if (diskFile) {
  // Written once, when the build's process ends; only the Markdown this build used is kept.
  process.once('exit', () => {
    if (used.size === onDisk.size && [...used.keys()].every((key) => onDisk.has(key))) return;
    try {
      fs.writeFileSync(diskFile, JSON.stringify(Object.fromEntries(used)));
    } catch {
      // A cache that cannot be written costs time on the next build, nothing else.
    }
  });
}

function digest(markdown: string): string {
  return createHash('sha256').update(markdown).digest('base64url');
}

function withoutPositions<T extends Root | RootContent>(node: T): T {
  delete node.position;
  if ('children' in node) for (const child of node.children) withoutPositions(child);
  return node;
}

function sanitizedTree(markdown: string): Root {
  let tree = trees.get(markdown);
  if (!tree) {
    const key = diskFile ? digest(markdown) : '';
    tree = onDisk.get(key);
    if (!tree) {
      const processor = markdown.includes('<') ? processors.raw : processors.plain;
      tree = withoutPositions(processor.runSync(processor.parse(markdown)));
    }
    trees.set(markdown, tree);
    if (diskFile) used.set(key, tree);
  }
  return tree;
}

function headings(node: Root | RootContent, found: Element[] = []): Element[] {
  if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) found.push(node);
  if ('children' in node) for (const child of node.children) headings(child, found);
  return found;
}

/** Renders Markdown to sanitized HTML. Synchronous and deterministic. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 1;
  const tree = sanitizedTree(markdown);
  // The cached tree is shared: shift its headings for this rendering only, then put them back.
  const shifted = offset === 0 ? [] : headings(tree).map((node) => ({ node, tagName: node.tagName }));
  for (const { node, tagName } of shifted) node.tagName = `h${Math.min(6, Number(tagName.slice(1)) + offset)}`;
  try {
    return stringifier.stringify(tree);
  } finally {
    for (const { node, tagName } of shifted) node.tagName = tagName;
  }
}
