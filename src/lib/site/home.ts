/**
 * What the home pages show, shaped from the content graph: an organization's overview (its cards
 * by status, latest plan and reports, figures to put first) and the network's (organizations
 * with their content, cards by funding programme across organizations, recently started work).
 * Pure: takes the graph, returns plain data.
 */
import { tn } from '../../i18n/t.ts';
import type { ContentGraph } from '../content-graph.ts';
import { earliestDay, parsePartialDate } from '../partial-date.ts';
import { memoizedByIdentity } from './memo.ts';
import { objectiveTrails } from './objective-trails.ts';

type Card = ContentGraph['projects'][number];

const STATUSES = ['attivo', 'in-progettazione', 'concluso'] as const;

/** A sortable day for a partial date (`2019-03` → `2019-03-01`); undated sorts last. */
function sortKey(date: string | undefined): string {
  const parsed = date ? parsePartialDate(date) : null;
  return parsed ? earliestDay(parsed) : '';
}

/** Cards in order of start, most recent first; undated cards last, then by title. */
export function byRecentStart(a: Card, b: Card): number {
  const diff = sortKey(b.start).localeCompare(sortKey(a.start));
  return diff !== 0 ? diff : a.title.localeCompare(b.title, 'it');
}

export function organizationOverview(graph: ContentGraph, orgId: string) {
  const own = <T extends { organization: { id: string } }>(items: readonly T[]): T[] => items.filter((i) => i.organization.id === orgId);
  const cards = own(graph.projects);
  const plans = own(graph.plans).sort((a, b) => b.year - a.year);
  const stats = own(graph.stats);
  const reports = own(graph.reports).sort((a, b) => sortKey(b.edition ?? b.period?.to).localeCompare(sortKey(a.edition ?? a.period?.to)));
  // Counted as the objectives page lists them: an objective carried from one plan to the next
  // is one objective, not one per plan (59 written in the plans of ANCI Toscana, 48 objectives).
  const objectives = objectiveTrails(plans, orgId);
  return {
    cards: {
      total: cards.length,
      byStatus: STATUSES.map((status) => ({ status, count: cards.filter((c) => c.status === status).length })).filter((s) => s.count > 0),
      recent: cards
        .filter((c) => c.status !== 'concluso')
        .sort(byRecentStart)
        .slice(0, 6),
    },
    plans,
    objectives: objectives.length,
    stats,
    /** Tables with headline figures, the organization's numbers to show first. */
    statsWithHeadlines: stats.filter((s) => s.headlines.length > 0),
    reports,
    pages: own(graph.pages),
  };
}

export type OrganizationOverview = ReturnType<typeof organizationOverview>;

export function networkOverview(graph: ContentGraph) {
  const all = graph.organizations.map((org) => {
    const overview = organizationOverview(graph, org.id);
    const counts = [
      overview.cards.total > 0 ? tn('counts.cards', overview.cards.total) : '',
      overview.plans.length > 0 ? tn('counts.plans', overview.plans.length) : '',
      overview.stats.length > 0 ? tn('counts.stats', overview.stats.length) : '',
      overview.reports.length > 0 ? tn('counts.reports', overview.reports.length) : '',
    ].filter(Boolean);
    return { org, counts: counts.join(' · '), published: counts.length > 0 };
  });
  const byName = (a: (typeof all)[number], b: (typeof all)[number]): number => a.org.name.short.localeCompare(b.org.name.short, 'it');
  /** Organizations with published content, as tiles. */
  const organizations = all.filter((o) => o.published).sort(byName);
  /** Members of the network with nothing published yet: named apart, linked to who they are, not to empty sections. */
  const withoutContent = all.filter((o) => !o.published).sort(byName);
  const funding = graph.funding
    .map((programme) => {
      const cards = graph.projects.filter((c) => c.funding.some((f) => f.id === programme.id));
      return { programme, cards: cards.length, organizations: [...new Set(cards.map((c) => c.organization.id))].length };
    })
    .filter((f) => f.cards > 0)
    .sort((a, b) => b.cards - a.cards || a.programme.label.localeCompare(b.programme.label, 'it'));
  const recent = graph.projects
    .filter((c) => c.status !== 'concluso')
    .sort(byRecentStart)
    .slice(0, 6);
  return { organizations, withoutContent, funding, recent };
}

/** The sections of an organization's menu that can hold content, in menu order. */
export const CONTENT_SECTIONS = ['catalogue', 'plans', 'stats', 'reports'] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

/**
 * The content sections an organization has something in: only these get a page, a menu tab and
 * an entry on its home, so that no link opens onto an empty list. Every page's frame asks
 * (Base.astro), so the answer is remembered per graph and organization.
 */
export const sectionsWithContent: (graph: ContentGraph, orgId: string) => ReadonlySet<ContentSection> = /* @__PURE__ */ memoizedByIdentity(
  (graph: ContentGraph, orgId: string): ReadonlySet<ContentSection> => {
    const owns = (items: readonly { organization: { id: string } }[]): boolean => items.some((i) => i.organization.id === orgId);
    const present: Record<ContentSection, boolean> = {
      catalogue: owns(graph.projects),
      plans: owns(graph.plans),
      stats: owns(graph.stats),
      reports: owns(graph.reports),
    };
    return new Set(CONTENT_SECTIONS.filter((section) => present[section]));
  },
);

/** The organizations with content in a section: the `getStaticPaths` of its index pages. */
export function organizationsWith(graph: ContentGraph, section: ContentSection): ContentGraph['organizations'] {
  return graph.organizations.filter((org) => sectionsWithContent(graph, org.id).has(section));
}
