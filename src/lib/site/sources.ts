/**
 * What readers are told about where the content comes from and how current it is: a citation in
 * words from the register of source documents («Catalogo delle attività 2024, p. 24»), never a
 * file name, a reading or an editor's note; and the edition an organization's data comes from
 * («attivo a giugno 2024», not as of the day the site is built). Pure functions of the register.
 */
import { t } from '../../i18n/t.ts';
import { formatAsOf, formatPartialDate } from '../format.ts';
import { latestDay, parsePartialDate } from '../partial-date.ts';
import { memoizedByIdentity } from './memo.ts';
import type { SourceDocument } from '../../schemas/document.ts';
import type { CARD_STATUSES } from '../../schemas/project.ts';

/** The fields of a `source` block that a citation reads; the editors' `note` is not among them. */
export interface CitedSource {
  document: string;
  page?: number | string | undefined;
  section?: string | undefined;
}

type Register = readonly Pick<SourceDocument, 'file' | 'title' | 'organization' | 'edition'>[];

/** A document of the register as an organization's edition, with its «as of» words («nel 2024»). */
export type Edition = Register[number] & { asOf: string };

/**
 * The citation readers see: the document's title, then the page (`p. 24`, `pp. 24-25`), else the
 * section as printed. Null when the document is not in the register: a file name is never shown.
 */
export function citation(source: CitedSource | undefined, register: Register): string | null {
  if (!source) return null;
  const document = register.find((d) => d.file === source.document);
  if (!document) return null;
  if (source.page !== undefined) {
    const range = typeof source.page === 'string' && /[-–]/.test(source.page);
    return t(range ? 'sources.citationPages' : 'sources.citationPage', { title: document.title, page: String(source.page) });
  }
  if (source.section) return t('sources.citationSection', { title: document.title, section: source.section });
  return document.title;
}

/**
 * An organization's edition: its most recent document in the register (by the last day it may
 * mean). Remembered per register and organization: the frame of every page and each card's
 * status read it.
 */
export const latestEdition: (register: Register, organization: string) => Edition | null = /* @__PURE__ */ memoizedByIdentity(
  (register: Register, organization: string): Edition | null => {
    const own = register
      .filter((d) => d.organization === organization && parsePartialDate(d.edition))
      .sort((a, b) => latestDay(parsePartialDate(b.edition)!).localeCompare(latestDay(parsePartialDate(a.edition)!)));
    const latest = own[0];
    return latest ? { ...latest, asOf: formatAsOf(latest.edition) } : null;
  },
);

/** The year of an organization's edition, capped by `year` (today's): the catalogue's years stop there. */
export function editionYear(register: Register, organization: string, year: number): number {
  const edition = latestEdition(register, organization);
  return edition ? Math.min(parsePartialDate(edition.edition)!.year, year) : year;
}

/**
 * «Dati tratti da: Catalogo delle attività 2024 (edizione 2024).» for an organization's pages, or
 * null. Every page's footer shows it (Base.astro): remembered per register and organization.
 */
export const editionLine: (register: Register, organization: string) => string | null = /* @__PURE__ */ memoizedByIdentity(
  (register: Register, organization: string): string | null => {
    const edition = latestEdition(register, organization);
    return edition ? t('sources.edition', { title: edition.title, edition: formatPartialDate(edition.edition) }) : null;
  },
);

/**
 * A card's status as readers read it, wherever it is shown (its page, the catalogue, the homes):
 * true as of the edition it was printed in, «Attivo nel 2024», «In progettazione a giugno 2024»,
 * not as of the day the site is built. «Concluso» needs no date, nor can a status whose
 * organization has no edition in the register have one.
 */
export function cardStatusText(card: { status: (typeof CARD_STATUSES)[number]; organization: { id: string } }, register: Register): string {
  const status = t(`status.${card.status}`);
  const edition = card.status === 'concluso' ? null : latestEdition(register, card.organization.id);
  return edition ? t('sources.statusAsOf', { status, asOf: edition.asOf }) : status;
}

/** An organization's latest edition, named for a page that shows several organizations. */
export interface NamedEdition {
  organization: string;
  title: string;
  /** The edition's date in words: `2024`, `giugno 2024`. */
  edition: string;
}

/**
 * The editions the pages of no single organization draw on (the network's home, open data,
 * search): each organization's latest, in the order of the register.
 */
export function networkEditions(register: Register, organizations: readonly { id: string; name: { short: string } }[]): NamedEdition[] {
  const position = (edition: Edition): number => register.findIndex((d) => d.file === edition.file);
  return organizations
    .flatMap((org) => {
      const edition = latestEdition(register, org.id);
      return edition ? [{ org, edition }] : [];
    })
    .sort((a, b) => position(a.edition) - position(b.edition))
    .map(({ org, edition }) => ({ organization: org.name.short, title: edition.title, edition: formatPartialDate(edition.edition) }));
}

/** «Dati tratti da: Catalogo delle attività 2024 (ANCI Lombardia, edizione 2024); …» for those pages, or null. */
export function networkEditionLine(editions: readonly NamedEdition[]): string | null {
  if (editions.length === 0) return null;
  return t('sources.editions', { list: editions.map((edition) => t('sources.editionOf', { ...edition })).join('; ') });
}
