/**
 * The print version of a report (paginated by Paged.js into the PDF): card headers as the
 * printed catalogue shows them, anchors for cards, the table of contents with the catalogue's
 * cards under their parts, and cover lines. Pure: the same outline
 * as the web page (reports.ts) drives it, so web and print agree on chapters.
 */
import { t } from '../../i18n/t.ts';
import { formatCoveredPeriod, formatDateRange, formatEuroCents, formatPartialDate } from '../format.ts';
import type { SiteStatsTable } from './content.ts';
import { formatHeadlineNumber } from './headlines.ts';
import type { OutlineChapter, TocEntry } from './reports.ts';
import { localSlug } from './urls.ts';

/** The card fields the printed header and body use. */
export interface PrintableCard {
  id: string;
  title: string;
  summary: string;
  areas: readonly { id: string; label: string }[];
  start?: string | undefined;
  end?: string | undefined;
  datesAsPrinted?: string | undefined;
  budget: { status: 'importo'; cents: number } | { status: 'in-definizione' } | null;
  partners: readonly (
    { relation: string; organization: { id: string; label: string } } | { relation: string; name?: string | undefined }
  )[];
  territories: readonly string[];
  publications: readonly { title: string; note?: string | undefined; url?: string | undefined }[];
  /** Funding programmes, e.g. `[{ id: 'pnrr', label: 'PNRR' }]`. */
  funding?: readonly { id: string; label: string }[] | undefined;
}

/** A card as the printed catalogue lays it out: header block, then summary, description and facts. */
export interface PrintCardView {
  anchor: string;
  title: string;
  /** Thematic area labels (printed in small caps). */
  areas: string[];
  /** Colour of each area (0 to AREA_TONES − 1), the same for an area on every card. */
  areaTones: number[];
  /** Funding programme labels: `PNRR`. */
  funding: string[];
  /** Dates as printed (`ATTIVO DAL 13/07/2023`) or formatted from start and end; '' when none. */
  dates: string;
  /** `1.714.067,00 €`, `IN DEFINIZIONE`, or '' when no budget is given. */
  budget: string;
  summary: string;
  /** Partner names, with the relation when it is not plain partnership: `Regione Lombardia (committente)`. */
  partners: string[];
  territories: string[];
  publications: { title: string; note: string; url: string }[];
}

/**
 * The colours of the thematic areas on catalogue cards, told apart at a glance and each at
 * least 3:1 against white (a bar, not text). The print layout makes `.print-area--<n>` of each
 * (areaToneCss), so this list is the only place they are set.
 */
export const AREA_COLOURS = ['#1b5e9e', '#2e7d32', '#b35c00', '#7b3fa0', '#00838f', '#a8324a', '#5d6b00', '#455a64'] as const;

/** How many area colours there are (`.print-area--0` … `--7`). */
export const AREA_TONES = AREA_COLOURS.length;

/** The rules that give each `.print-area--<n>` its colour as `--area`, for the print layout's own style. Pure. */
export function areaToneCss(colours: readonly string[] = AREA_COLOURS): string {
  return colours.map((colour, tone) => `.print-area--${tone}{--area:${colour}}`).join('');
}

/** An area's colour, from its id alone, so an area has one colour across the catalogue: `welfare` → 0…7. Pure. */
export function areaTone(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003;
  return hash % AREA_TONES;
}

/** Anchor of a card in the print version: `anci-lombardia/inlav` → `scheda-inlav`. */
export function cardAnchor(id: string): string {
  return `scheda-${localSlug(id).replace(/[^a-z0-9-]+/gi, '-')}`;
}

/** The budget as the catalogue prints it: `525.000,00 €`, `IN DEFINIZIONE`, or ''. */
export function printedBudget(budget: PrintableCard['budget']): string {
  if (budget === null) return '';
  return budget.status === 'in-definizione' ? t('print.card.budgetTbd') : formatEuroCents(budget.cents);
}

/** The dates as the catalogue prints them when recorded, else formatted at their precision. */
export function printedDates(card: Pick<PrintableCard, 'start' | 'end' | 'datesAsPrinted'>): string {
  return card.datesAsPrinted ?? formatDateRange(card.start, card.end);
}

