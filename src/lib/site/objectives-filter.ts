/**
 * The objectives page's filters, shared by the build (which writes each trail's values as
 * `data-*` attributes and the counts) and the browser script (which reads them back once and
 * filters in place). Browser-safe: no content loading, only plain records. Within one filter the
 * chosen values widen (OR), across filters they narrow (AND); the state lives in the URL query
 * (`?stato=in-corso&anno=2018`) so a view can be shared.
 */

/** The filters, in the order the panel shows them; the keys are the URL parameters. */
export const OBJECTIVE_FILTER_KEYS = ['stato', 'sezione', 'anno'] as const;
export type ObjectiveFilterKey = (typeof OBJECTIVE_FILTER_KEYS)[number];

/** What a filter needs to know about one trail. */
export type ObjectiveRecord = Record<ObjectiveFilterKey, readonly string[]>;
/** The chosen values of each filter (none chosen: the filter does not restrict). */
export type ObjectiveFilter = Record<ObjectiveFilterKey, string[]>;

/** No value chosen. */
export function emptyObjectiveFilter(): ObjectiveFilter {
  return { stato: [], sezione: [], anno: [] };
}

/** True when `text` names a filter. */
export function isObjectiveFilterKey(text: string | undefined): text is ObjectiveFilterKey {
  return (OBJECTIVE_FILTER_KEYS as readonly string[]).includes(text ?? '');
}

/** True when the record passes every filter except `skip` (used for the counts beside each value). */
export function objectiveMatches(record: ObjectiveRecord, filter: ObjectiveFilter, skip?: ObjectiveFilterKey): boolean {
  return OBJECTIVE_FILTER_KEYS.every((key) => key === skip || filter[key].length === 0 || filter[key].some((v) => record[key].includes(v)));
}

/** For each filter value, how many records would show if it were chosen alone within its filter. */
export function objectiveCounts(
  records: readonly ObjectiveRecord[],
  filter: ObjectiveFilter,
): Record<ObjectiveFilterKey, Map<string, number>> {
  const counts = { stato: new Map<string, number>(), sezione: new Map<string, number>(), anno: new Map<string, number>() };
  for (const key of OBJECTIVE_FILTER_KEYS) {
    for (const record of records) {
      if (!objectiveMatches(record, filter, key)) continue;
      for (const value of record[key]) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/** The filter with `value` added to or removed from `key`. */
export function toggleObjectiveFilter(filter: ObjectiveFilter, key: ObjectiveFilterKey, value: string): ObjectiveFilter {
  const current = filter[key];
  return { ...filter, [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
}

/** Reads a filter from a query string, keeping only values the page offers (when `known` is given). */
export function parseObjectiveQuery(search: string, known?: Readonly<Record<ObjectiveFilterKey, readonly string[]>>): ObjectiveFilter {
  const params = new URLSearchParams(search);
  const filter = emptyObjectiveFilter();
  for (const key of OBJECTIVE_FILTER_KEYS) {
    const values = params.getAll(key).filter((v, i, all) => v !== '' && all.indexOf(v) === i);
    filter[key] = known ? values.filter((v) => known[key].includes(v)) : values;
  }
  return filter;
}

/** Writes a filter as a query string (`?stato=in-corso`, or '' for no filter); inverse of parseObjectiveQuery. */
export function objectiveQuery(filter: ObjectiveFilter): string {
  const params = new URLSearchParams();
  for (const key of OBJECTIVE_FILTER_KEYS) for (const v of filter[key]) params.append(key, v);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The `data-*` attributes of a trail's list item (lists separated by spaces; ids and years have none). */
export function objectiveDataAttributes(record: ObjectiveRecord): Record<string, string> {
  return { 'data-stato': record.stato.join(' '), 'data-sezione': record.sezione.join(' '), 'data-anno': record.anno.join(' ') };
}

/** Reads back what objectiveDataAttributes wrote (an element's `dataset`). */
export function objectiveRecordFromData(dataset: Readonly<Record<string, string | undefined>>): ObjectiveRecord {
  const list = (text: string | undefined): string[] => (text ?? '').split(' ').filter(Boolean);
  return { stato: list(dataset['stato']), sezione: list(dataset['sezione']), anno: list(dataset['anno']) };
}
