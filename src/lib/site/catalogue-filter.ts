/**
 * The catalogue's filter logic, shared by the pages built at build time and the browser script
 * that filters the same list in place: one definition of what "attivo in 2021, PNRR, oltre
 * 1 milione" means. Browser-safe on purpose: no Node import, no content loading, only plain
 * records (`CatalogueRecord`) that the build writes as `data-*` attributes and the script reads
 * back once.
 */
import { compareItalian, formatEuroCents, formatInteger } from '../format.ts';

/** The facets in the order the panel shows them; the keys are the URL slugs. */
export const FACET_KEYS = ['stato', 'area', 'anno', 'finanziamento', 'importo'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const STATUSES = ['attivo', 'in-progettazione', 'concluso'] as const;
export type CardStatus = (typeof STATUSES)[number];

/** Budget bands, smallest first; the slugs appear in URLs (`importo=oltre-1-milione`). */
export const BUDGET_BANDS = [
  'fino-a-50-mila',
  'da-50-a-250-mila',
  'da-250-mila-a-1-milione',
  'oltre-1-milione',
  'in-definizione',
  'non-indicato',
] as const;
export type BudgetBand = (typeof BUDGET_BANDS)[number];

/** The year facet's value for cards without dates (they run in no year). */
export const UNDATED = 'senza-date';

export const SORT_KEYS = ['recenti', 'titolo', 'importo'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** The order of the page as built (and of the RSS feed): most recent start first. */
export const DEFAULT_SORT: SortKey = 'recenti';

/** What the filter needs to know about one card. */
export interface CatalogueRecord {
  title: string;
  status: CardStatus;
  areas: readonly string[];
  funding: readonly string[];
  band: BudgetBand;
  /** First and last year the card runs in; null when it has no dates. */
  years: { from: number; to: number } | null;
  /** First day the start may mean (`AAAA-MM-GG`), '' without a start: sorts by recency. */
  start: string;
  /** Budget in cents, null when not given or in definizione: sorts by amount. */
  cents: number | null;
  /**
   * What the catalogue's text search looks in, already `searchable`: the list item's words
   * (title, summary, areas…). Only the browser sets it; without it the title is searched.
   */
  text?: string;
}

/** A filter: OR among the values of one facet, AND across facets; an empty facet does not filter. */
export interface FilterState {
  stato: string[];
  area: string[];
  finanziamento: string[];
  importo: string[];
  /** Year range; either end may be open. A card matches if its running years overlap it. */
  da: number | null;
  a: number | null;
  /** Also (OR) the cards without dates. */
  senzaDate: boolean;
  /** Words every shown card must contain (title, summary, areas…), as typed; '' for none. */
  q: string;
  ordina: SortKey;
}

/** The member of a closed vocabulary that `text` names, or the fallback. */
function oneOf<T extends string>(values: readonly T[], text: string | null | undefined, fallback: T): T {
  return values.find((v) => v === text) ?? fallback;
}

/** No filter, default order. */
export function emptyFilter(): FilterState {
  return { stato: [], area: [], finanziamento: [], importo: [], da: null, a: null, senzaDate: false, q: '', ordina: DEFAULT_SORT };
}

const FIFTY_THOUSAND = 5_000_000;
const TWO_HUNDRED_FIFTY_THOUSAND = 25_000_000;
const ONE_MILLION = 100_000_000;

/** The band of a budget in cents; bounds belong to the lower band (exactly 1 milione is not "oltre"). */
export function budgetBand(budget: { status: 'importo'; cents: number } | { status: 'in-definizione' } | null): BudgetBand {
  if (budget === null) return 'non-indicato';
  if (budget.status === 'in-definizione') return 'in-definizione';
  if (budget.cents <= FIFTY_THOUSAND) return 'fino-a-50-mila';
  if (budget.cents <= TWO_HUNDRED_FIFTY_THOUSAND) return 'da-50-a-250-mila';
  if (budget.cents <= ONE_MILLION) return 'da-250-mila-a-1-milione';
  return 'oltre-1-milione';
}

/** True when the card runs in year `year`. */
export function runsIn(record: Pick<CatalogueRecord, 'years'>, year: number): boolean {
  return record.years !== null && record.years.from <= year && year <= record.years.to;
}

function anyOf(selected: readonly string[], values: readonly string[]): boolean {
  return selected.length === 0 || selected.some((v) => values.includes(v));
}

function yearMatches(record: CatalogueRecord, state: FilterState): boolean {
  const ranged = state.da !== null || state.a !== null;
  if (!ranged && !state.senzaDate) return true;
  if (state.senzaDate && record.years === null) return true;
  if (!ranged || record.years === null) return false;
  return (state.a === null || record.years.from <= state.a) && (state.da === null || record.years.to >= state.da);
}

/** Text as the text search compares it: lower case, without accents, one space between words. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('it')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of the query appears in the text (both already `searchable`), e.g. «rifiuti lomb». */
export function containsWords(text: string, query: string): boolean {
  return query === '' || query.split(' ').every((word) => text.includes(word));
}

// The query of the last call to `matches`, made searchable once instead of once per record.
let lastQuery = { typed: '', words: '' };
function queryWords(typed: string): string {
  if (lastQuery.typed !== typed) lastQuery = { typed, words: searchable(typed) };
  return lastQuery.words;
}

/** True when the record passes every facet of the filter except `skip` (used for facet counts), and the text search. */
export function matches(record: CatalogueRecord, state: FilterState, skip?: FacetKey): boolean {
  return (
    (state.q === '' || containsWords(record.text ?? searchable(record.title), queryWords(state.q))) &&
    (skip === 'stato' || anyOf(state.stato, [record.status])) &&
    (skip === 'area' || anyOf(state.area, record.areas)) &&
    (skip === 'finanziamento' || anyOf(state.finanziamento, record.funding)) &&
    (skip === 'importo' || anyOf(state.importo, [record.band])) &&
    (skip === 'anno' || yearMatches(record, state))
  );
}

/** True when the filter restricts anything (the order does not count). */
export function isFiltering(state: FilterState): boolean {
  return (
    state.stato.length + state.area.length + state.finanziamento.length + state.importo.length > 0 ||
    state.da !== null ||
    state.a !== null ||
    state.senzaDate ||
    state.q.trim() !== ''
  );
}

const byTitle = (a: CatalogueRecord, b: CatalogueRecord): number => compareItalian(a.title, b.title);

/** Comparator for a sort key; records without a start or an amount go last, ties by title. */
export function compareRecords(key: SortKey): (a: CatalogueRecord, b: CatalogueRecord) => number {
  switch (key) {
    case 'titolo':
      return byTitle;
    case 'recenti':
      return (a, b) => {
        if (a.start !== b.start) {
          if (a.start === '') return 1;
          if (b.start === '') return -1;
          return a.start < b.start ? 1 : -1;
        }
        return byTitle(a, b);
      };
    case 'importo':
      return (a, b) => {
        if (a.cents !== b.cents) {
          if (a.cents === null) return 1;
          if (b.cents === null) return -1;
          return b.cents - a.cents;
        }
        // Among cards without an amount, "in definizione" comes before "non indicato".
        if (a.band !== b.band) return BUDGET_BANDS.indexOf(a.band) - BUDGET_BANDS.indexOf(b.band);
        return byTitle(a, b);
      };
  }
}

/** The records in the given order (a new array). */
export function sortRecords<T extends CatalogueRecord>(records: readonly T[], key: SortKey): T[] {
  return [...records].sort(compareRecords(key));
}

/** Each facet's values with counts. */
export type FacetCounts = Record<FacetKey, Map<string, number>>;

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * How many records each facet value would show, given the other facets of the filter (a value's
 * count ignores its own facet, so choosing "attivo" does not zero "concluso"). Years count every
 * year a card runs in; cards without dates count under `senza-date`. With the empty filter these
 * are the catalogue's plain counts.
 */
export function facetCounts(records: readonly CatalogueRecord[], state: FilterState = emptyFilter()): FacetCounts {
  const counts: FacetCounts = {
    stato: new Map(),
    area: new Map(),
    anno: new Map(),
    finanziamento: new Map(),
    importo: new Map(),
  };
  for (const r of records) {
    if (matches(r, state, 'stato')) bump(counts.stato, r.status);
    if (matches(r, state, 'area')) for (const area of r.areas) bump(counts.area, area);
    if (matches(r, state, 'finanziamento')) for (const f of r.funding) bump(counts.finanziamento, f);
    if (matches(r, state, 'importo')) bump(counts.importo, r.band);
    if (matches(r, state, 'anno')) {
      if (r.years === null) bump(counts.anno, UNDATED);
      else for (let y = r.years.from; y <= r.years.to; y++) bump(counts.anno, String(y));
    }
  }
  return counts;
}

/** The filter a static facet view shows: one facet, one value (`anno/2021` is the range 2021–2021). */
export function singleValueFilter(facet: FacetKey, value: string): FilterState {
  const state = emptyFilter();
  if (facet === 'anno') {
    if (value === UNDATED) state.senzaDate = true;
    else state.da = state.a = Number(value);
  } else {
    state[facet] = [value];
  }
  return state;
}

/** Values the URL may name; anything else in a query is dropped (old or hand-edited links). */
export interface KnownValues {
  stato?: readonly string[];
  area?: readonly string[];
  finanziamento?: readonly string[];
  importo?: readonly string[];
}

const LIST_FACETS = ['stato', 'area', 'finanziamento', 'importo'] as const;

function yearParam(text: string | null): number | null {
  return text !== null && /^\d{4}$/.test(text) ? Number(text) : null;
}

/**
 * Reads a filter from a query string: repeated keys for several values
 * (`?stato=attivo&stato=concluso&da=2019&a=2024&anno=senza-date&ordina=titolo`).
 */
export function parseQuery(search: string, known: KnownValues = {}): FilterState {
  const params = new URLSearchParams(search);
  const state = emptyFilter();
  for (const facet of LIST_FACETS) {
    const allowed = known[facet];
    const values = params.getAll(facet).filter((v, i, all) => v !== '' && all.indexOf(v) === i);
    state[facet] = allowed ? values.filter((v) => allowed.includes(v)) : values;
  }
  state.da = yearParam(params.get('da'));
  state.a = yearParam(params.get('a'));
  if (state.da !== null && state.a !== null && state.da > state.a) [state.da, state.a] = [state.a, state.da];
  state.senzaDate = params.getAll('anno').includes(UNDATED);
  state.q = (params.get('q') ?? '').trim();
  state.ordina = oneOf(SORT_KEYS, params.get('ordina'), DEFAULT_SORT);
  return state;
}

/** Writes a filter as a query string (with `?`, or '' for no filter in the default order); inverse of `parseQuery`. */
export function toQuery(state: FilterState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.append('q', state.q.trim());
  for (const v of state.stato) params.append('stato', v);
  for (const v of state.area) params.append('area', v);
  if (state.da !== null) params.append('da', String(state.da));
  if (state.a !== null) params.append('a', String(state.a));
  if (state.senzaDate) params.append('anno', UNDATED);
  for (const v of state.finanziamento) params.append('finanziamento', v);
  for (const v of state.importo) params.append('importo', v);
  if (state.ordina !== DEFAULT_SORT) params.append('ordina', state.ordina);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** Adds the value to a facet's selection, or removes it if already there (a new state). */
export function toggleValue(state: FilterState, facet: Exclude<FacetKey, 'anno'>, value: string): FilterState {
  const current = state[facet];
  return { ...state, [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
}

/**
 * A click on a year: selects that single year, or clears the range if it was exactly that year;
 * `senza-date` toggles the cards without dates.
 */
export function toggleYear(state: FilterState, value: string): FilterState {
  if (value === UNDATED) return { ...state, senzaDate: !state.senzaDate };
  const year = Number(value);
  return state.da === year && state.a === year ? { ...state, da: null, a: null } : { ...state, da: year, a: year };
}

/** True when a facet value is part of the filter (drives `aria-pressed`); a year is pressed when inside the range. */
export function isSelected(state: FilterState, facet: FacetKey, value: string): boolean {
  if (facet === 'anno') {
    if (value === UNDATED) return state.senzaDate;
    if (state.da === null && state.a === null) return false;
    const year = Number(value);
    return (state.da === null || state.da <= year) && (state.a === null || year <= state.a);
  }
  return state[facet].includes(value);
}

/**
 * The `data-*` attributes of a list item, read once by the browser script: facet values
 * (space-separated lists), running years, sort keys.
 */
export function cardDataAttributes(record: CatalogueRecord): Record<string, string> {
  return {
    'data-stato': record.status,
    'data-area': record.areas.join(' '),
    'data-finanziamento': record.funding.join(' '),
    'data-importo': record.band,
    ...(record.years ? { 'data-da': String(record.years.from), 'data-a': String(record.years.to) } : {}),
    'data-inizio': record.start,
    'data-centesimi': record.cents === null ? '' : String(record.cents),
  };
}

/** Reads back what `cardDataAttributes` wrote (the browser passes `element.dataset`). */
export function recordFromData(data: Record<string, string | undefined>, title: string, text?: string): CatalogueRecord {
  const list = (text: string | undefined): string[] => (text ? text.split(' ').filter(Boolean) : []);
  const from = Number(data['da']);
  const to = Number(data['a']);
  const cents = data['centesimi'];
  return {
    title,
    status: oneOf(STATUSES, data['stato'], 'attivo'),
    areas: list(data['area']),
    funding: list(data['finanziamento']),
    band: oneOf(BUDGET_BANDS, data['importo'], 'non-indicato'),
    years: data['da'] && data['a'] && Number.isInteger(from) && Number.isInteger(to) ? { from, to } : null,
    start: data['inizio'] ?? '',
    cents: cents ? Number(cents) : null,
    ...(text === undefined ? {} : { text: searchable(text) }),
  };
}

/** The sum of the amounts of the records that give one, and how many do (`null` amounts are left out). */
export function budgetTotal(records: readonly Pick<CatalogueRecord, 'cents'>[]): { cents: number; counted: number } {
  let cents = 0;
  let counted = 0;
  for (const record of records) {
    if (record.cents === null) continue;
    cents += record.cents;
    counted++;
  }
  return { cents, counted };
}

/** Replaces `{name}` placeholders of a UI string: `fillTemplate('{n} attività', { n: '12' })`. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Templates of the result count, from it.json (the page hands them to the script). */
export interface CountTemplates {
  one: string;
  many: string;
  /** When filtering: `{n} di {total} attività`. */
  of: string;
}

/** The result count as read aloud: `75 attività`, `1 attività`, `12 di 75 attività` (numbers already formatted). */
export function countText(shown: number, total: number, templates: CountTemplates, format: (n: number) => string = String): string {
  if (shown !== total) return fillTemplate(templates.of, { n: format(shown), total: format(total) });
  return shown === 1 ? templates.one : fillTemplate(templates.many, { n: format(shown) });
}

/** Templates of the € total line, from it.json (`catalogue.total.*`). */
export interface TotalTemplates {
  /** Every shown card has an amount: `{amount}`. */
  all: string;
  /** Some have: `{amount}`, `{counted}`, `{shown}`. */
  some: string;
  /** None has one. */
  none: string;
}

/** The € total of the shown cards, saying how many of them give an amount. */
export function totalText(total: { cents: number; counted: number }, shown: number, templates: TotalTemplates): string {
  if (total.counted === 0) return templates.none;
  const values = { amount: formatEuroCents(total.cents), counted: formatInteger(total.counted), shown: formatInteger(shown) };
  return fillTemplate(total.counted === shown ? templates.all : templates.some, values);
}
