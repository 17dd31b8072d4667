/**
 * What changed between two editions: two plans of an organization (objectives achieved, carried
 * over, dropped, new; figures of the two years) or two editions of a catalogue (cards added,
 * removed, started, completed). Everything is derived from links and dates already in the
 * content, so a page saying "ripreso" and a plan page saying "Prosegue in" cannot disagree. Pure.
 */
import { earliestDay, latestDay, parsePartialDate } from '../partial-date.ts';
import { objectiveTrails, descendantsOf, trailIndex, type TrailPlan, type TrailStatus } from './objective-trails.ts';
import { change, comparability, type YoyPeriod } from './year-over-year.ts';
import { organizationOf, urls } from './urls.ts';

/** One objective in a comparison of two plans. */
export interface ChangedObjective {
  globalId: string;
  text: string;
  section: string;
  href: string;
  trailHref: string;
  /** The trail's current status (latest outcome along it). */
  status: TrailStatus;
  /** For carried objectives: their appearances in the newer plan. */
  carriedInto: { globalId: string; href: string }[];
  /** For new objectives that resume one of a plan older than `older`: that plan's year. */
  resumedFrom: number | null;
}

/** The objectives of two plans, sorted into what became of them. */
export interface PlanChanges {
  older: Pick<TrailPlan, 'id' | 'year' | 'title'>;
  newer: Pick<TrailPlan, 'id' | 'year' | 'title'>;
  /** Older objectives not carried over whose latest outcome is `raggiunto`. */
  achieved: ChangedObjective[];
  /** Older objectives the newer plan carries over (whatever their status). */
  carried: ChangedObjective[];
  /** Older objectives neither carried over nor achieved. */
  dropped: ChangedObjective[];
  /** Newer objectives that do not carry one of the older plan. */
  added: ChangedObjective[];
}

/** Consecutive pairs of an organization's plans, oldest first: the comparisons the site builds. */
export function planPairs<T extends Pick<TrailPlan, 'id' | 'year'>>(plans: readonly T[], organization: string): { older: T; newer: T }[] {
  const own = plans.filter((p) => organizationOf(p.id) === organization).sort((a, b) => a.year - b.year);
  return own.slice(1).flatMap((newer, i) => {
    const older = own[i];
    return older ? [{ older, newer }] : [];
  });
}

/** What became of the objectives of `older` in `newer` (two plans of one organization). */
export function planChanges(older: TrailPlan, newer: TrailPlan, plans: readonly TrailPlan[]): PlanChanges {
  const index = trailIndex(objectiveTrails(plans, organizationOf(older.id)));
  const entry = (globalId: string, text: string, section: string): ChangedObjective => {
    const trail = index.get(globalId);
    return {
      globalId,
      text,
      section,
      href: urls.objective(globalId),
      trailHref: urls.objectiveTrail(trail?.key ?? globalId),
      status: trail?.status ?? 'senza-esito',
      carriedInto: [],
      resumedFrom: null,
    };
  };
  const changes: PlanChanges = {
    older: { id: older.id, year: older.year, title: older.title },
    newer: { id: newer.id, year: newer.year, title: newer.title },
    achieved: [],
    carried: [],
    dropped: [],
    added: [],
  };
  for (const section of older.sections) {
    for (const objective of section.objectives) {
      const item = entry(objective.globalId, objective.text, section.title);
      const into = descendantsOf(objective.globalId, index.get(objective.globalId)).filter((s) => s.planId === newer.id);
      if (into.length > 0)
        changes.carried.push({ ...item, carriedInto: into.map((s) => ({ globalId: s.globalId, href: urls.objective(s.globalId) })) });
      else if (item.status === 'raggiunto') changes.achieved.push(item);
      else changes.dropped.push(item);
    }
  }
  const olderIds = new Set(older.sections.flatMap((s) => s.objectives.map((o) => o.globalId)));
  const years = new Map(plans.map((p) => [p.id, p.year]));
  for (const section of newer.sections) {
    for (const objective of section.objectives) {
      const parent = objective.continues;
      if (parent !== undefined && olderIds.has(parent)) continue;
      const parentPlan = parent === undefined ? undefined : parent.split('/').slice(0, 2).join('/');
      const resumedFrom = parentPlan === undefined ? null : (years.get(parentPlan) ?? null);
      changes.added.push({ ...entry(objective.globalId, objective.text, section.title), resumedFrom });
    }
  }
  return changes;
}

