/**
 * The activity catalogue, shaped for the pages: one record per card (what the filter reads),
 * the facet panel with counts and links, the list items with their `data-*` attributes, the
 * static facet views, the RSS items and the cross-organization funding views. Pure functions
 * of the content graph and the current year; the browser-safe filter itself is in
 * `catalogue-filter.ts`.
 */
import it from '../../i18n/it.json' with { type: 'json' };
import { t } from '../../i18n/t.ts';
import { formatDateRange, formatEuroCents, compareItalian } from '../format.ts';
import { earliestDay, parsePartialDate } from '../partial-date.ts';
import { today } from '../validate/index.ts';
import type { SiteCard, SiteFunding, SiteOrganization } from './content.ts';
import {
  BUDGET_BANDS,
  budgetBand,
  facetCounts,
  FACET_KEYS,
  matches,
  singleValueFilter,
  fillTemplate,
  sortRecords,
  STATUSES,
  UNDATED,
  type CatalogueRecord,
  type FacetKey,
  type FilterState,
  type SortKey,
} from './catalogue-filter.ts';
import { urls } from './urls.ts';

/**
 * A UI string of it.json with its `{placeholders}` filled; without values, the raw template
 * (what the browser script receives to rewrite the result count).
 */
export function uiText(key: string, values?: Record<string, string>): string {
  let node: unknown = it;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') throw new Error(`Testo dell'interfaccia mancante: «${key}» non è in src/i18n/it.json`);
  return values ? fillTemplate(node, values) : node;
}

/** The fields of a card the catalogue reads (a whole `SiteCard` fits). */
export type CatalogueCard = Pick<SiteCard, 'id' | 'title' | 'summary' | 'status' | 'areas' | 'funding' | 'budget' | 'start' | 'end'>;

/** The year of `today()` (pinned by `ANNUARIO_TODAY`): open-ended active cards run up to it. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/**
 * The years a card runs in. Without an end, an active or planned card runs up to the current
 * year (or its start, if later) and a concluded one only in its start year; a card with no
 * date at all runs in no year.
 */
export function runningYears(card: Pick<CatalogueCard, 'status' | 'start' | 'end'>, year: number): { from: number; to: number } | null {
  const start = card.start === undefined ? null : parsePartialDate(card.start);
  const end = card.end === undefined ? null : parsePartialDate(card.end);
  if (start && end) return { from: start.year, to: end.year };
  if (end) return { from: end.year, to: end.year };
  if (!start) return null;
  return { from: start.year, to: card.status === 'concluso' ? start.year : Math.max(start.year, year) };
}

/** What the filter knows about a card. */
export function catalogueRecord(card: CatalogueCard, year: number): CatalogueRecord {
  const start = card.start === undefined ? null : parsePartialDate(card.start);
  return {
    title: card.title,
    status: card.status,
    areas: card.areas.map((a) => a.id),
    funding: card.funding.map((f) => f.id),
    band: budgetBand(card.budget),
    years: runningYears(card, year),
    start: start ? earliestDay(start) : '',
    cents: card.budget?.status === 'importo' ? card.budget.cents : null,
  };
}

/** A card with its record, so that filters and sorts keep hold of the card. */
export type RecordedCard<C extends CatalogueCard = CatalogueCard> = CatalogueRecord & { card: C };

/** Every card with its record, in the given order (default: most recent start first). */
export function recordCards<C extends CatalogueCard>(cards: readonly C[], year: number, sort: SortKey = 'recenti'): RecordedCard<C>[] {
  return sortRecords(
    cards.map((card) => ({ ...catalogueRecord(card, year), card })),
    sort,
  );
}

/** The cards a filter keeps, in the filter's order. */
export function filterCards<C extends CatalogueCard>(cards: readonly C[], state: FilterState, year: number): C[] {
  return recordCards(cards, year, state.ordina)
    .filter((r) => matches(r, state))
    .map((r) => r.card);
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  /** The static view of this value. */
  href: string;
}

export interface Facet {
  key: FacetKey;
  label: string;
  values: FacetValue[];
}

/** The label of one facet value; areas and programmes take theirs from the cards (resolved in the graph). */
export function facetValueLabel(facet: FacetKey, value: string, cards: readonly CatalogueCard[] = []): string {
  switch (facet) {
    case 'stato':
      return t(`status.${value}`);
    case 'importo':
      return t(`catalogue.bands.${value}`);
    case 'anno':
      return value === UNDATED ? t('catalogue.undated') : value;
    case 'area':
      return cards.flatMap((c) => c.areas).find((a) => a.id === value)?.label ?? value;
    case 'finanziamento':
      return cards.flatMap((c) => c.funding).find((f) => f.id === value)?.label ?? value;
  }
}

function byLabel(a: FacetValue, b: FacetValue): number {
  return compareItalian(a.label, b.label);
}

/**
 * The facet panel of an organization's catalogue: every value that some card has, with its
 * count and the URL of its static view. Statuses and bands in their natural order, areas and
 * programmes alphabetically, years ascending with the cards without dates last.
 */
export function catalogueFacets(orgId: string, cards: readonly CatalogueCard[], year: number): Facet[] {
  const counts = facetCounts(cards.map((c) => catalogueRecord(c, year)));
  const values = (facet: FacetKey, order?: readonly string[]): FacetValue[] => {
    const keys = order ? order.filter((k) => counts[facet].has(k)) : [...counts[facet].keys()];
    return keys.map((value) => ({
      value,
      label: facetValueLabel(facet, value, cards),
      count: counts[facet].get(value) ?? 0,
      href: urls.catalogueFacet(orgId, facet, value),
    }));
  };
  const years = [...counts.anno.keys()]
    .filter((k) => k !== UNDATED)
    .map(Number)
    .sort((a, b) => a - b)
    .map(String);
  const facets: Record<FacetKey, FacetValue[]> = {
    stato: values('stato', STATUSES),
    area: values('area').sort(byLabel),
    anno: values('anno', [...years, UNDATED]),
    finanziamento: values('finanziamento').sort(byLabel),
    importo: values('importo', BUDGET_BANDS),
  };
  return FACET_KEYS.map((key) => ({ key, label: t(`catalogue.facets.${key}`), values: facets[key] }));
}

/** One static view per facet value that has cards: `/<org>/attivita/<facet>/<value>/`. */
export function facetViews(facets: readonly Facet[]): { facet: FacetKey; value: string; label: string; facetLabel: string }[] {
  return facets.flatMap((f) => f.values.map((v) => ({ facet: f.key, value: v.value, label: v.label, facetLabel: f.label })));
}

/**
 * Every static view with its cards, most recent first: the cards are recorded and sorted once
 * for all the views (a large catalogue has dozens of views over thousands of cards).
 */
export function facetViewsWithCards<C extends CatalogueCard>(
  facets: readonly Facet[],
  cards: readonly C[],
  year: number,
): (ReturnType<typeof facetViews>[number] & { cards: C[] })[] {
  const recorded = recordCards(cards, year);
  return facetViews(facets).map((view) => ({
    ...view,
    cards: recorded.filter((r) => matches(r, singleValueFilter(view.facet, view.value))).map((r) => r.card),
  }));
}

/** The cards of one static facet view, most recent first. */
export function facetViewCards<C extends CatalogueCard>(cards: readonly C[], facet: FacetKey, value: string, year: number): C[] {
  return filterCards(cards, singleValueFilter(facet, value), year);
}

/** The dates of a card as the list shows them, at their printed precision ('' without dates). */
export function cardDates(card: Pick<CatalogueCard, 'start' | 'end'>): string {
  return formatDateRange(card.start, card.end);
}

/** The budget as printed (`8.739.950,00 €`), `In definizione`, or '' when not given. */
export function cardBudget(card: Pick<CatalogueCard, 'budget'>): string {
  if (card.budget === null) return '';
  return card.budget.status === 'in-definizione' ? t('catalogue.budgetTbd') : formatEuroCents(card.budget.cents);
}

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
}

/** RSS items of an organization's cards, most recent start first; the start's first day is the date. */
export function feedItems(cards: readonly CatalogueCard[], year: number): FeedItem[] {
  return recordCards(cards, year, 'recenti').map(({ card, start }) => ({
    title: card.title,
    link: urls.card(card.id),
    description: card.summary,
    ...(start ? { pubDate: new Date(`${start}T00:00:00Z`) } : {}),
  }));
}

/** Every funding programme with the number of cards, across all organizations, citing it. */
export function fundingIndex(
  funding: readonly SiteFunding[],
  cards: readonly Pick<CatalogueCard, 'funding'>[],
): { programme: SiteFunding; count: number }[] {
  // A programme no activity cites gets no row and no page: it would lead to an empty list.
  return funding
    .map((programme) => ({
      programme,
      count: cards.filter((c) => c.funding.some((f) => f.id === programme.id)).length,
    }))
    .filter((row) => row.count > 0);
}

/** The cards funded by a programme, grouped by the organization running them (organizations alphabetically, cards by title). */
export function fundingGroups<C extends CatalogueCard & { organization: { id: string } }>(
  fundingId: string,
  cards: readonly C[],
  organizations: readonly Pick<SiteOrganization, 'id' | 'name'>[],
): { organization: Pick<SiteOrganization, 'id' | 'name'>; cards: C[] }[] {
  const funded = cards.filter((c) => c.funding.some((f) => f.id === fundingId));
  return organizations
    .map((organization) => ({
      organization,
      cards: funded.filter((c) => c.organization.id === organization.id).sort((a, b) => compareItalian(a.title, b.title)),
    }))
    .filter((g) => g.cards.length > 0)
    .sort((a, b) => compareItalian(a.organization.name.short, b.organization.name.short));
}
