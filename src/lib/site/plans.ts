/**
 * Plans shaped for pages and reports: summaries for the index, the latest outcome of each
 * objective, and the links that tie an objective to the plans it continues or is continued by.
 * Pure: takes the content graph (or the parts of it needed), returns plain data; formatting of
 * dates and figures goes through format.ts, labels are left to the components (ids only).
 */
import type { OUTCOME_STATUSES } from '../../schemas/plan.ts';
import { formatCompact, formatPartialDate, formatValue } from '../format.ts';
import { earliestDay, parsePartialDate } from '../partial-date.ts';
import type { ContentGraph } from '../content-graph.ts';
import { urls } from './urls.ts';

type GraphPlan = ContentGraph['plans'][number];
export type PlanObjective = GraphPlan['sections'][number]['objectives'][number];
export type PlanOutcome = PlanObjective['outcomes'][number];
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** The parts of the content graph a plan page needs (tests pass small literals). */
export interface PlanContext {
  plans: readonly Pick<GraphPlan, 'id' | 'year' | 'title' | 'sections'>[];
  projects: readonly { id: string; title: string }[];
  stats: readonly {
    id: string;
    title: string;
    rows: readonly { id: string; kind: 'integer' | 'decimal' | 'percent' | 'euro' | 'rating'; scale?: { max: number } | undefined }[];
    headlines: readonly {
      id: string;
      label: string;
      row?: string | undefined;
      kind?: 'integer' | 'decimal' | 'percent' | 'euro' | 'rating' | undefined;
      scale?: { max: number } | undefined;
      display: 'full' | 'compact';
      result: { value: number | null };
    }[];
  }[];
}

/** One row of the plans index. */
export interface PlanSummary {
  id: string;
  year: number;
  title: string;
  sections: number;
  objectives: number;
}

/** A link to something an objective points at; `href` is null when the target is not in the content. */
export interface ObjectiveLink {
  href: string | null;
  label: string;
}

/** An objective ready to lay out. */
export interface ObjectiveView {
  /** Local id: the anchor is `obiettivo-<id>`. */
  id: string;
  anchor: string;
  globalId: string;
  text: string;
  /** Deadline as printed, else the formatted `by` date; null without a deadline. */
  deadline: string | null;
  outcome: {
    status: OutcomeStatus;
    asOf: string;
    note: string | null;
    evidence: (ObjectiveLink & { kind: 'card' | 'stats' | 'headline' })[];
  } | null;
  continues: ObjectiveLink | null;
  continuedBy: ObjectiveLink[];
  /** The objective's trail across plans on the objectives page; null for an objective no other plan carries. */
  trail: string | null;
}

/** Anchor of an objective on its plan page (matches urls.objective). */
export function objectiveAnchor(localId: string): string {
  return `obiettivo-${localId}`;
}

/** Anchor of a plan section on a plan page or in a report. */
export function sectionAnchor(sectionId: string): string {
  return `sezione-${sectionId}`;
}

/** Every plan of an organization, newest first, with its section and objective counts. */
export function planSummaries(
  plans: readonly Pick<GraphPlan, 'id' | 'year' | 'title' | 'sections'>[],
  organization: string,
): PlanSummary[] {
  return plans
    .filter((p) => p.id.startsWith(`${organization}/`))
    .map((p) => ({
      id: p.id,
      year: p.year,
      title: p.title,
      sections: p.sections.length,
      objectives: p.sections.reduce((n, s) => n + s.objectives.length, 0),
    }))
    .sort((a, b) => b.year - a.year);
}

/** The most recent outcome by its date (the list is oldest first, but a later edit may append out of order). */
export function latestOutcome(outcomes: readonly PlanOutcome[]): PlanOutcome | null {
  let latest: PlanOutcome | null = null;
  let latestDay = '';
  for (const outcome of outcomes) {
    const parsed = parsePartialDate(outcome.asOf);
    const day = parsed ? earliestDay(parsed) : '';
    if (latest === null || day >= latestDay) {
      latest = outcome;
      latestDay = day;
    }
  }
  return latest;
}

/** How many objectives of a plan are in each status (by their latest outcome); `senza-esito` counts those without one. */
export function outcomeCounts(plan: Pick<GraphPlan, 'sections'>): Record<OutcomeStatus | 'senza-esito', number> {
  const counts: Record<OutcomeStatus | 'senza-esito', number> = {
    raggiunto: 0,
    parziale: 0,
    'non-raggiunto': 0,
    'in-corso': 0,
    abbandonato: 0,
    'senza-esito': 0,
  };
  for (const section of plan.sections) {
    for (const objective of section.objectives) {
      counts[latestOutcome(objective.outcomes)?.status ?? 'senza-esito'] += 1;
    }
  }
  return counts;
}

/** Objectives by global id (`anci-toscana/2018/riforma-cal`) with their plan's title and year. */
export function objectiveIndex(
  plans: PlanContext['plans'],
): Map<string, { planId: string; planTitle: string; year: number; objective: PlanObjective }> {
  const index = new Map<string, { planId: string; planTitle: string; year: number; objective: PlanObjective }>();
  for (const plan of plans) {
    for (const section of plan.sections) {
      for (const objective of section.objectives) {
        index.set(objective.globalId, { planId: plan.id, planTitle: plan.title, year: plan.year, objective });
      }
    }
  }
  return index;
}

