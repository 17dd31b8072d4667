/**
 * Writes an edited value back into the YAML text a person wrote, changing only what changed.
 *
 * Re-serializing a whole `yaml` Document rewrites lines nobody touched (folded `>-` text, long
 * lines, indentation), so a diff would show the whole file. Instead the file is parsed with the
 * `yaml` library's Document API (every node keeps its offsets), the new value is compared node by
 * node, and only the nodes that differ are replaced in the text, each stringified by the library:
 * comments, key order, quoting and layout of untouched keys stay as written. Keys the file does
 * not have yet go in the schema's order; new items of a list go after the item before them.
 * The result is parsed again and must give the new value, or the whole file is written afresh.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { z } from 'astro/zod';
import { allowedKeys } from '../../lib/validate/schema-introspect.ts';

/** Options of every stringification: no folding of long lines (they stay as one line, as typed). */
const STRINGIFY = { lineWidth: 0, minContentWidth: 0 } as const;

/** A change to the text: `text` replaces `[start, end)`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The node cannot be patched in place: its parent replaces it whole. */
const REPLACE = Symbol('replace');
type PatchResult = Splice[] | typeof REPLACE;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with the keys of every object in the schema's order (unknown keys last, as given). */
export function orderBySchema(value: unknown, schema: z.ZodType, path: PropertyKey[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, index) => orderBySchema(item, schema, [...path, index]));
  if (!isObject(value)) return value;
  const order = allowedKeys(schema, path);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, orderBySchema(value[key], schema, [...path, key])]));
}

