/**
 * What the home pages show, shaped from the content graph: an organization's overview (its cards
 * by status, latest plan and reports, figures to put first) and the network's (organizations
 * with their content, cards by funding programme across organizations, recently started work).
 * Pure: takes the graph, returns plain data.
 */
import type { ContentGraph } from '../content-graph.ts';
import { earliestDay, parsePartialDate } from '../partial-date.ts';

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
  const objectives = plans.flatMap((p) => p.sections.flatMap((s) => s.objectives));
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
  const organizations = graph.organizations
    .map((org) => {
      const overview = organizationOverview(graph, org.id);
      return {
        org,
        cards: overview.cards.total,
        plans: overview.plans.length,
        stats: overview.stats.length,
        reports: overview.reports.length,
        /** Organizations with published content come first. */
        weight: overview.cards.total + overview.plans.length + overview.stats.length + overview.reports.length,
      };
    })
    .sort((a, b) => (b.weight > 0 ? 1 : 0) - (a.weight > 0 ? 1 : 0) || a.org.name.short.localeCompare(b.org.name.short, 'it'));
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
  return { organizations, funding, recent };
}
