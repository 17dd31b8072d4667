/**
 * Reports shaped for the web page and the PDF alike: which cards a chapter selects and in what
 * order, each chapter's title and anchor, how chapters group into parts, and the table of
 * contents. Pure: one outline drives both outputs, so their headings and anchors agree.
 */
import type { ContentGraph } from '../content-graph.ts';
import type { Chapter } from '../../schemas/report.ts';
import { planSectionsView } from './plans.ts';

type CardsChapter = Extract<Chapter, { type: 'cards' }>;

/** The card fields a selection looks at. */
export interface SelectableCard {
  id: string;
  organization: { id: string };
  status: string;
  kind: string;
  areas: readonly { id: string }[];
}

/**
 * The cards a chapter lists: all filters must match (areas: any of), the organization defaults
 * to the report's. Cards named in `order` come first in that order; the rest follow by id.
 */
export function selectCards<T extends SelectableCard>(
  cards: readonly T[],
  filter: CardsChapter['filter'],
  order: readonly string[] | undefined,
  reportOrganization: string,
): T[] {
  const organization = filter.organization ?? reportOrganization;
  const selected = cards.filter(
    (card) =>
      card.organization.id === organization &&
      (!filter.status || filter.status.some((s) => s === card.status)) &&
      (!filter.kind || filter.kind.some((k) => k === card.kind)) &&
      (!filter.areas || card.areas.some((a) => filter.areas?.includes(a.id))),
  );
  const position = new Map((order ?? []).map((id, i) => [id, i]));
  return [...selected].sort((a, b) => {
    const pa = position.get(a.id);
    const pb = position.get(b.id);
    if (pa !== undefined && pb !== undefined) return pa - pb;
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Titles a chapter can borrow when it has none of its own. */
export interface TitleSources {
  pages: readonly { id: string; title: string }[];
  plans: readonly { id: string; title: string }[];
  stats: readonly { id: string; title: string }[];
}

/** Default titles of chapter types that have nothing to borrow from (from it.json). */
export type DefaultTitles = Record<Chapter['type'], string>;

/** Anchor of a chapter: its own id, else its position (`capitolo-3`). */
export function chapterAnchor(chapter: Pick<Chapter, 'id'>, index: number): string {
  return chapter.id ?? `capitolo-${index + 1}`;
}

/** The title of the content a chapter shows (a page, a stats intro, a plan), if any. */
export function contentTitle(chapter: Chapter, sources: TitleSources): string | undefined {
  switch (chapter.type) {
    case 'markdown':
      return sources.pages.find((p) => p.id === chapter.page)?.title;
    case 'stats':
      return chapter.intro !== undefined
        ? sources.pages.find((p) => p.id === chapter.intro)?.title
        : sources.stats.find((s) => s.id === chapter.tables[0])?.title;
    case 'plan':
      return sources.plans.find((p) => p.id === chapter.plan)?.title;
    default:
      return undefined;
  }
}

/** One chapter of the outline, with the levels its headings take. */
export interface OutlineChapter {
  index: number;
  chapter: Chapter;
  /** Id of the chapter's heading; when the chapter has no heading of its own, the id of its part heading. */
  anchor: string;
  /** Chapter heading text, or null when it would only repeat the part heading just above. */
  title: string | null;
  /** Set when the chapter opens a part: the part heading shown before it. */
  part: { anchor: string; title: string } | null;
  /** Level of the part heading (the base level). */
  partLevel: number;
  /** Level of the chapter heading: one below the part when inside a part. */
  headingLevel: number;
  /** Level for the first headings inside the chapter's content. */
  contentLevel: number;
}

/**
 * The report's chapters with anchors, titles and heading levels. Chapters before the first part
 * sit at `baseLevel`; a chapter with `part: true` opens a part heading at `baseLevel` and it
 * and the following chapters sit one level below, until the next part.
 */
export function reportOutline(
  chapters: readonly Chapter[],
  sources: TitleSources,
  defaults: DefaultTitles,
  baseLevel = 2,
): OutlineChapter[] {
  let inPart = false;
  return chapters.map((chapter, index) => {
    const anchor = chapterAnchor(chapter, index);
    const borrowed = contentTitle(chapter, sources);
    if (chapter.part) {
      inPart = true;
      const partTitle = chapter.title ?? borrowed ?? defaults[chapter.type];
      const inner = chapter.title !== undefined && borrowed !== undefined && borrowed !== partTitle ? borrowed : null;
      const headingLevel = baseLevel + 1;
      return {
        index,
        chapter,
        anchor,
        title: inner,
        part: { anchor: inner === null ? anchor : `parte-${anchor}`, title: partTitle },
        partLevel: baseLevel,
        headingLevel,
        contentLevel: inner === null ? headingLevel : headingLevel + 1,
      };
    }
    const headingLevel = inPart ? baseLevel + 1 : baseLevel;
    return {
      index,
      chapter,
      anchor,
      title: chapter.title ?? borrowed ?? defaults[chapter.type],
      part: null,
      partLevel: baseLevel,
      headingLevel,
      contentLevel: headingLevel + 1,
    };
  });
}

/** An entry of the table of contents: parts hold the chapters that follow them. */
export interface TocEntry {
  href: string;
  label: string;
  children: TocEntry[];
}

/** The table of contents of an outline: chapters outside parts at the top, parts with their chapters nested. */
export function reportToc(outline: readonly OutlineChapter[]): TocEntry[] {
  const toc: TocEntry[] = [];
  let currentPart: TocEntry | null = null;
  for (const entry of outline) {
    if (entry.part) {
      currentPart = { href: `#${entry.part.anchor}`, label: entry.part.title, children: [] };
      toc.push(currentPart);
      if (entry.title !== null) currentPart.children.push({ href: `#${entry.anchor}`, label: entry.title, children: [] });
      continue;
    }
    const item = { href: `#${entry.anchor}`, label: entry.title ?? '', children: [] };
    if (currentPart) currentPart.children.push(item);
    else toc.push(item);
  }
  return toc;
}

/**
 * What one chapter shows, looked up in the content: the text page, the statistics tables, the
 * selected cards, the plan and its sections. Shared by the web chapter and the printed one. A
 * reference the content lacks stops the build with the report and the missing entry named
 * (the validator catches these first; this is the last guard).
 */
export function chapterContent(entry: OutlineChapter, report: { id: string; organization: { id: string } }, content: ContentGraph) {
  const { chapter } = entry;
  const requireEntry = <T extends { id: string }>(list: readonly T[], id: string, what: string): T => {
    const found = list.find((item) => item.id === id);
    if (!found) throw new Error(`Pubblicazione «${report.id}»: ${what} «${id}» non trovato nei contenuti`);
    return found;
  };
  const plan = chapter.type === 'plan' ? requireEntry(content.plans, chapter.plan, 'piano') : null;
  return {
    page: chapter.type === 'markdown' ? requireEntry(content.pages, chapter.page, 'testo') : null,
    intro: chapter.type === 'stats' && chapter.intro !== undefined ? requireEntry(content.pages, chapter.intro, 'testo') : null,
    tables: chapter.type === 'stats' ? chapter.tables.map((id) => requireEntry(content.stats, id, 'tabella')) : [],
    cards: chapter.type === 'cards' ? selectCards(content.projects, chapter.filter, chapter.order, report.organization.id) : [],
    plan,
    planSections: plan && chapter.type === 'plan' ? planSectionsView(plan, content, chapter.sections) : [],
    /** Heading levels the nested components accept. */
    upTo5: Math.min(5, entry.contentLevel) as 2 | 3 | 4 | 5,
    upTo4: Math.min(4, entry.contentLevel) as 2 | 3 | 4,
    /** Markdown `#` becomes a heading one level below the chapter's. */
    markdownOffset: entry.contentLevel - 1,
  };
}

/** The default chapter titles, in Italian, for chapters that have none of their own. */
export function defaultChapterTitles(t: (key: string) => string): DefaultTitles {
  return {
    markdown: t('reports.chapterDefaults.markdown'),
    profile: t('reports.chapterDefaults.profile'),
    governance: t('reports.chapterDefaults.governance'),
    stats: t('reports.chapterDefaults.stats'),
    cards: t('reports.chapterDefaults.cards'),
    plan: t('reports.chapterDefaults.plan'),
    list: t('reports.chapterDefaults.list'),
  };
}
