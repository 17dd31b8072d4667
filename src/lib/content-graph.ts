/**
 * The content with references resolved and figures computed: what the export writes, and what
 * the site and the PDFs show. Pure: takes validated entries, returns plain JSON-ready data.
 */
import type { SourceDocument } from '../schemas/document.ts';
import type { FundingProgramme } from '../schemas/funding.ts';
import type { Organization } from '../schemas/organization.ts';
import type { Page } from '../schemas/page.ts';
import type { Plan } from '../schemas/plan.ts';
import type { ProjectCard } from '../schemas/project.ts';
import type { Report } from '../schemas/report.ts';
import type { StatsTable } from '../schemas/stats.ts';
import { formatPeriod } from './format.ts';
import { computeHeadline, tablePeriods, type HeadlineResult } from './stats.ts';

export interface GraphInput {
  collection: string;
  id: string;
  organization?: string | undefined;
  data: unknown;
  body?: string | undefined;
}

interface Ref {
  id: string;
  label: string;
}

function collect<T>(
  entries: readonly GraphInput[],
  collection: string,
): { id: string; organization?: string | undefined; data: T; body?: string | undefined }[] {
  return entries.filter((e) => e.collection === collection) as { id: string; organization?: string; data: T; body?: string }[];
}

export function buildContentGraph(entries: readonly GraphInput[]) {
  const organizations = collect<Organization>(entries, 'organizations');
  const funding = collect<FundingProgramme>(entries, 'funding');
  const documents = collect<SourceDocument>(entries, 'documents');
  const projects = collect<ProjectCard>(entries, 'projects');
  const plans = collect<Plan>(entries, 'plans');
  const stats = collect<StatsTable>(entries, 'stats');
  const reports = collect<Report>(entries, 'reports');
  const pages = collect<Page>(entries, 'pages');

  const orgById = new Map(organizations.map((o) => [o.id, o.data]));
  const fundingById = new Map(funding.map((f) => [f.id, f.data]));
  const orgRef = (id: string): Ref => ({ id, label: orgById.get(id)?.name.short ?? id });
  const cardTitle = new Map(projects.map((p) => [p.id, p.data.title]));
  // Who declares each card as related, in source order: one pass instead of a scan per card.
  const referrers = new Map<string, Ref[]>();
  for (const other of projects) {
    for (const id of new Set(other.data.related)) {
      const list = referrers.get(id) ?? [];
      list.push({ id: other.id, label: other.data.title });
      referrers.set(id, list);
    }
  }

  const projectsOut = projects.map((p) => {
    const org = orgById.get(p.organization ?? '');
    const areaLabels = new Map(org?.areas?.map((a) => [a.id, a.label]) ?? []);
    return {
      id: p.id,
      organization: orgRef(p.organization ?? ''),
      ...p.data,
      budget:
        p.data.budget === undefined
          ? null
          : p.data.budget === 'in definizione'
            ? { status: 'in-definizione' as const }
            : { status: 'importo' as const, cents: p.data.budget, euros: p.data.budget / 100 },
      areas: p.data.areas.map((id) => ({ id, label: areaLabels.get(id) ?? id })),
      funding: p.data.funding.map((id) => ({ id, label: fundingById.get(id)?.label ?? id })),
      partners: p.data.partners.map((partner) => ({
        relation: partner.relation,
        ...(partner.organization ? { organization: orgRef(partner.organization) } : { name: partner.name }),
      })),
      related: p.data.related.map((id) => ({ id, label: cardTitle.get(id) ?? id })),
      /**
       * Cards that declare this one as related (e.g. regional parts of a national programme),
       * leaving out those this card already lists itself: a link shows once.
       */
      relatedBy: (referrers.get(p.id) ?? []).filter((r) => !p.data.related.includes(r.id)),
      body: p.body ?? '',
    };
  });

  const continuedBy = new Map<string, string[]>();
  for (const plan of plans) {
    for (const section of plan.data.sections) {
      for (const o of section.objectives) {
        if (o.continues)
          continuedBy.set(o.continues, [...(continuedBy.get(o.continues) ?? []), `${plan.organization}/${plan.data.year}/${o.id}`]);
      }
    }
  }
  const plansOut = plans.map((plan) => ({
    id: plan.id,
    organization: orgRef(plan.organization ?? ''),
    ...plan.data,
    sections: plan.data.sections.map((section) => ({
      ...section,
      objectives: section.objectives.map((o) => {
        const id = `${plan.organization}/${plan.data.year}/${o.id}`;
        return { ...o, globalId: id, continuedBy: continuedBy.get(id) ?? [] };
      }),
    })),
    introduction: plan.body ?? '',
  }));

  const statsOut = stats.map((table) => {
    const periods = tablePeriods(table.data);
    const headlines: (StatsTable['headlines'][number] & { result: HeadlineResult })[] = table.data.headlines.map((h) => ({
      ...h,
      result: computeHeadline(table.data, h),
    }));
    return {
      id: table.id,
      organization: orgRef(table.organization ?? ''),
      ...table.data,
      periods: periods.map((p) => ({ ...p, label: p.printedLabel ?? formatPeriod(p), shortLabel: formatPeriod(p) })),
      headlines,
    };
  });

  return {
    organizations: organizations.map((o) => ({ id: o.id, ...o.data })),
    funding: funding.map((f) => ({ ...f.data })),
    /** The register of source documents, for citations in words (never the file name). */
    documents: documents.map((d) => ({ ...d.data })),
    projects: projectsOut,
    plans: plansOut,
    stats: statsOut,
    reports: reports.map((r) => ({ id: r.id, organization: orgRef(r.organization ?? ''), ...r.data })),
    pages: pages.map((p) => ({ id: p.id, organization: orgRef(p.organization ?? ''), ...p.data, body: p.body ?? '' })),
  };
}

export type ContentGraph = ReturnType<typeof buildContentGraph>;
