/**
 * Pure helpers for the seed tests: read the OCR text of the source documents and pull out the
 * parts the example content must agree with (catalogue index, budget lines, statistics tables,
 * plan objectives), plus the text comparisons used to match OCR text with transcribed text.
 *
 * Nothing here knows about the content files: the tests compare what these functions return with
 * what the validated loader returns.
 */

/* ------------------------------------------------------------------------------------------ */
/* Text comparison                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** Lowercase, accents stripped: `Attività` → `attivita`. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Words of a text for comparison: folded, every character that is not a letter or a digit
 * (punctuation, OCR debris such as `|`, `[`, `®`, apostrophes of any shape) becomes a separator,
 * and one-letter words are dropped. One-letter words are mostly articles and elisions that the
 * OCR damages (`l'obiettivo` printed `I'obiettivo` or `|'obiettivo`) or conjunctions (`e`): they
 * carry no meaning for telling two sentences apart.
 */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/**
 * Share of words two texts have in common: size of the multiset intersection over the size of
 * the longer word list (0 to 1). Order is ignored; a word mangled by the OCR (`pil` for `più`,
 * `Aensibilizzare`) costs one word, so a sentence of ten words with two damaged ones still scores
 * 0.8.
 */
export function wordOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(w, n - 1);
    }
  }
  return common / Math.max(wa.length, wb.length);
}

/** Letters and digits only, folded: `Laformazione, la nostra Scuola` → `laformazionelanostrascuola`. */
export function compact(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Similarity of two titles on their letters and digits only (1 = identical): robust to spacing
 * (`Laformazione`), punctuation and single OCR letter swaps (`Iombardi`, `del` for `dei`).
 */
export function titleSimilarity(a: string, b: string): number {
  const ca = compact(a);
  const cb = compact(b);
  const longest = Math.max(ca.length, cb.length);
  return longest === 0 ? 1 : 1 - editDistance(ca, cb) / longest;
}

/* ------------------------------------------------------------------------------------------ */
/* Italian numbers                                                                            */
/* ------------------------------------------------------------------------------------------ */

/**
 * A number as printed in Italian, scaled by `scale` without floating-point drift: `1.400` →
 * 1400 (dot = thousands), `8,3` → 8.3 (comma = decimals), `4.33` → 4.33 (a dot followed by other
 * than three digits cannot be a thousands separator, so it is a decimal point, as in the printed
 * rating «4.33»). Returns null if the text is not a number.
 */
export function parseItalianNumber(printed: string, scale = 1): number | null {
  const text = printed.trim();
  let integer: string;
  let decimals: string;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text) || /^\d+(?:,\d+)?$/.test(text)) {
    const [intPart = '', decPart = ''] = text.split(',');
    integer = intPart.replace(/\./g, '');
    decimals = decPart;
  } else if (/^\d+\.\d+$/.test(text)) {
    const [intPart = '', decPart = ''] = text.split('.');
    integer = intPart;
    decimals = decPart;
  } else {
    return null;
  }
  // integer digits and decimal digits as one integer, divided once: 83 * 1e6 / 10 = 8300000.
  return (Number(integer + decimals) * scale) / 10 ** decimals.length;
}

/** Regular Italian euro amount, `1.714.067,00 €`, `18.000,00€` or `€ 1.000,00`: its groups. */
const NORMAL_EURO_RE = /^(?:€\s?)?(\d{1,3}(?:\.\d{3})*),(\d{2})(?:\s?€)?$/;

/**
 * Cents of a euro amount under the normal Italian reading (dot for thousands, comma for the
 * two decimals, the euro sign before or after), or null when the printed form does not follow
 * it (`525.000.00€`, `60,000,00 €`, `€ 00,000,008`): those need a recorded reading.
 */
export function normalEuroCents(printed: string): number | null {
  const text = printed.trim();
  if ((text.match(/€/g) ?? []).length !== 1) return null;
  const match = NORMAL_EURO_RE.exec(text);
  if (!match) return null;
  const [, euros = '', cents = ''] = match;
  return Number(euros.replace(/\./g, '')) * 100 + Number(cents);
}