/** Link to another plan's objective, labelled by that plan's title (the reader follows the thread across years). */
export function objectiveLink(index: ReturnType<typeof objectiveIndex>, globalId: string): ObjectiveLink {
  const target = index.get(globalId);
  if (!target) return { href: null, label: globalId };
  return { href: urls.objective(globalId), label: target.planTitle };
}

/** An objective's first appearance: its `continues` links followed back, within its organization, while they lead to known objectives. */
export function trailRoot(index: ReturnType<typeof objectiveIndex>, globalId: string): string {
  const organization = globalId.split('/')[0];
  const seen = new Set([globalId]);
  let current = globalId;
  for (;;) {
    const previous = index.get(current)?.objective.continues;
    if (previous === undefined || !index.has(previous) || seen.has(previous) || previous.split('/')[0] !== organization) return current;
    seen.add(previous);
    current = previous;
  }
}

/** Deadline as printed (`entro il primo semestre 2021`), else the date at its precision (`giugno 2021`). */
export function deadlineText(deadline: PlanObjective['deadline']): string | null {
  if (!deadline) return null;
  return deadline.text ?? formatPartialDate(deadline.by);
}

/** Evidence of an outcome as links: a card, a statistics table, or a headline figure of a table. */
export function evidenceLinks(
  evidence: PlanOutcome['evidence'],
  context: Pick<PlanContext, 'projects' | 'stats'>,
): (ObjectiveLink & { kind: 'card' | 'stats' | 'headline' })[] {
  return evidence.map((e) => {
    if (e.card !== undefined) {
      const card = context.projects.find((p) => p.id === e.card);
      return { kind: 'card' as const, href: card ? urls.card(card.id) : null, label: card?.title ?? e.card };
    }
    if (e.stats !== undefined) {
      const table = context.stats.find((s) => s.id === e.stats);
      return { kind: 'stats' as const, href: table ? urls.stats(table.id) : null, label: table?.title ?? e.stats };
    }
    const ref = e.headline ?? '';
    const tableId = ref.split('/').slice(0, 2).join('/');
    const figureId = ref.split('/')[2] ?? '';
    const table = context.stats.find((s) => s.id === tableId);
    const headline = table?.headlines.find((h) => h.id === figureId);
    if (!table || !headline) return { kind: 'headline' as const, href: null, label: ref };
    const row = table.rows.find((r) => r.id === headline.row);
    const value = headline.result.value;
    const shown =
      value !== null && headline.display === 'compact'
        ? formatCompact(value)
        : formatValue(value, headline.kind ?? row?.kind ?? 'integer', headline.scale ?? row?.scale);
    return { kind: 'headline' as const, href: urls.stats(table.id), label: `${shown} ${headline.label}` };
  });
}

/** An objective with everything its component shows, links resolved. */
export function objectiveView(objective: PlanObjective, context: PlanContext, index = objectiveIndex(context.plans)): ObjectiveView {
  const latest = latestOutcome(objective.outcomes);
  return {
    id: objective.id,
    anchor: objectiveAnchor(objective.id),
    globalId: objective.globalId,
    text: objective.text,
    deadline: deadlineText(objective.deadline),
    outcome: latest
      ? {
          status: latest.status,
          asOf: formatPartialDate(latest.asOf),
          note: latest.note ?? null,
          evidence: evidenceLinks(latest.evidence, context),
        }
      : null,
    continues: objective.continues ? objectiveLink(index, objective.continues) : null,
    continuedBy: objective.continuedBy.map((id) => objectiveLink(index, id)),
    trail:
      objective.continues !== undefined || objective.continuedBy.length > 0
        ? urls.objectiveTrail(trailRoot(index, objective.globalId))
        : null,
  };
}

/** A plan's sections (all, or only the listed ones in the plan's order) with their objectives as views. */
export function planSectionsView(
  plan: Pick<GraphPlan, 'sections'>,
  context: PlanContext,
  only?: readonly string[],
): { id: string; anchor: string; title: string; narrative: string | null; objectives: ObjectiveView[] }[] {
  const index = objectiveIndex(context.plans);
  return plan.sections
    .filter((s) => !only || only.includes(s.id))
    .map((s) => ({
      id: s.id,
      anchor: sectionAnchor(s.id),
      title: s.title,
      narrative: s.narrative ?? null,
      objectives: s.objectives.map((o) => objectiveView(o, context, index)),
    }));
}

/** The non-zero status counts of a plan in a fixed order, objectives without outcome last; empty when nothing was assessed. */
export function outcomeBreakdown(plan: Pick<GraphPlan, 'sections'>): { status: OutcomeStatus | 'senza-esito'; count: number }[] {
  const counts = outcomeCounts(plan);
  const assessed = Object.entries(counts).some(([status, count]) => status !== 'senza-esito' && count > 0);
  if (!assessed) return [];
  return (Object.keys(counts) as (OutcomeStatus | 'senza-esito')[])
    .map((status) => ({ status, count: counts[status] }))
    .filter((entry) => entry.count > 0);
}
