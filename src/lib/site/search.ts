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