/** A whole new YAML text for `value`, keys in the schema's order. */
export function yamlTextFor(value: unknown, schema: z.ZodType): string {
  return new Document(orderBySchema(value, schema)).toString(STRINGIFY);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the end of the line holding `offset` (after its `\n`, or the end of the text). */
function afterLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** `end` moved back over trailing blanks and newlines. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function rangeOf(node: Node): { start: number; end: number } {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/** Lines after the first indented by `column`: the text goes where a node starting at that column was. */
function indentAfterFirst(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${pad}${line}`))
    .join('\n');
}

/** How the file writes flow collections: `{ a: 1 }` or `{a: 1}`. */
function paddedFlow(text: string, node: Node | null | undefined): boolean {
  if (!node?.range) return true;
  const source = text.slice(node.range[0], node.range[1]);
  // An empty `{}` or `[]` says nothing: the library's default, padded.
  return /^[[{]\s*[\]}]$/.test(source) || /^[[{]\s/.test(source);
}

/** Stringifies `value` as a document; a collection `flow` stays on one line. */
function stringifyValue(value: unknown, flow: boolean, padded: boolean): string {
  const doc = new Document();
  doc.contents = doc.createNode(value, { flow });
  return doc.toString({ ...STRINGIFY, flowCollectionPadding: padded });
}

/** Stringifies `key: value` as a one-pair map. */
function stringifyPair(key: string, value: unknown, flow: boolean, padded: boolean): string {
  const doc = new Document();
  const map = doc.createNode({}) as YAMLMap;
  map.set(doc.createNode(key), doc.createNode(value, { flow }));
  doc.contents = map;
  return doc.toString({ ...STRINGIFY, flowCollectionPadding: padded });
}

/** The new text of a changed one-line scalar, in the same quoting when the value allows it. */
function scalarText(old: Scalar, value: unknown, inFlow: boolean): string | undefined {
  const oldIsInline = old.type === 'PLAIN' || old.type === 'QUOTE_SINGLE' || old.type === 'QUOTE_DOUBLE';
  if (!oldIsInline || (old.range && old.range[0] === old.range[1])) return undefined;
  const scalar = new Scalar(value);
  if (typeof value === 'string' && typeof old.value === 'string' && old.type !== undefined) scalar.type = old.type;
  const text = new Document(scalar).toString(STRINGIFY).replace(/\n$/, '');
  if (text.includes('\n')) return undefined;
  // Inside `[…]` or `{…}` a plain text with these characters would end the item early.
  return inFlow && !/^["']/.test(text) && /[,[\]{}]/.test(text) ? undefined : text;
}

class Patcher {
  constructor(
    private readonly text: string,
    private readonly schema: z.ZodType,
  ) {}

  /**
   * The splices that make `node` read as `value`, or REPLACE. Inside a flow collection (`inFlow`)
   * only values change in place; an added or removed item rewrites the collection.
   */
  patch(node: Node | null, value: unknown, path: PropertyKey[], inFlow = false): PatchResult {
    if (node === null) return REPLACE;
    if (isDeepStrictEqual(node.toJSON(), value)) return [];
    if (isScalar(node)) {
      if (isObject(value) || Array.isArray(value)) return REPLACE;
      const replacement = scalarText(node, value, inFlow);
      if (replacement === undefined) return REPLACE;
      const { start, end } = rangeOf(node);
      return [{ start, end, text: replacement }];
    }
    if ((isMap(node) || isSeq(node)) && (inFlow || node.flow === true)) return this.patchFlow(node, value, path);
    if (isMap(node) && isObject(value)) return this.patchMap(node, value, path);
    if (isSeq(node) && Array.isArray(value)) return this.patchSeq(node, value, path);
    return REPLACE;
  }

  /** A flow collection with the same keys or length: each value patched in place. */
  private patchFlow(node: YAMLMap | YAMLSeq, value: unknown, path: PropertyKey[]): PatchResult {
    const children: [Node | null, unknown, PropertyKey][] = [];
    if (isMap(node) && isObject(value)) {
      const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
      if (!isDeepStrictEqual([...keys].sort(), Object.keys(value).sort())) return REPLACE;
      node.items.forEach((pair, index) => children.push([pair.value as Node | null, value[keys[index] as string], keys[index] as string]));
    } else if (isSeq(node) && Array.isArray(value) && value.length === node.items.length) {
      node.items.forEach((item, index) => children.push([item as Node | null, value[index], index]));
    } else return REPLACE;
    const splices: Splice[] = [];
    for (const [child, next, key] of children) {
      const result = this.patch(child, next, [...path, key], true);
      if (result === REPLACE) return REPLACE;
      splices.push(...result);
    }
    return splices;
  }

  /** The text region of a pair: from its key to the end of its value (trailing comment kept outside). */
  private pairRegion(pair: Pair): { start: number; end: number } {
    const start = rangeOf(pair.key as Node).start;
    const last = (pair.value as Node | null) ?? (pair.key as Node);
    return { start, end: trimEnd(this.text, start, rangeOf(last).end) };
  }

  /** The pair `key: value` rewritten whole (its keys in the schema's order), keeping a flow collection flow. */
  private replacePair(pair: Pair, key: string, value: unknown, path: PropertyKey[]): Splice {
    const { start, end } = this.pairRegion(pair);
    const old = pair.value as Node | null;
    const flow = (isMap(old) || isSeq(old)) && old.flow === true;
    const ordered = orderBySchema(value, this.schema, [...path, key]);
    const text = indentAfterFirst(stringifyPair(key, ordered, flow, paddedFlow(this.text, old)), columnOf(this.text, start));
    return { start, end, text };
  }

  /** Whether the node starts on a line of its own (not after a `- `). */
  private ownsLine(offset: number): boolean {
    return this.text.slice(lineStart(this.text, offset), offset).trim() === '';
  }

  private patchMap(map: YAMLMap, value: Record<string, unknown>, path: PropertyKey[]): PatchResult {
    const splices: Splice[] = [];
    const pairs = map.items.filter((pair) => isScalar(pair.key));
    if (pairs.length !== map.items.length || pairs.length === 0) return REPLACE;
    const keyOf = (pair: Pair) => String((pair.key as Scalar).value);
    const present = new Set(pairs.map(keyOf));
    const kept = pairs.filter((pair) => Object.hasOwn(value, keyOf(pair)) && value[keyOf(pair)] !== undefined);
    if (kept.length === 0) return REPLACE;
    let removedUpTo = -1;
    for (const [index, pair] of pairs.entries()) {
      const key = keyOf(pair);
      if (!kept.includes(pair)) {
        if (index <= removedUpTo) continue;
        const { start, end } = this.pairRegion(pair);
        if (this.ownsLine(start)) {
          splices.push({ start: lineStart(this.text, start), end: afterLine(this.text, end), text: '' });
          continue;
        }
        // The first field of a list item (`- title: …`): the next kept field moves up after the `- `.
        const next = pairs.findIndex((other, at) => at > index && kept.includes(other));
        if (next === -1) return REPLACE;
        splices.push({ start, end: rangeOf(pairs[next]?.key as Node).start, text: '' });
        removedUpTo = next - 1;
        continue;
      }
      const result = this.patch(pair.value as Node | null, value[key], [...path, key]);
      splices.push(...(result === REPLACE ? [this.replacePair(pair, key, value[key], path)] : result));
    }
    const added = Object.keys(value).filter((key) => !present.has(key) && value[key] !== undefined);
    if (added.length === 0) return splices;
    // Each new key goes after the kept key closest before it in the schema's order.
    const order = allowedKeys(this.schema, path);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const firstOwnsLine = this.ownsLine(this.pairRegion(kept[0] as Pair).start);
    const column = columnOf(this.text, this.pairRegion(kept[0] as Pair).start);
    for (const key of added.sort((a, b) => rank(a) - rank(b))) {
      const before = kept.filter((pair) => rank(keyOf(pair)) <= rank(key));
      const anchor = before.reduce<Pair | undefined>(
        (best, pair) => (best && rank(keyOf(best)) > rank(keyOf(pair)) ? best : pair),
        undefined,
      );
      const sibling = (anchor ?? kept[0])?.value as Node | null;
      const pairText = stringifyPair(key, orderBySchema(value[key], this.schema, [...path, key]), false, paddedFlow(this.text, sibling));
      const line = `${' '.repeat(column)}${indentAfterFirst(pairText, column)}\n`;
      if (anchor === undefined && firstOwnsLine) {
        const at = lineStart(this.text, this.pairRegion(kept[0] as Pair).start);
        splices.push({ start: at, end: at, text: line });
      } else {
        const at = afterLine(this.text, this.pairRegion(anchor ?? (kept[0] as Pair)).end);
        splices.push({
          start: at,
          end: at,
          text: at === this.text.length && !this.text.endsWith('\n') ? `\n${line.replace(/\n$/, '')}` : line,
        });
      }
    }
    return splices;
  }

  /** The items' ids (`id`, else `file`) when every item has a distinct one. */
  private identities(items: unknown[]): string[] | undefined {
    for (const key of ['id', 'file']) {
      const ids = items.flatMap((item) => (isObject(item) && typeof item[key] === 'string' ? [item[key]] : []));
      if (ids.length === items.length && new Set(ids).size === ids.length) return ids;
    }
    return undefined;
  }

  private patchSeq(seq: YAMLSeq, value: unknown[], path: PropertyKey[]): PatchResult {
    const items = seq.items as (Node | null)[];
    if (items.length === 0 || items.some((item) => item === null)) return REPLACE;
    const nodes = items as Node[];
    // Same length: item by item, so a renamed id changes one line. Items added or removed: by id,
    // so the others keep their lines wherever the change happened.
    const oldIds = value.length === nodes.length ? undefined : this.identities(nodes.map((node) => node.toJSON() as unknown));
    const newIds = oldIds && this.identities(value);
    const oldKeys = oldIds && newIds ? oldIds : nodes.map((_, index) => String(index));
    const newKeys = oldIds && newIds ? newIds : value.map((_, index) => String(index));
    const common = newKeys.filter((key) => oldKeys.includes(key));
    // A reordered list is rewritten: moving lines around is not a change a diff can show small.
    if (
      !isDeepStrictEqual(
        common,
        oldKeys.filter((key) => newKeys.includes(key)),
      )
    )
      return REPLACE;
    if (common.length === 0) return REPLACE;
    const splices: Splice[] = [];
    const dashOf = (node: Node) => {
      const start = rangeOf(node).start;
      const dash = this.text.lastIndexOf('-', start);
      return dash >= lineStart(this.text, start) ? dash : start;
    };
    const column = columnOf(this.text, dashOf(nodes[0] as Node));
    const itemEnd = (node: Node) => trimEnd(this.text, rangeOf(node).start, rangeOf(node).end);
    const siblingFlow = nodes.every((node) => (isMap(node) || isSeq(node)) && node.flow === true);
    nodes.forEach((node, index) => {
      const key = oldKeys[index] as string;
      if (!newKeys.includes(key)) {
        splices.push({ start: lineStart(this.text, dashOf(node)), end: afterLine(this.text, itemEnd(node)), text: '' });
        return;
      }
      const next = value[newKeys.indexOf(key)];
      const result = this.patch(node, next, [...path, index]);
      if (result !== REPLACE) {
        splices.push(...result);
        return;
      }
      const { start } = rangeOf(node);
      const flow = (isMap(node) || isSeq(node)) && node.flow === true;
      const text = indentAfterFirst(
        stringifyValue(orderBySchema(next, this.schema, [...path, index]), flow, paddedFlow(this.text, node)),
        columnOf(this.text, start),
      );
      splices.push({ start, end: itemEnd(node), text });
    });
    newKeys.forEach((key, index) => {
      if (oldKeys.includes(key)) return;
      const item = orderBySchema(value[index], this.schema, [...path, index]);
      const text = `${' '.repeat(column)}- ${indentAfterFirst(stringifyValue(item, siblingFlow, paddedFlow(this.text, nodes[0])), column + 2)}\n`;
      const previous = newKeys
        .slice(0, index)
        .reverse()
        .find((k) => oldKeys.includes(k));
      if (previous === undefined) {
        const at = lineStart(this.text, dashOf(nodes[0] as Node));
        splices.push({ start: at, end: at, text });
      } else {
        const at = afterLine(this.text, itemEnd(nodes[oldKeys.indexOf(previous)] as Node));
        splices.push({
          start: at,
          end: at,
          text: at === this.text.length && !this.text.endsWith('\n') ? `\n${text.replace(/\n$/, '')}` : text,
        });
      }
    });
    return splices;
  }
}

/**
 * Applies splices, last first, so earlier offsets stay valid. At one offset a removal goes before
 * the insertions (which would otherwise be removed with it), and insertions keep their order.
 */
function applySplices(text: string, splices: Splice[]): string {
  const length = (splice: Splice) => splice.end - splice.start;
  const ordered = splices
    .map((splice, index) => ({ splice, index }))
    .sort((a, b) => b.splice.start - a.splice.start || length(b.splice) - length(a.splice) || b.index - a.index);
  // A file written on Windows keeps its line ends: the library writes `\n`.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text;
  for (const { splice } of ordered) out = `${out.slice(0, splice.start)}${splice.text.replace(/\r?\n/g, eol)}${out.slice(splice.end)}`;
  return out;
}

/** Whether `text` parses (as the validator parses) to `value`. */
function parsesTo(text: string, value: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJSON(), value);
}

/**
 * `text` (a YAML file, or the YAML of a front matter) changed so that it reads as `value`, with
 * only the changed nodes rewritten. A text that does not parse is written afresh from `value`.
 */
export function patchYamlText(text: string, value: unknown, schema: z.ZodType): string {
  const doc = parseDocument(text);
  const fresh = () => yamlTextFor(value, schema);
  if (doc.errors.length > 0) return fresh();
  // Only comments (a settings file explained but not filled in): they stay, the value goes after them.
  if (doc.contents === null) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${fresh()}`;
  const result = new Patcher(text, schema).patch(doc.contents, value, []);
  if (result === REPLACE) {
    // The whole content changes shape: keep the comments before it (e.g. the `$schema` line).
    const { start } = rangeOf(doc.contents);
    const patched = `${text.slice(0, lineStart(text, start))}${fresh()}`;
    return parsesTo(patched, value) ? patched : fresh();
  }
  const patched = applySplices(text, result);
  return parsesTo(patched, value) ? patched : fresh();
}