/* ------------------------------------------------------------------------------------------ */
/* Catalogue (003): index                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** One entry of the printed index, with its continuation lines joined. */
export interface IndexLine {
  /** Title as printed, lines joined with a space. */
  title: string;
  /** Page token as printed after the tab, cleaned of leading dots (`. 68` → `68`), or ''. */
  page: string;
  /** 1-based line number of the first line in the seed. */
  line: number;
}

/** The index of the catalogue, by part title (as given, e.g. `Cosa stiamo facendo`). */
export function parseCatalogueIndex(text: string, partTitles: readonly string[], endTitle: string): Map<string, IndexLine[]> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'INDICE');
  if (start < 0) throw new Error('INDICE not found in the catalogue seed');
  const end = lines.findIndex((l, i) => i > start && l.trim() === endTitle);
  if (end < 0) throw new Error(`"${endTitle}" not found after the index`);
  const headers = partTitles.map((title) => {
    const at = lines.findIndex((l, i) => i > start && i < end && l.trim() === title.toUpperCase());
    if (at < 0) throw new Error(`part header "${title.toUpperCase()}" not found in the index`);
    return at;
  });
  const parts = new Map<string, IndexLine[]>();
  partTitles.forEach((title, k) => {
    const from = (headers[k] ?? 0) + 1;
    const to = headers[k + 1] ?? end;
    const entries: IndexLine[] = [];
    for (let i = from; i < to; i++) {
      const raw = lines[i] ?? '';
      // Blank lines and the bare page numbers of the next part's divider page (66, 74, 108).
      if (raw.trim() === '' || /^\d+$/.test(raw.trim())) continue;
      const tab = raw.indexOf('\t');
      const lineTitle = (tab < 0 ? raw : raw.slice(0, tab)).trim();
      const page = tab < 0 ? '' : raw.slice(raw.lastIndexOf('\t') + 1).replace(/^[.\s]+/, '').trim();
      const previous = entries.at(-1);
      // A title broken over two lines: the first line has no page, the next starts in lowercase,
      // with a quote or a parenthesis ("strategico nell'ambito del PNRR", "(2022-2023)").
      if (previous && previous.page === '' && /^[a-zà-ú"(]/.test(lineTitle)) {
        previous.title = `${previous.title} ${lineTitle}`;
        previous.page = page;
      } else {
        entries.push({ title: lineTitle, page, line: i + 1 });
      }
    }
    parts.set(title, entries);
  });
  return parts;
}

/* ------------------------------------------------------------------------------------------ */
/* Catalogue (003): budget lines                                                              */
/* ------------------------------------------------------------------------------------------ */

/** A printed budget: an amount in euro, or "IN (VIA DI) DEFINIZIONE". */
export interface BudgetLine {
  /** 1-based line number in the seed. */
  line: number;
  /** The line exactly as printed, trimmed. */
  printed: string;
  /** `amount` for a line in euro, `tbd` for a budget still being defined. */
  kind: 'amount' | 'tbd';
  /** The first non-empty line after it: the card's one-line summary. */
  next: string;
}

/** A line that is only an amount with the euro sign, OCR variants included. */
export const BUDGET_AMOUNT_RE = /^(?:€\s*)?\d[\d.,]*\d(?:\s*€)?$/;
/** A budget still being defined. */
export const BUDGET_TBD_RE = /^IN (?:VIA DI )?DEFINIZIONE$/;

