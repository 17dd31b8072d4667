/**
 * Objectives followed across plans. A plan's objective may say `continues: <org>/<year>/<id>`;
 * following those links back from every objective gives its first appearance, and every
 * objective sharing that first appearance belongs to one trail: the CAL reform of 2018 and its
 * 2021 restatement are one objective carried over, not two. The status of a trail is never typed
 * twice: it is the latest outcome recorded anywhere along the chain. Pure: plans in, plain data out.
 */
import type { ContentGraph } from '../content-graph.ts';
import { latestOutcome, type OutcomeStatus, type PlanObjective, type PlanOutcome } from './plans.ts';
import { organizationOf, urls } from './urls.ts';

type GraphPlan = ContentGraph['plans'][number];
/** The parts of a plan a trail needs (tests pass small literals). */
export type TrailPlan = Pick<GraphPlan, 'id' | 'year' | 'title' | 'sections'>;
/** A trail's status: the latest outcome's, or `senza-esito` when none was ever recorded. */
export type TrailStatus = OutcomeStatus | 'senza-esito';

/** The statuses in the order filters and summaries list them. */
export const TRAIL_STATUSES: readonly TrailStatus[] = ['raggiunto', 'parziale', 'in-corso', 'non-raggiunto', 'abbandonato', 'senza-esito'];

/** One appearance of an objective in a plan. */
export interface TrailStep {
  globalId: string;
  planId: string;
  planTitle: string;
  year: number;
  section: { id: string; title: string };
  objective: PlanObjective;
  /** The text differs from the previous step's (always true for the first). */
  textChanged: boolean;
}

/** An outcome with where it was recorded. */
export interface TrailOutcome {
  outcome: PlanOutcome;
  /** The objective whose record holds it. */
  globalId: string;
  year: number;
}

/** An objective across the plans that carried it. */
export interface ObjectiveTrail {
  /** Global id of the first appearance: the trail's identity. */
  key: string;
  /** Anchor of the trail on the objectives page (see urls.objectiveTrail). */
  anchor: string;
  organization: string;
  /** Appearances, oldest plan first. */
  steps: TrailStep[];
  firstYear: number;
  lastYear: number;
  /** Distinct plan years, oldest first. */
  years: number[];
  /** How many plans carry it (2 for an objective restated once). */
  plans: number;
  /** Every outcome recorded along the chain, oldest first by record. */
  outcomes: TrailOutcome[];
  /** The latest outcome along the chain (by its date; a later plan wins a tie). */
  latest: TrailOutcome | null;
  status: TrailStatus;
  /** The evidence of every outcome, each target once. */
  evidence: PlanOutcome['evidence'];
  /** Sections it appeared in (by id; the latest title), in order of appearance. */
  sections: { id: string; title: string }[];
  /** The latest text. */
  text: string;
}

/** The anchor of a trail from its first appearance: `anci-toscana/2018/riforma-cal` → `obiettivo-2018-riforma-cal`. */
export function trailAnchor(rootGlobalId: string): string {
  const [, year = '', id = ''] = rootGlobalId.split('/');
  return `obiettivo-${year}-${id}`;
}

function evidenceKey(e: PlanOutcome['evidence'][number]): string {
  return e.card !== undefined ? `card:${e.card}` : e.stats !== undefined ? `stats:${e.stats}` : `headline:${e.headline ?? ''}`;
}