/** A link's address in a discreet printed form: no scheme, no `www.`, no trailing slash; '' when the link text already shows it or the link is not external. */
export function printedUrl(href: string, text = ''): string {
  if (!/^https?:\/\//i.test(href)) return '';
  const short = href
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
  const shown = text
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
  return shown.toLowerCase() === short.toLowerCase() ? '' : short;
}

/** Everything the printed card shows, shaped once. */
export function printCardView(card: PrintableCard): PrintCardView {
  return {
    anchor: cardAnchor(card.id),
    title: card.title,
    areas: card.areas.map((a) => a.label),
    areaTones: card.areas.map((a) => areaTone(a.id)),
    funding: (card.funding ?? []).map((f) => f.label),
    dates: printedDates(card),
    budget: printedBudget(card.budget),
    summary: card.summary,
    partners: card.partners.map((p) => {
      const name = 'organization' in p ? p.organization.label : (p.name ?? '');
      return p.relation === 'partner' ? name : `${name} (${t(`card.relations.${p.relation}`)})`;
    }),
    territories: [...card.territories],
    publications: card.publications.map((p) => ({ title: p.title, note: p.note ?? '', url: p.url ? printedUrl(p.url) : '' })),
  };
}

/**
 * The printed table of contents: the web one (reportToc) with each cards chapter's cards
 * listed under it (or under its part, when the chapter has no heading of its own), so each
 * card gets its page number as in the printed catalogue's index.
 */
export function printToc(
  toc: readonly TocEntry[],
  outline: readonly OutlineChapter[],
  cardsOf: (entry: OutlineChapter) => readonly { id: string; title: string }[],
): TocEntry[] {
  const copy = (entry: TocEntry): TocEntry => ({ ...entry, children: entry.children.map(copy) });
  const result = toc.map(copy);
  const all = (entries: TocEntry[]): TocEntry[] => entries.flatMap((e) => [e, ...all(e.children)]);
  for (const entry of outline) {
    if (entry.chapter.type !== 'cards') continue;
    const target = all(result).find((e) => e.href === `#${entry.anchor}`);
    if (!target) continue;
    const cards = cardsOf(entry).map((card) => ({ href: `#${cardAnchor(card.id)}`, label: card.title, children: [] }));
    // A chapter without a heading of its own opens its part: its cards come before the part's
    // later chapters, in document order (not after «La crescita delle attività in numeri»).
    if (entry.title === null) target.children.unshift(...cards);
    else target.children.push(...cards);
  }
  return result;
}

/** What the cover says, line by line, in the order printed. */
export interface CoverLines {
  organization: string;
  region: string;
  kind: string;
  title: string;
  subtitle: string;
  period: string;
  edition: string;
}

/** The digits of a text, in order: «dal 2019 al giugno 2024» → `20192024`. */
const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/**
 * The cover's lines, each said once: the organization's full name, its region only when the name
 * does not already say it («ANCI Toscana / Toscana»), the kind only when the title does not start
 * with it («CATALOGO / Catalogo delle attività»), title, subtitle, the covered period only when
 * the subtitle does not already give the same dates, and the edition («Edizione giugno 2024»;
 * '' when absent or the same as the period: «2021», not again «Edizione 2021»).
 */
export function coverLines(
  report: {
    kind: string;
    title: string;
    subtitle?: string | undefined;
    period?: { from: string; to: string } | undefined;
    edition?: string | undefined;
  },
  organization: { name: { full: string }; region?: string | undefined },
): CoverLines {
  const kind = t(`reports.kinds.${report.kind}`);
  const region = organization.region ?? '';
  const subtitle = report.subtitle ?? '';
  const period = report.period ? formatCoveredPeriod(report.period.from, report.period.to) : '';
  const sameWords = (a: string, b: string) => a.toLocaleLowerCase('it').includes(b.toLocaleLowerCase('it'));
  const firstWord = kind.split(/\s+/)[0] ?? kind;
  const edition = report.edition ? formatPartialDate(report.edition) : '';
  return {
    organization: organization.name.full,
    region: region && !sameWords(organization.name.full, region) ? region : '',
    kind: sameWords(report.title, firstWord) ? '' : kind,
    title: report.title,
    subtitle,
    period: period && !(subtitle && digitsOf(subtitle) === digitsOf(period)) ? period : '',
    edition: edition && edition !== period ? t('print.edition', { date: edition }) : '',
  };
}

/**
 * The edition a report's cover prints: the report's own `edition`, else the edition of its
 * source document in the register (data/documents.yaml, where the catalogue's year is
 * established and noted); undefined when neither gives one. Both are validated where they are
 * written (the report's and the register's schemas; `source.document` must be in the register).
 */
export function reportEdition(
  report: { edition?: string | undefined; source?: { document: string } | undefined },
  register: readonly { file: string; edition: string }[],
): string | undefined {
  return report.edition ?? register.find((document) => document.file === report.source?.document)?.edition;
}

/** What the back cover prints: who publishes, where, how to reach them. */
export interface BackCoverLines {
  organization: string;
  /** `Via Rovello 2, 20121 Milano`, or ''. */
  address: string;
  phone: string;
  email: string;
  /** `www.anci.lombardia.it` (a link to `website`), or ''. */
  website: string;
  websiteHref: string;
}

/** The back cover's contacts from the organization's record, each '' when not recorded. Pure. */
export function backCoverLines(organization: {
  name: { full: string };
  address?: { street: string; postalCode?: string | undefined; city: string; province?: string | undefined } | undefined;
  contacts?: { email?: string | undefined; phone?: string | undefined } | undefined;
  website?: string | undefined;
}): BackCoverLines {
  const a = organization.address;
  const address = a ? `${a.street}, ${[a.postalCode, a.city].filter(Boolean).join(' ')}${a.province ? ` (${a.province})` : ''}` : '';
  return {
    organization: organization.name.full,
    address,
    phone: organization.contacts?.phone ?? '',
    email: organization.contacts?.email ?? '',
    website: organization.website ? printedUrl(organization.website) : '',
    websiteHref: organization.website ?? '',
  };
}

/** Id of a chart's text alternative on the print page: `anci-toscana/social/2` → `grafico-anci-toscana-social-2-testo`. */
export function chartTextId(key: string): string {
  return `grafico-${key.replace(/[^a-z0-9]+/gi, '-')}-testo`;
}

/**
 * Media queries in range syntax (`(width<=480px)`, as the CSS minifier writes `max-width`) made
 * back into `min-`/`max-` features: Paged.js 0.4's CSS parser cannot read the range form and its
 * @media handler then throws, stopping pagination. Other text is left as it is.
 */
export function legacyMediaQueries(css: string): string {
  return css.replace(
    /\(\s*(width|height|aspect-ratio|resolution)\s*(<=|>=)\s*([^()<>=]+?)\s*\)/g,
    (_match, feature: string, operator: string, value: string) => `(${operator === '<=' ? 'max' : 'min'}-${feature}:${value})`,
  );
}

/** A CSS string literal for `text`. Pure. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/**
 * The page-number footer's words ("Pagina {page} di {pages}", from it.json) as the custom
 * properties the print CSS puts around its counters: \`--print-page-before\`, \`--print-page-between\`,
 * \`--print-page-after\`. CSS cannot read it.json, and \`content\` cannot take a translated template. Pure.
 */
export function pageNumberProperties(template: string): string {
  const match = /^([^{}]*)\{page\}([^{}]*)\{pages\}([^{}]*)$/.exec(template);
  if (!match) throw new Error(`Testo del numero di pagina «${template}»: servono {page} e poi {pages}`);
  const [, before = '', between = '', after = ''] = match;
  return `--print-page-before:${cssString(before)};--print-page-between:${cssString(between)};--print-page-after:${cssString(after)}`;
}

/** A headline figure as a publication prints it: the big number and what it counts. */
export interface PrintedFigure {
  key: string;
  value: string;
  label: string;
  description: string;
}

/**
 * The headline figures a publication prints: the figure the organization declares when it
 * declares one (a difference from the table is for the editor to settle before publishing: the
 * validator warns, `--strict` blocks), otherwise the one computed from the table. No method
 * sentences and no notes: those belong to the site's data pages. Pure.
 */
export function printedFigures(tables: readonly SiteStatsTable[]): PrintedFigure[] {
  return tables.flatMap((table) =>
    table.headlines.map((headline) => {
      const row = headline.row === undefined ? undefined : table.rows.find((r) => r.id === headline.row);
      const value = headline.result.declared ?? headline.result.value;
      return {
        key: `${table.id}/${headline.id}`,
        value: value === null ? t('stats.noValue') : formatHeadlineNumber(value, headline, row),
        label: headline.label,
        description: headline.description ?? '',
      };
    }),
  );
}

/** One row of the printed annex on the previous plan: only what the content records. */
export interface RecordedObjective {
  text: string;
  section: string;
  /** `Raggiunto (2021)` when an outcome is recorded, else ''. */
  outcome: string;
  /** True when an objective of this plan continues it. */
  carried: boolean;
}

/**
 * The previous plan's objectives the content says something about: an outcome recorded along
 * the trail, or an objective of this plan that continues it. An objective with neither is left
 * out rather than marked «Senza esito» or «Non ripreso»: absence of a record is not a fact. Pure.
 */
export function recordedObjectives(
  objectives: readonly { text: string; section: string; status: string; asOf: string | null; carriedInto: readonly unknown[] }[],
): RecordedObjective[] {
  return objectives.flatMap((o) => {
    const outcome = o.asOf === null ? '' : `${t(`outcome.${o.status}`)} (${formatPartialDate(o.asOf)})`;
    const carried = o.carriedInto.length > 0;
    return outcome || carried ? [{ text: o.text, section: o.section, outcome, carried }] : [];
  });
}

/** The year a report speaks for: its edition's, else the end of the period it covers; undefined when it names neither. */
export function reportYear(report: { edition?: string | undefined; period?: { to: string } | undefined }): number | undefined {
  const date = report.edition ?? report.period?.to;
  return date === undefined ? undefined : Number(date.slice(0, 4));
}

/**
 * Whether a report may print the organization's dated profile (its presentation and membership
 * figures, dated by \`membership.asOf\`): not when they are dated after the report's year (a 2021
 * plan does not print the 2024 profile; it prints the name, kind and contacts only). Pure.
 */
export function profileFitsReport(
  organization: { membership?: { asOf?: string | undefined } | undefined },
  report: { edition?: string | undefined; period?: { to: string } | undefined },
): boolean {
  const year = reportYear(report);
  const asOf = organization.membership?.asOf;
  return year === undefined || asOf === undefined || Number(asOf.slice(0, 4)) <= year;
}
