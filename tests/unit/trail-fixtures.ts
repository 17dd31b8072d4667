/** Small plans for the trail and what-changed tests, shaped like the content graph's (globalId, continuedBy filled in). */
import type { TrailPlan } from '../../src/lib/site/objective-trails.ts';
import type { PlanObjective, PlanOutcome } from '../../src/lib/site/plans.ts';

/** An objective of `<org>/<year>`: `o('riforma-cal', { continues: 'anci-toscana/2018/riforma-cal' })`. */
export type ObjectiveSeed = Partial<PlanObjective> & { id: string };

/** Plans from `{ '<org>/<year>': { '<section>': [objectives] } }`, with `continuedBy` derived as the content graph does. */
export function plans(spec: Record<string, Record<string, ObjectiveSeed[]>>): TrailPlan[] {
  const built = Object.entries(spec).map(([id, sections]) => {
    const year = Number(id.split('/')[1]);
    return {
      id,
      year,
      title: `Piano ${year}`,
      sections: Object.entries(sections).map(([sectionId, objectives]) => ({
        id: sectionId,
        title: sectionId.charAt(0).toUpperCase() + sectionId.slice(1),
        objectives: objectives.map((o) => ({
          text: `Obiettivo ${o.id} ${year}`,
          outcomes: [],
          ...o,
          globalId: `${id}/${o.id}`,
          continuedBy: [] as string[],
        })),
      })),
    };
  });
  for (const plan of built) {
    for (const section of plan.sections) {
      for (const objective of section.objectives) {
        if (!objective.continues) continue;
        for (const other of built)
          for (const s of other.sections)
            for (const target of s.objectives) if (target.globalId === objective.continues) target.continuedBy.push(objective.globalId);
      }
    }
  }
  return built;
}

/** An outcome record. */
export const outcome = (status: PlanOutcome['status'], asOf: string, extra: Partial<PlanOutcome> = {}): PlanOutcome => ({
  status,
  asOf,
  evidence: [],
  ...extra,
});

/** The seeds' shape: ANCI Toscana 2018 and 2021, the CAL reform carried over with its outcome recorded on the 2018 objective. */
export const toscana = plans({
  'anci-toscana/2018': {
    rappresentanza: [
      {
        id: 'riforma-cal',
        text: 'Riteniamo non più rinviabile la riforma del CAL',
        outcomes: [outcome('in-corso', '2021', { note: 'ancora da definire' })],
      },
      { id: 'upi', text: 'Integrazione con UPI' },
    ],
    servizi: [
      { id: 'postalizzazione', outcomes: [outcome('raggiunto', '2019-12', { evidence: [{ card: 'anci-toscana/poste' }] })] },
      { id: 'sprar', outcomes: [outcome('abbandonato', '2020')] },
    ],
  },
  'anci-toscana/2021': {
    rappresentanza: [
      { id: 'riforma-cal', text: 'Definizione e approvazione della riforma del CAL', continues: 'anci-toscana/2018/riforma-cal' },
      { id: 'fondazione' },
    ],
    comunicazione: [{ id: 'social' }],
  },
  'comune-massa-martana/2022': { obiettivi: [{ id: 'prestazioni' }] },
});