/** Every trail of an organization's plans (all plans when `organization` is omitted): current ones first, each in its latest plan's order. */
export function objectiveTrails(plans: readonly TrailPlan[], organization?: string): ObjectiveTrail[] {
  const own = plans.filter((p) => organization === undefined || organizationOf(p.id) === organization).sort((a, b) => a.year - b.year);
  const steps = new Map<string, Omit<TrailStep, 'textChanged'> & { order: number }>();
  let order = 0;
  for (const plan of own) {
    for (const section of plan.sections) {
      for (const objective of section.objectives) {
        steps.set(objective.globalId, {
          globalId: objective.globalId,
          planId: plan.id,
          planTitle: plan.title,
          year: plan.year,
          section: { id: section.id, title: section.title },
          objective,
          order: order++,
        });
      }
    }
  }
  // The first appearance of each objective: follow `continues` while it leads to a known objective (a cycle stops it).
  const rootOf = (globalId: string): string => {
    const seen = new Set<string>([globalId]);
    let current = globalId;
    for (;;) {
      const previous = steps.get(current)?.objective.continues;
      if (previous === undefined || !steps.has(previous) || seen.has(previous)) return current;
      seen.add(previous);
      current = previous;
    }
  };
  const groups = new Map<string, (Omit<TrailStep, 'textChanged'> & { order: number })[]>();
  for (const step of steps.values()) {
    const root = rootOf(step.globalId);
    groups.set(root, [...(groups.get(root) ?? []), step]);
  }
  const trails = [...groups.entries()].map(([key, group]) => {
    const sorted = [...group].sort((a, b) => a.year - b.year || a.order - b.order);
    const trailSteps: TrailStep[] = sorted.map((step, i) => ({
      globalId: step.globalId,
      planId: step.planId,
      planTitle: step.planTitle,
      year: step.year,
      section: step.section,
      objective: step.objective,
      textChanged: i === 0 || step.objective.text !== sorted[i - 1]?.objective.text,
    }));
    const outcomes: TrailOutcome[] = trailSteps.flatMap((s) =>
      s.objective.outcomes.map((outcome) => ({ outcome, globalId: s.globalId, year: s.year })),
    );
    const latestRecord = latestOutcome(outcomes.map((o) => o.outcome));
    const latest = outcomes.find((o) => o.outcome === latestRecord) ?? null;
    const evidence = new Map<string, PlanOutcome['evidence'][number]>();
    for (const o of outcomes) for (const e of o.outcome.evidence) if (!evidence.has(evidenceKey(e))) evidence.set(evidenceKey(e), e);
    // Sections in order of first appearance, each with its latest title.
    const sections = new Map<string, string>();
    for (const s of trailSteps) sections.set(s.section.id, s.section.title);
    const years = [...new Set(trailSteps.map((s) => s.year))];
    const last = trailSteps[trailSteps.length - 1];
    const trail: ObjectiveTrail = {
      key,
      anchor: trailAnchor(key),
      organization: organizationOf(key),
      steps: trailSteps,
      firstYear: years[0] ?? 0,
      lastYear: years[years.length - 1] ?? 0,
      years,
      plans: new Set(trailSteps.map((s) => s.planId)).size,
      outcomes,
      latest,
      status: latest?.outcome.status ?? 'senza-esito',
      evidence: [...evidence.values()],
      sections: [...sections.entries()].map(([id, title]) => ({ id, title })),
      text: last?.objective.text ?? '',
    };
    return { trail, lastOrder: sorted[sorted.length - 1]?.order ?? 0 };
  });
  return trails.sort((a, b) => b.trail.lastYear - a.trail.lastYear || a.lastOrder - b.lastOrder).map((t) => t.trail);
}

/** Trails by the global id of each of their steps: where any appearance of an objective belongs. */
export function trailIndex(trails: readonly ObjectiveTrail[]): Map<string, ObjectiveTrail> {
  const index = new Map<string, ObjectiveTrail>();
  for (const trail of trails) for (const step of trail.steps) index.set(step.globalId, trail);
  return index;
}

/** Link to an objective's trail on the objectives page, from any of its appearances. */
export function trailHref(index: ReadonlyMap<string, ObjectiveTrail>, globalId: string): string | null {
  const trail = index.get(globalId);
  return trail ? urls.objectiveTrail(trail.key) : null;
}

/** The filter values of a trail: what the objectives page writes as `data-*` attributes. */
export function trailRecord(trail: ObjectiveTrail): { status: TrailStatus; sections: string[]; years: string[] } {
  return { status: trail.status, sections: trail.sections.map((s) => s.id), years: trail.years.map(String) };
}

