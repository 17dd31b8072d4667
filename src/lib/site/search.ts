/**
 * Pure pieces of the search page, shared by the page (build time) and its browser script:
 * the Italian messages, the excerpt with only Pagefind's highlights kept, and the catalogue
 * links offered when search cannot run. No DOM and no Node APIs here.
 */
import { formatInteger } from '../format.ts';
import { fillTemplate } from './template.ts';

/** The search page's strings (from `search.*` in it.json), handed to the script as JSON. */
export interface SearchStrings {
  countOne: string;
  countMany: string;
  none: string;
  unavailable: string;
  /** When a corrected query found more than the typed one: `{count}`, `{suggestion}`, `{query}`. */
  suggestionOne: string;
  suggestionMany: string;
}

/** The sentence announcing the results of the corrected query, shown instead of the typed one's. */
export function suggestionCountText(strings: SearchStrings, count: number, query: string, suggestion: string): string {
  return fillTemplate(count === 1 ? strings.suggestionOne : strings.suggestionMany, { count: formatInteger(count), query, suggestion });
}

/** A piece of a result excerpt: plain text, highlighted (`<mark>`) or not. */
export interface ExcerptSegment {
  text: string;
  marked: boolean;
}

/** The sentence announcing how many results a query found. */
export function resultCountText(strings: SearchStrings, count: number, query: string): string {
  const template = count === 0 ? strings.none : count === 1 ? strings.countOne : strings.countMany;
  return fillTemplate(template, { count: formatInteger(count), query });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML character references Pagefind leaves in excerpt text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a Pagefind excerpt into text segments, keeping only its `<mark>` highlights: any other
 * markup stays literal text (the script renders segments as text nodes, never as HTML).
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part !== '') {
      const text = decodeEntities(part);
      const last = segments.at(-1);
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}

/** A result link is only followed if it stays on the site (a path, not `javascript:` or another host). */
export function isSitePath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** Links to the activity catalogue of every organization that has at least one card. */
export function catalogueLinks(
  organizations: readonly { id: string; name: { short: string } }[],
  cards: readonly { organization: { id: string } }[],
  catalogueUrl: (org: string) => string,
): { label: string; href: string }[] {
  const withCards = new Set(cards.map((card) => card.organization.id));
  return organizations.filter((org) => withCards.has(org.id)).map((org) => ({ label: org.name.short, href: catalogueUrl(org.id) }));
}

/**
 * The kinds of page the search indexes, as the `tipo` filter names them (keys of
 * `search.types.*` in it.json). Lists, facet views, the home pages and service pages are left
 * out: they repeat the titles of the pages they list (or, empty, match nothing useful), and
 * would bury the pages themselves under them.
 */
export const SEARCH_TYPES = [
  'scheda',
  'piano',
  'obiettivi',
  'statistiche',
  'testo',
  'pubblicazione',
  'programma',
  'organizzazione',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Route shapes of the indexed pages: `*` is any one segment (see src/pages/). */
const SEARCH_ROUTES: readonly [pattern: readonly string[], type: SearchType][] = [
  [['*', 'attivita', '*'], 'scheda'],
  [['*', 'piani', '*'], 'piano'],
  [['*', 'obiettivi'], 'obiettivi'],
  [['*', 'statistiche', '*'], 'statistiche'],
  [['*', 'testi', '*'], 'testo'],
  [['*', 'pubblicazioni', '*'], 'pubblicazione'],
  [['*', 'organizzazione'], 'organizzazione'],
  [['finanziamenti', '*'], 'programma'],
];

/** Top-level sections that are not organizations: nothing under them is an organization's page. */
const SERVICE_SECTIONS: ReadonlySet<string> = new Set(['stampa', 'dati', 'cerca', 'accessibilita']);

/**
 * What kind of content a page is for the search, from its path (`/anci-lombardia/attivita/x/`),
 * or undefined when the page is not indexed. The layout marks the `<main>` of these pages with
 * `data-pagefind-body`; Pagefind then leaves every other page out of the index.
 */
export function searchType(pathname: string): SearchType | undefined {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0 || SERVICE_SECTIONS.has(parts[0] ?? '')) return undefined;
  if (parts.at(-1)?.includes('.')) return undefined;
  return SEARCH_ROUTES.find(
    ([pattern]) =>
      pattern.length === parts.length &&
      pattern.every((part, i) => part === '*' || part === parts[i]) &&
      (pattern[0] !== '*' || parts[0] !== 'finanziamenti'),
  )?.[1];
}

/**
 * The `data-pagefind-filter` values of a page, one per filter: `tipo:Progetti e servizi`,
 * `organizzazione:ANCI Lombardia` (Pagefind reads one filter per element; the value is all that
 * follows the first colon). Filters without a value are left out.
 */
export function searchFilterValues(filters: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(filters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}:${value}`);
}

/** The words of a text for the suggestions: lower case, letters and digits, three or more long. */
export function wordsOf(text: string): string[] {
  return (text.toLocaleLowerCase('it').match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((word) => !/^\d+$/.test(word));
}

/** The site's vocabulary for suggestions: every word of the texts once, the most frequent first. */
export function suggestionWords(texts: Iterable<string>): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/**
 * Optimal string alignment distance (Levenshtein plus the swap of two adjacent letters, the
 * commonest typing slip: «giovnai» is one edit from «giovani»), or `limit + 1` once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** Edits allowed for a word of this length: none below four letters, one up to five, then two. */
function allowedEdits(length: number): number {
  return length < 4 ? 0 : length <= 5 ? 1 : 2;
}

/**
 * A corrected query when some of its words are not in the site's vocabulary but close to one
 * (`words` most frequent first, so the commoner of two equally close words wins), else undefined.
 */
export function suggestQuery(query: string, words: readonly string[]): string | undefined {
  const known = new Set(words);
  let changed = false;
  const corrected = query
    .toLocaleLowerCase('it')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const limit = allowedEdits(word.length);
      if (known.has(word) || limit === 0 || !/^[\p{L}\p{N}]+$/u.test(word)) return word;
      let best: { word: string; distance: number } | undefined;
      for (const candidate of words) {
        const distance = editDistance(word, candidate, limit);
        if (distance <= limit && (!best || distance < best.distance)) best = { word: candidate, distance };
        if (best?.distance === 1) break;
      }
      if (!best) return word;
      changed = true;
      return best.word;
    });
  return changed ? corrected.join(' ') : undefined;
}

/** Fields that hold codes, addresses or editors' notes rather than words a reader would search. */
const NOT_WORDS: ReadonlySet<string> = new Set([
  'id',
  'globalId',
  'organization',
  'href',
  'url',
  'website',
  'email',
  'logo',
  'cover',
  'source',
  'provenance',
  'notes',
  'brandColor',
]);

/** Every text of the content (any depth), except the fields in `NOT_WORDS`. */
export function* contentTexts(value: unknown, key = ''): Generator<string> {
  if (NOT_WORDS.has(key)) return;
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* contentTexts(item);
  else if (typeof value === 'object' && value !== null)
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) yield* contentTexts(item, name);
}
