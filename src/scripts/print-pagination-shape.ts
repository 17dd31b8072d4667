/**
 * Every internal of Paged.js 0.4.3 that the PDF step's adjustments (print-pagination.ts) patch
 * or read, as data: the class, the member, and how the member looks in Paged.js's source (a
 * method's parameters, or the assignment in the constructor that creates a field). The print
 * page checks these before patching and fails with the list of what changed; the unit test
 * checks them against Paged.js's own source, so that an upgrade that moves one of them fails
 * there first, with its name, instead of paginating differently.
 */

/** One internal the adjustments depend on. */
export interface PagedInternal {
  /** Paged.js's class name, e.g. `Layout`. */
  className: string;
  /** A method (with its parameter list as written in the source) or a field the class assigns. */
  member: { method: string; params: string } | { field: string };
  /** Why the adjustments need it. */
  use: string;
}

/** What the adjustments patch or read in Paged.js; see print-pagination.ts for each patch. */
export const PAGED_INTERNALS: readonly PagedInternal[] = [
  { className: 'Queue', member: { field: 'tick' }, use: 'the queue waits on a message-channel tick instead of an animation frame' },
  { className: 'Chunker', member: { field: 'maxChars' }, use: 'each page starts from the running average of characters per page' },
  { className: 'Layout', member: { field: 'maxChars' }, use: 'each page starts from the running average of characters per page' },
  {
    className: 'Layout',
    member: { method: 'findBreakToken', params: 'rendered, source, bounds = this.bounds, prevBreakToken, extract = true' },
    use: 'after a check that finds room, the next check waits for the characters that fill it',
  },
  { className: 'Page', member: { method: 'create', params: 'template, after' }, use: 'the content area is measured once' },
  { className: 'TargetCounters', member: { field: 'counterTargets' }, use: 'page numbers of the contents resolved once at the end' },
  { className: 'TargetCounters', member: { field: 'styleSheet' }, use: 'page numbers of the contents resolved once at the end' },
  {
    className: 'TargetCounters',
    member: { method: 'afterPageLayout', params: 'fragment, page, breakToken, chunker' },
    use: 'no longer run after every page',
  },
  { className: 'AtPage', member: { field: 'marginalia' }, use: 'margin boxes sized once per kind of page' },
  {
    className: 'AtPage',
    member: { method: 'getStartElement', params: 'content, breakToken' },
    use: 'the named page of a continued page found without cloning its ancestors',
  },
  {
    className: 'AtPage',
    member: { method: 'finalizePage', params: 'fragment, page, breakToken, chunker' },
    use: 'margin boxes sized once per kind of page',
  },
  { className: 'Footnotes', member: { method: 'afterParsed', params: 'parsed' }, use: 'footnotes handled only when the document has some' },
  { className: 'Footnotes', member: { method: 'renderNode', params: 'node' }, use: 'footnotes handled only when the document has some' },
  {
    className: 'Footnotes',
    member: { method: 'beforePageLayout', params: 'page' },
    use: 'footnotes handled only when the document has some',
  },
  {
    className: 'Footnotes',
    member: { method: 'afterPageLayout', params: 'pageElement, page, breakToken, chunker' },
    use: 'footnotes handled only when the document has some',
  },
  {
    className: 'Footnotes',
    member: { method: 'afterOverflowRemoved', params: 'removed, rendered' },
    use: 'footnotes handled only when the document has some',
  },
];

/** The parameter list of a method as its source writes it (`a, b = this.b`), whitespace normalised. */
export function methodParams(method: (...args: never[]) => unknown): string | undefined {
  const source = Function.prototype.toString.call(method);
  const open = source.indexOf('(');
  if (open === -1) return undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0)
      return source
        .slice(open + 1, i)
        .replace(/\s+/g, ' ')
        .trim();
  }
  return undefined;
}

/** The source of a class and of each class it extends (a field may be assigned by any of them). */
function classSources(cls: { prototype: unknown }): string[] {
  const sources: string[] = [];
  for (
    let current: unknown = cls;
    typeof current === 'function' && current !== Function.prototype;
    current = Object.getPrototypeOf(current)
  ) {
    sources.push(Function.prototype.toString.call(current));
  }
  return sources;
}

/**
 * What differs between `PAGED_INTERNALS` and the classes given by name (Paged.js's own, in the
 * page or from its source), worded in Italian for the PDF step's error. Classes not given are
 * not checked (the page reaches some only once the first page exists).
 */
export function pagedShapeProblems(classes: Readonly<Record<string, { prototype: unknown } | undefined>>): string[] {
  const problems: string[] = [];
  for (const { className, member } of PAGED_INTERNALS) {
    if (!(className in classes)) continue;
    const cls = classes[className];
    if (!cls) {
      if (!problems.includes(`manca la classe ${className}`)) problems.push(`manca la classe ${className}`);
      continue;
    }
    if ('method' in member) {
      const method: unknown = (cls.prototype as Record<string, unknown>)[member.method];
      if (typeof method !== 'function') problems.push(`manca il metodo ${className}.${member.method}`);
      else if (methodParams(method as () => unknown) !== member.params) {
        problems.push(
          `${className}.${member.method} ha i parametri (${methodParams(method as () => unknown) ?? '?'}) invece di (${member.params})`,
        );
      }
    } else if (!classSources(cls).some((source) => new RegExp(`this\\.${member.field}\\s*=`).test(source))) {
      problems.push(`${className} non assegna più il campo ${member.field}`);
    }
  }
  return problems;
}