export function parseBudgetLines(text: string): BudgetLine[] {
  const lines = text.split('\n');
  const out: BudgetLine[] = [];
  lines.forEach((raw, i) => {
    const printed = raw.trim();
    const kind = BUDGET_TBD_RE.test(printed) ? 'tbd' : BUDGET_AMOUNT_RE.test(printed) && printed.includes('€') ? 'amount' : null;
    if (kind === null) return;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    out.push({ line: i + 1, printed, kind, next: next.trim() });
  });
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Bilancio sociale (002): statistics tables                                                  */
/* ------------------------------------------------------------------------------------------ */

export interface SeedTableRow {
  /** 1-based line number in the seed. */
  line: number;
  /** Group heading (social table: `facebook`), carried down to the rows that leave it empty. */
  group: string | null;
  /** Row label with HTML tags removed; '' when the printed row has no label. */
  label: string;
  /** Cells in column order: numbers as read in Italian, null for an empty cell. */
  cells: (number | null)[];
  /** Cells exactly as printed. */
  printed: string[];
}

export interface SeedTable {
  /** 1-based line number of the header line. */
  line: number;
  /** Column headings as printed: `2019` … `GIUGNO 2024`. */
  periods: string[];
  rows: SeedTableRow[];
}

/** Header of a table: starts with a tab, then the year columns. */
const TABLE_HEADER_RE = /^\t+\d{4}\t/;

/**
 * Every tab-separated table: a header line starting with tabs (one per label column) and the
 * period headings, then one line per row until the first line without a tab.
 */
export function parseStatsTables(text: string): SeedTable[] {
  const lines = text.split('\n');
  const tables: SeedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] ?? '';
    if (!TABLE_HEADER_RE.test(header)) continue;
    const labelColumns = (/^\t+/.exec(header)?.[0] ?? '').length;
    const periods = header.split('\t').slice(labelColumns);
    const table: SeedTable = { line: i + 1, periods, rows: [] };
    let group: string | null = null;
    let j = i + 1;
    for (; j < lines.length && (lines[j] ?? '').includes('\t'); j++) {
      const fields = (lines[j] ?? '').split('\t');
      const labels = fields.slice(0, labelColumns).map((f) => f.replace(/<[^>]+>/g, '').trim());
      const printed = fields.slice(labelColumns);
      if (printed.length !== periods.length) {
        throw new Error(`seed line ${j + 1}: ${printed.length} cells for ${periods.length} periods`);
      }
      if (labelColumns === 2) group = labels[0] === '' ? group : (labels[0] ?? null);
      const cells = printed.map((cell) => {
        if (cell.trim() === '') return null;
        const value = parseItalianNumber(cell);
        if (value === null) throw new Error(`seed line ${j + 1}: "${cell}" is not a number`);
        return value;
      });
      table.rows.push({ line: j + 1, group: labelColumns === 2 ? group : null, label: labels.at(-1) ?? '', cells, printed });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/* ------------------------------------------------------------------------------------------ */
/* Piano 2021 (000): sections and "Obiettivi" bullets                                         */
/* ------------------------------------------------------------------------------------------ */

export interface SeedPlanSection {
  /** Title as printed, after the section mark (`@®`, `@`). */
  title: string;
  /** 1-based line number of the heading. */
  line: number;
  /** Bullets of its "Obiettivi" list, continuation lines joined; empty when it has none. */
  objectives: string[];
}

/** Section heading: an `@` mark (OCR of the printed bullet), then the title. */
const SECTION_RE = /^\s*@\S*\s+(.+?)\s*$/;
/**
 * Start of a bullet: the OCR renders the printed bullet as `*`, `®` or `•`, once as a lone `e`
 * before a capital ("e Ulteriore promozione…"); continuation lines never start that way.
 */
const BULLET_RE = /^\s*(?:[*®•]|e(?=\s+\p{Lu}))\s*/u;

export function parsePlanSections(text: string): SeedPlanSection[] {
  const sections: SeedPlanSection[] = [];
  let inObjectives = false;
  text.split('\n').forEach((raw, i) => {
    const heading = SECTION_RE.exec(raw);
    if (heading) {
      sections.push({ title: heading[1] ?? '', line: i + 1, objectives: [] });
      inObjectives = false;
      return;
    }
    const current = sections.at(-1);
    if (!current) return;
    if (raw.trim() === 'Obiettivi') {
      inObjectives = true;
      return;
    }
    if (!inObjectives || raw.trim() === '') return;
    const bullet = BULLET_RE.exec(raw);
    if (bullet) {
      current.objectives.push(raw.slice(bullet[0].length).trim());
    } else {
      const last = current.objectives.length - 1;
      const previous = current.objectives[last];
      if (previous === undefined) throw new Error(`seed line ${i + 1}: text in an Obiettivi list before any bullet`);
      // A word broken at the end of the line ("garan-" / "tisca") is joined without a space.
      current.objectives[last] = /\p{L}-$/u.test(previous) ? `${previous.slice(0, -1)}${raw.trim()}` : `${previous} ${raw.trim()}`;
    }
  });
  return sections;
}
