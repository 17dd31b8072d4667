/**
 * Looks inside zod schemas by field path: which keys an object allows (to suggest "did you mean"),
 * whether a number is expected (to catch Italian number formats), and the documented example
 * (to write the line to copy).
 */
import { z } from 'astro/zod';

type AnySchema = z.core.$ZodType;

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

/** Strips wrappers that do not change what a value looks like. */
function unwrap(schema: AnySchema): AnySchema[] {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(d['innerType'] as AnySchema);
    case 'pipe':
      return [...unwrap(d['in'] as AnySchema), ...(def(d['in'] as AnySchema).type === 'transform' ? unwrap(d['out'] as AnySchema) : [])];
    case 'union':
      return (d['options'] as AnySchema[]).flatMap(unwrap);
    case 'lazy':
      return unwrap((d['getter'] as () => AnySchema)());
    default:
      return [schema];
  }
}

/**
 * The shape's own field `key`: `shape['constructor']` or `shape['__proto__']` would be the
 * object's inherited machinery, not a field, and an editor can write any key.
 */
function ownField(shape: unknown, key: string): AnySchema | undefined {
  return Object.hasOwn(shape as object, key) ? (shape as Record<string, AnySchema>)[key] : undefined;
}

/** Every schema a value at `path` may have to match. */
export function schemasAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  let current = unwrap(schema);
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const s of current) {
      const d = def(s);
      if (d.type === 'object' && typeof seg === 'string') {
        const child = ownField(d['shape'], seg);
        if (child) next.push(...unwrap(child));
      } else if (d.type === 'array' && typeof seg === 'number') {
        next.push(...unwrap(d['element'] as AnySchema));
      } else if (d.type === 'record' && typeof seg === 'string') {
        next.push(...unwrap(d['valueType'] as AnySchema));
      }
    }
    current = next;
  }
  return current;
}

/**
 * Whether the value at `path` is text shown as written (a title, a summary, a label): a string
 * field not marked as Markdown (\`MarkdownTextSchema\`).
 */
export function expectsPlainText(schema: AnySchema, path: readonly PropertyKey[]): boolean {
  const candidates = schemasAt(schema, path);
  return (
    candidates.some((s) => def(s).type === 'string') &&
    !candidates.some((s) => (z.globalRegistry.get(s as z.ZodType) as { markdown?: unknown } | undefined)?.markdown === true)
  );
}

export function expectsNumber(schema: AnySchema, path: readonly PropertyKey[]): boolean {
  return schemasAt(schema, path).some((s) => def(s).type === 'number');
}

export function expectsString(schema: AnySchema, path: readonly PropertyKey[]): boolean {
  return schemasAt(schema, path).some((s) => def(s).type === 'string');
}

/** Keys an object at `path` accepts. */
export function allowedKeys(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const d = def(s);
    if (d.type === 'object') for (const key of Object.keys(d['shape'] as object)) keys.add(key);
  }
  return [...keys];
}

/** The first documented example for the field at `path`, looking through wrappers. */
export function exampleAt(schema: AnySchema, path: readonly PropertyKey[]): unknown {
  const candidates = [...directAt(schema, path), ...schemasAt(schema, path)];
  for (const s of candidates) {
    const meta = z.globalRegistry.get(s as z.ZodType) as { examples?: unknown[] } | undefined;
    if (meta?.examples && meta.examples.length > 0) return meta.examples[0];
  }
  for (const s of schemasAt(schema, path)) {
    const d = def(s);
    if (d.type === 'enum') return Object.values(d['entries'] as Record<string, string>)[0];
    if (d.type === 'literal') return (d['values'] as unknown[])[0];
  }
  return undefined;
}

/** Schemas at path including the wrappers themselves (meta is often on the outer optional/pipe). */
function directAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  if (path.length === 0) return [schema];
  const parents = schemasAt(schema, path.slice(0, -1));
  const seg = path[path.length - 1];
  const out: AnySchema[] = [];
  for (const p of parents) {
    const d = def(p);
    if (d.type === 'object' && typeof seg === 'string') {
      let child = ownField(d['shape'], seg);
      while (child) {
        out.push(child);
        const cd = def(child);
        child = (cd['innerType'] ?? (cd.type === 'pipe' ? cd['out'] : undefined)) as AnySchema | undefined;
      }
    }
  }
  return out;
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length]![b.length]!;
}

export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The allowed value an editor most likely meant: the same once case, spaces and underscores are
 * set aside («In progettazione» → «in-progettazione»), a near spelling («conlcuso» → «concluso»),
 * or a value the word begins like («attivissimo» → «attivo»). Undefined when none is close: a
 * wrong suggestion («chiuso» → «attivo») is worse than the list.
 */
export function closestChoice(word: string, options: readonly string[]): string | undefined {
  const normal = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
  const wanted = normal(word);
  const same = options.find((option) => normal(option) === wanted);
  if (same !== undefined) return same;
  const near = closest(wanted, options);
  if (near !== undefined) return near;
  const shared = (a: string, b: string) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const prefixed = options.filter((option) => shared(wanted, normal(option)) >= Math.max(4, normal(option).length - 2));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The `description` documented for the field at `path`, e.g. «Titolo». */
export function descriptionAt(schema: AnySchema, path: readonly PropertyKey[]): string | undefined {
  for (const s of [...directAt(schema, path), ...schemasAt(schema, path)]) {
    const meta = z.globalRegistry.get(s as z.ZodType) as { description?: unknown } | undefined;
    if (typeof meta?.description === 'string') return meta.description;
  }
  return undefined;
}

/** Whether the field at `path` accepts `value`, by its own schema (refinements included). */
export function fieldAccepts(schema: AnySchema, path: readonly PropertyKey[], value: unknown): boolean {
  const declared = directAt(schema, path)[0];
  const options = declared ? [declared] : schemasAt(schema, path).filter((s) => def(s).type !== 'transform');
  return options.some((s) => (s as z.ZodType).safeParse(value).success);
}

/** Whether the field at `path` is an image: an object of `src` and `alt`. */
export function isImageAt(schema: AnySchema, path: readonly PropertyKey[]): boolean {
  const keys = allowedKeys(schema, path);
  return keys.includes('src') && keys.includes('alt');
}
