/**
 * One `Table` element per table in the structure tree, as PDF/UA-1 asks. Paged.js lays a table
 * that crosses pages out as one `<table>` per page (the continuation rebuilt from the source,
 * its header row repeated), and Chromium tags each as a `Table` of its own. Each continuation is
 * moved into the first part as a `TBody`, holding its rows (the repeated header row first, as
 * on paper), and leaves its old place in the tree. The elements keep their object numbers and
 * their own marked content, so the parent tree and the page content need no change.
 *
 * A continuation is told from a table of its own by what the page shows: it follows the
 * previous part with nothing in between in reading order, starts on another page, has no
 * caption, and opens with the same header row (the same number of `TH` cells).
 */

/** An element's type (`/S`). */
export function structType(dict: string): string | undefined {
  return /\/S\s*\/([A-Za-z0-9]+)/.exec(dict)?.[1];
}

/** The structure elements an element's `/K` refers to (marked content and pages are not in `dicts`). */
export function structKids(dict: string): number[] {
  const k = /\/K\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(dict)?.[1] ?? '';
  return [...k.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
}

/** The page (`/Pg`) an element's marked content is on. */
function pageOf(dict: string): number | undefined {
  const page = /\/Pg\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
  return page === undefined ? undefined : Number(page);
}

/** Elements that carry content in reading order; a table's own descendants are not visited. */
const CONTENT = /^(Table|H[1-6]?|P|L|Figure|Caption|Lbl|Link|BlockQuote|Formula|Form|TOC|Index|Note|Code)$/;

/** The number of `TH` cells of a table's first row when the row is a header row; undefined otherwise. */
function headerCells(dicts: ReadonlyMap<number, string>, table: string): number | undefined {
  const firstRow = structKids(table)
    .map((kid) => dicts.get(kid))
    .find((dict) => dict !== undefined && structType(dict) === 'TR');
  if (!firstRow) return undefined;
  const cells = structKids(firstRow).map((kid) => structType(dicts.get(kid) ?? ''));
  return cells.length > 0 && cells.every((type) => type === 'TH') ? cells.length : undefined;
}

/** `dict` with `ref` (`12 0 R`) added at the end of its `/K` array (made an array if it was one reference). */
function withKid(dict: string, num: number): string {
  const array = /\/K\s*\[/.exec(dict);
  if (array) {
    const close = dict.indexOf(']', array.index);
    return `${dict.slice(0, close).trimEnd()} ${num} 0 R${dict.slice(close)}`;
  }
  return dict.replace(/\/K\s*(\d+\s+0\s+R)/, `/K [$1 ${num} 0 R]`);
}

/** `dict` without the reference to `num` in its `/K`. */
function withoutKid(dict: string, num: number): string {
  return dict.replace(/\/K\s*(\[[^\]]*\]|\d+\s+0\s+R)/, (k) => {
    const rest = k.replace(new RegExp(`(^|[\\s\\[])${num}\\s+0\\s+R(?=[\\s\\]]|$)`), '$1').replace(/\s+\]/, ']');
    return /^\/K\s*\d+\s+0\s+R$/.test(k) && !/\d+\s+0\s+R/.test(rest) ? '/K []' : rest;
  });
}

/**
 * The structure elements to write again so that each table split by a page break is one
 * `Table`: `dicts` holds every structure element's dictionary by object number, `roots` the
 * root's children in order. Returns the changed dictionaries by object number (empty when no
 * table is split).
 */
export function mergeSplitTables(dicts: ReadonlyMap<number, string>, roots: readonly number[]): Map<number, string> {
  const content: number[] = [];
  const parents = new Map<number, number>();
  const seen = new Set<number>();
  const walk = (num: number, depth: number): void => {
    const dict = dicts.get(num);
    if (!dict || seen.has(num) || depth > 200) return;
    seen.add(num);
    const type = structType(dict) ?? '';
    if (CONTENT.test(type)) content.push(num);
    if (type === 'Table') return;
    for (const kid of structKids(dict)) {
      parents.set(kid, num);
      walk(kid, depth + 1);
    }
  };
  for (const root of roots) walk(root, 0);

  const changed = new Map<number, string>();
  const current = (num: number): string => changed.get(num) ?? dicts.get(num) ?? '';
  let head: number | undefined;
  let lastPage: number | undefined;
  let cells: number | undefined;
  for (const num of content) {
    const dict = current(num);
    const isTable = structType(dict) === 'Table';
    const hasCaption = isTable && structKids(dict).some((kid) => structType(dicts.get(kid) ?? '') === 'Caption');
    const page = pageOf(dict);
    const header = isTable ? headerCells(dicts, dict) : undefined;
    if (isTable && head !== undefined && !hasCaption && header !== undefined && header === cells && page !== lastPage) {
      const parent = parents.get(num);
      if (parent !== undefined) changed.set(parent, withoutKid(current(parent), num));
      changed.set(head, withKid(current(head), num));
      changed.set(num, dict.replace(/\/S\s*\/Table\b/, '/S /TBody').replace(/\/P\s+\d+\s+0\s+R/, `/P ${head} 0 R`));
      lastPage = page;
      continue;
    }
    head = isTable ? num : undefined;
    lastPage = page;
    cells = header;
  }
  return changed;
}