/** The values each filter offers for these trails, with how many trails have each (statuses in fixed order, sections by first use, years ascending). */
export function trailFacets(trails: readonly ObjectiveTrail[]): {
  status: { value: TrailStatus; count: number }[];
  section: { value: string; label: string; count: number }[];
  year: { value: string; count: number }[];
} {
  const sections = new Map<string, { label: string; count: number }>();
  const years = new Map<string, number>();
  for (const trail of trails) {
    for (const s of trail.sections) sections.set(s.id, { label: s.title, count: (sections.get(s.id)?.count ?? 0) + 1 });
    for (const y of trail.years) years.set(String(y), (years.get(String(y)) ?? 0) + 1);
  }
  return {
    status: TRAIL_STATUSES.map((value) => ({ value, count: trails.filter((t) => t.status === value).length })).filter((s) => s.count > 0),
    section: [...sections.entries()].map(([value, s]) => ({ value, ...s })),
    year: [...years.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value)),
  };
}

/** The plan before this one in the same organization (the latest with an earlier year), or null. */
export function previousPlan<T extends Pick<TrailPlan, 'id' | 'year'>>(
  plan: Pick<TrailPlan, 'id' | 'year'>,
  plans: readonly T[],
): T | null {
  const org = organizationOf(plan.id);
  return plans.filter((p) => organizationOf(p.id) === org && p.year < plan.year).sort((a, b) => b.year - a.year)[0] ?? null;
}

/** The plan after this one in the same organization (the earliest with a later year), or null. */
export function nextPlan<T extends Pick<TrailPlan, 'id' | 'year'>>(plan: Pick<TrailPlan, 'id' | 'year'>, plans: readonly T[]): T | null {
  const org = organizationOf(plan.id);
  return plans.filter((p) => organizationOf(p.id) === org && p.year > plan.year).sort((a, b) => a.year - b.year)[0] ?? null;
}

/** One objective of the previous plan and what became of it. */
export interface PreviousObjectiveStatus {
  globalId: string;
  section: string;
  text: string;
  /** Where it is on its plan page. */
  href: string;
  status: TrailStatus;
  /** The date of the latest outcome, as recorded (`2021`); null without one. */
  asOf: string | null;
  note: string | null;
  /** Its appearances in this plan (empty when not carried into it). */
  carriedInto: { globalId: string; href: string; text: string }[];
  /** Link to the whole trail on the objectives page. */
  trailHref: string;
}

/** For the annex "Stato degli obiettivi del piano precedente": every objective of the previous plan, its status now, and whether this plan carries it. */
export function previousPlanStatus(
  plan: Pick<TrailPlan, 'id' | 'year'>,
  plans: readonly TrailPlan[],
): { previous: Pick<TrailPlan, 'id' | 'year' | 'title'>; objectives: PreviousObjectiveStatus[] } | null {
  const previous = previousPlan(plan, plans);
  if (!previous) return null;
  const index = trailIndex(objectiveTrails(plans, organizationOf(plan.id)));
  const objectives = previous.sections.flatMap((section) =>
    section.objectives.map((objective): PreviousObjectiveStatus => {
      const trail = index.get(objective.globalId);
      const descendants = descendantsOf(objective.globalId, trail);
      return {
        globalId: objective.globalId,
        section: section.title,
        text: objective.text,
        href: urls.objective(objective.globalId),
        status: trail?.status ?? 'senza-esito',
        asOf: trail?.latest?.outcome.asOf ?? null,
        note: trail?.latest?.outcome.note ?? null,
        carriedInto: descendants
          .filter((s) => s.planId === plan.id)
          .map((s) => ({ globalId: s.globalId, href: urls.objective(s.globalId), text: s.objective.text })),
        trailHref: urls.objectiveTrail(trail?.key ?? objective.globalId),
      };
    }),
  );
  return { previous: { id: previous.id, year: previous.year, title: previous.title }, objectives };
}

/** The steps of a trail that descend from one of its objectives (through `continues` links). */
export function descendantsOf(globalId: string, trail: ObjectiveTrail | undefined): TrailStep[] {
  if (!trail) return [];
  const found = new Set<string>([globalId]);
  const result: TrailStep[] = [];
  for (const step of trail.steps) {
    const parent = step.objective.continues;
    if (parent !== undefined && found.has(parent) && !found.has(step.globalId)) {
      found.add(step.globalId);
      result.push(step);
    }
  }
  return result;
}