/** A statistics table as the figures comparison needs it. */
export interface FigureTable {
  id: string;
  title: string;
  periods: readonly YoyPeriod[];
  rows: readonly {
    id: string;
    label: string;
    group?: string | undefined;
    kind: 'integer' | 'decimal' | 'percent' | 'euro' | 'rating';
    unit?: string | undefined;
    values?: readonly (number | null)[] | undefined;
  }[];
}

/** One row with a value in both years. */
export interface FigureChange<T extends FigureTable = FigureTable> {
  table: T;
  row: T['rows'][number];
  from: number;
  to: number;
  absolute: number;
  relative: number | null;
}

/**
 * The figures of two years: every row of the tables with a value in both (periods that are
 * comparable: two whole years, or the same months of both). Rows with a missing value are left out.
 */
export function figureChanges<T extends FigureTable>(tables: readonly T[], olderYear: number, newerYear: number): FigureChange<T>[] {
  return tables.flatMap((table) => {
    const from = table.periods.findIndex((p) => p.year === olderYear);
    const to = table.periods.findIndex((p) => p.year === newerYear);
    const a = table.periods[from];
    const b = table.periods[to];
    if (!a || !b || !comparability(a, b).comparable) return [];
    return table.rows.flatMap((row) => {
      const cell = change(row.values?.[from], row.values?.[to], true);
      return cell.kind === 'change' ? [{ table, row, from: cell.from, to: cell.to, absolute: cell.absolute, relative: cell.relative }] : [];
    });
  });
}

/** A card as one edition of a catalogue recorded it. */
export interface EditionCard {
  id: string;
  title: string;
  status: 'attivo' | 'in-progettazione' | 'concluso';
  /** Partial dates (`2021`, `2021-03`, `2021-03-15`). */
  start?: string | undefined;
  end?: string | undefined;
}

/** One edition of a catalogue: its date (partial) and the cards it lists. */
export interface CatalogueEdition {
  date: string;
  cards: readonly EditionCard[];
}

/** What changed between two editions of a catalogue. */
export interface EditionChanges {
  /** In the newer edition only. */
  added: EditionCard[];
  /** In the older edition only. */
  removed: EditionCard[];
  /** Started between the editions: in progettazione then and running (or done) now; for a new card, a start date after the older edition and by the newer. */
  started: EditionCard[];
  /** Completed between the editions: concluso now and not then; for a new card, an end date after the older edition and by the newer. */
  completed: EditionCard[];
}

/** True when the partial date may fall after `after` and not after `by` (both partial): precision never claims more than it knows. */
function between(date: string | undefined, after: string, by: string): boolean {
  const d = date === undefined ? null : parsePartialDate(date);
  const a = parsePartialDate(after);
  const b = parsePartialDate(by);
  if (!d || !a || !b) return false;
  return latestDay(d) > latestDay(a) && earliestDay(d) <= latestDay(b);
}

/** Cards added, removed, started and completed between two editions of a catalogue (by their dates and statuses). */
export function editionChanges(older: CatalogueEdition, newer: CatalogueEdition): EditionChanges {
  const before = new Map(older.cards.map((c) => [c.id, c]));
  const after = new Set(newer.cards.map((c) => c.id));
  const result: EditionChanges = { added: [], removed: [], started: [], completed: [] };
  for (const card of newer.cards) {
    const then = before.get(card.id);
    if (!then) result.added.push(card);
    const running = card.status !== 'in-progettazione';
    if (running && (then ? then.status === 'in-progettazione' : between(card.start, older.date, newer.date))) result.started.push(card);
    const completedNow = card.status === 'concluso' && (then ? then.status !== 'concluso' : between(card.end, older.date, newer.date));
    if (completedNow) result.completed.push(card);
  }
  for (const card of older.cards) if (!after.has(card.id)) result.removed.push(card);
  return result;
}
