/**
 * The objectives page's filters in the browser. Without it the page lists every objective and
 * the filter panel stays hidden; with it the panel appears and its toggle buttons filter the
 * list in place. Each item's values are read once from its `data-*` attributes; every change is
 * then the same pure computation the build uses, one batch of writes, and the URL query.
 */
import { formatInteger } from '../lib/format.ts';
import { countText } from '../lib/site/catalogue-filter.ts';
import {
  emptyObjectiveFilter,
  isObjectiveFilterKey,
  objectiveCounts,
  objectiveMatches,
  objectiveQuery,
  objectiveRecordFromData,
  OBJECTIVE_FILTER_KEYS,
  parseObjectiveQuery,
  toggleObjectiveFilter,
  type ObjectiveFilter,
  type ObjectiveFilterKey,
} from '../lib/site/objectives-filter.ts';

function init(root: HTMLElement): void {
  const list = root.querySelector<HTMLElement>('[data-objectives-list]');
  const countEl = root.querySelector<HTMLElement>('#objectives-count');
  const panel = root.querySelector<HTMLElement>('[data-objectives-filters]');
  if (!list || !countEl || !panel) return;
  const empty = root.querySelector<HTMLElement>('[data-objectives-empty]');
  const reset = root.querySelector<HTMLButtonElement>('[data-objectives-reset]');
  const templates = { one: countEl.dataset['one'] ?? '', many: countEl.dataset['many'] ?? '', of: countEl.dataset['of'] ?? '' };

  const items = Array.from(list.children, (child) => {
    const li = child as HTMLElement;
    return { li, record: objectiveRecordFromData(li.dataset) };
  });
  const records = items.map((i) => i.record);
  const buttons = Array.from(panel.querySelectorAll<HTMLButtonElement>('button[data-filter][data-value]')).flatMap((button) => {
    const key = button.dataset['filter'];
    return isObjectiveFilterKey(key)
      ? [{ button, key, value: button.dataset['value'] ?? '', count: button.querySelector<HTMLElement>('[data-count]') }]
      : [];
  });
  const known = Object.fromEntries(
    OBJECTIVE_FILTER_KEYS.map((key) => [key, buttons.filter((b) => b.key === key).map((b) => b.value)]),
  ) as Record<ObjectiveFilterKey, string[]>;

  let filter: ObjectiveFilter = parseObjectiveQuery(window.location.search, known);

  function render(): void {
    const counts = objectiveCounts(records, filter);
    let shown = 0;
    for (const item of items) {
      const visible = objectiveMatches(item.record, filter);
      if (visible) shown++;
      if (item.li.hidden === visible) item.li.hidden = !visible;
    }
    for (const b of buttons) {
      b.button.setAttribute('aria-pressed', String(filter[b.key].includes(b.value)));
      const n = counts[b.key].get(b.value) ?? 0;
      if (b.count) b.count.textContent = formatInteger(n);
      b.button.classList.toggle('is-empty', n === 0);
    }
    const text = countText(shown, items.length, templates, formatInteger);
    if (countEl && countEl.textContent !== text) countEl.textContent = text;
    if (empty) empty.hidden = shown > 0;
    if (reset) reset.disabled = OBJECTIVE_FILTER_KEYS.every((key) => filter[key].length === 0);
  }

  function update(next: ObjectiveFilter): void {
    filter = next;
    render();
    const url = `${window.location.pathname}${objectiveQuery(filter)}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.pushState(null, '', url);
  }

  panel.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-filter]') : null;
    const key = target?.dataset['filter'];
    if (!target || !isObjectiveFilterKey(key)) return;
    update(toggleObjectiveFilter(filter, key, target.dataset['value'] ?? ''));
  });
  reset?.addEventListener('click', () => update(emptyObjectiveFilter()));
  window.addEventListener('popstate', () => {
    filter = parseObjectiveQuery(window.location.search, known);
    render();
  });
  panel.hidden = false;
  render();
}

for (const root of Array.from(document.querySelectorAll<HTMLElement>('[data-objectives]'))) init(root);
