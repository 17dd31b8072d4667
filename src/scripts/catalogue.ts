/**
 * The catalogue's filters in the browser. The page works without it (facet values are links to
 * static views); with it the links become toggle buttons that filter the list in place. The DOM
 * is read once: each item's record comes from its `data-*` attributes, and every change after
 * that is a pure computation (the same `matches`/`facetCounts` the build uses) followed by one
 * batch of writes: items that do not match get `hidden` and leave the list, so the browser
 * lays out only what is shown. The filter lives in the URL query, so a view can be shared.
 * The same pass writes the € total of what is shown; the shown list can be downloaded as CSV
 * (the open data's rows of those cards), and on phones the filters fold behind one button.
 */
import { formatInteger } from '../lib/format.ts';
import {
  budgetTotal,
  compareRecords,
  countText,
  DEFAULT_SORT,
  emptyFilter,
  facetCounts,
  FACET_KEYS,
  fillTemplate,
  isSelected,
  matches,
  parseQuery,
  recordFromData,
  toggleValue,
  toggleYear,
  toQuery,
  totalText,
  type CatalogueRecord,
  type FacetKey,
  type FilterState,
  type KnownValues,
  type SortKey,
} from '../lib/site/catalogue-filter.ts';
import { csvRowsOfCards } from '../lib/site/catalogue-csv.ts';
import { saveFile } from './save-file.ts';

interface Entry {
  li: HTMLElement;
  record: CatalogueRecord;
  shown: boolean;
}

interface FacetButton {
  button: HTMLButtonElement;
  facet: FacetKey;
  value: string;
  count: HTMLElement | null;
  pressed: boolean;
  shownCount: number;
}

function isFacetKey(text: string | undefined): text is FacetKey {
  return (FACET_KEYS as readonly string[]).includes(text ?? '');
}

/** Replaces a facet link with a toggle button carrying the same attributes and content. */
function toButton(link: HTMLAnchorElement): HTMLButtonElement {
  const button = document.createElement('button');
  for (const attr of Array.from(link.attributes)) {
    if (attr.name !== 'href' && attr.name !== 'aria-current') button.setAttribute(attr.name, attr.value);
  }
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  button.append(...Array.from(link.childNodes));
  link.replaceWith(button);
  return button;
}

function yearOf(select: HTMLSelectElement | null): number | null {
  return select && /^\d{4}$/.test(select.value) ? Number(select.value) : null;
}

/** Phones (below the two-column layout of Catalogue.astro) fold the filters. */
const PHONE = '(max-width: 991.98px)';
const TYPING_MS = 200;

function init(root: HTMLElement): void {
  const list = root.querySelector<HTMLElement>('[data-catalogue-list]');
  const countEl = root.querySelector<HTMLElement>('#catalogue-count');
  if (!list || !countEl) return;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-catalogue-sort]');
  const fromSelect = root.querySelector<HTMLSelectElement>('[data-catalogue-from]');
  const toSelect = root.querySelector<HTMLSelectElement>('[data-catalogue-to]');
  const reset = root.querySelector<HTMLButtonElement>('[data-catalogue-reset]');
  const empty = root.querySelector<HTMLElement>('[data-catalogue-empty]');
  const templates = { one: countEl.dataset['one'] ?? '', many: countEl.dataset['many'] ?? '', of: countEl.dataset['of'] ?? '' };
  const query = root.querySelector<HTMLInputElement>('[data-catalogue-q]');
  const totalEl = root.querySelector<HTMLElement>('[data-catalogue-total]');
  const totalTemplates = { all: totalEl?.dataset['all'] ?? '', some: totalEl?.dataset['some'] ?? '', none: totalEl?.dataset['none'] ?? '' };
  const csvButton = root.querySelector<HTMLButtonElement>('[data-catalogue-csv]');
  const toggle = root.querySelector<HTMLButtonElement>('[data-catalogue-toggle]');
  const showButton = root.querySelector<HTMLButtonElement>('[data-catalogue-show]');

  // One read of the list: records and their elements, in the order the page was built.
  const entries: Entry[] = Array.from(list.children, (child) => {
    const li = child as HTMLElement;
    const title = (li.querySelector('a')?.textContent ?? '').trim();
    return { li, record: recordFromData(li.dataset, title, li.textContent ?? title), shown: !li.hidden };
  });
  const records = entries.map((e) => e.record);
  const orders = new Map<SortKey, Entry[]>([[DEFAULT_SORT, entries]]);
  let order: SortKey = DEFAULT_SORT;

  const known: Required<KnownValues> = { stato: [], area: [], finanziamento: [], importo: [] };
  const buttons: FacetButton[] = [];
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[data-facet][data-value]'))) {
    const facet = link.dataset['facet'];
    const value = link.dataset['value'] ?? '';
    if (!isFacetKey(facet)) continue;
    if (facet !== 'anno') known[facet] = [...known[facet], value];
    const button = toButton(link);
    const count = button.querySelector<HTMLElement>('[data-count]');
    buttons.push({ button, facet, value, count, pressed: false, shownCount: -1 });
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-catalogue-js]'))) el.hidden = false;
  const groups = Array.from(root.querySelectorAll<HTMLDetailsElement>('details[data-facet-group]'));

  let state: FilterState = parseQuery(window.location.search, known);

  function sorted(key: SortKey): Entry[] {
    let ordered = orders.get(key);
    if (!ordered) {
      const compare = compareRecords(key);
      ordered = [...entries].sort((a, b) => compare(a.record, b.record));
      orders.set(key, ordered);
    }
    return ordered;
  }

  function render(): void {
    // Compute everything first, then write only what changed.
    const shownFlags = entries.map((e) => matches(e.record, state));
    const counts = facetCounts(records, state);
    let shown = 0;
    let changed = state.ordina !== order;
    entries.forEach((entry, i) => {
      const visible = shownFlags[i] ?? true;
      if (visible) shown++;
      if (visible !== entry.shown) {
        entry.shown = visible;
        changed = true;
      }
    });
    // One write: only the matching items stay attached, in the chosen order. Detached items
    // cost no style or layout work, which keeps a 5000-card list responsive both ways.
    if (changed) {
      const fragment = document.createDocumentFragment();
      for (const entry of sorted(state.ordina)) {
        entry.li.hidden = !entry.shown;
        if (entry.shown) fragment.append(entry.li);
      }
      list?.replaceChildren(fragment);
      order = state.ordina;
    }
    for (const b of buttons) {
      const pressed = isSelected(state, b.facet, b.value);
      if (pressed !== b.pressed) {
        b.pressed = pressed;
        b.button.setAttribute('aria-pressed', String(pressed));
      }
      const n = counts[b.facet].get(b.value) ?? 0;
      if (n !== b.shownCount) {
        b.shownCount = n;
        if (b.count) b.count.textContent = formatInteger(n);
        b.button.classList.toggle('is-empty', n === 0);
      }
    }
    const text = countText(shown, entries.length, templates, formatInteger);
    if (countEl && countEl.textContent !== text) countEl.textContent = text;
    if (totalEl) {
      const total = totalText(budgetTotal(records.filter((_, i) => shownFlags[i])), shown, totalTemplates);
      if (totalEl.textContent !== total) totalEl.textContent = total;
    }
    for (const button of [toggle, showButton]) {
      const label = button ? fillTemplate(button.dataset['template'] ?? '', { count: text }) : '';
      if (button && button.textContent !== label) button.textContent = label;
    }
    if (csvButton) csvButton.disabled = shown === 0;
    if (empty) empty.hidden = shown > 0;
    // A folded facet group with an active filter opens, so the filter is never invisible.
    for (const group of groups) {
      const key = group.dataset['facetGroup'];
      const active =
        key === 'anno'
          ? state.da !== null || state.a !== null || state.senzaDate
          : isFacetKey(key) && key !== 'anno' && state[key].length > 0;
      if (active && !group.open) group.open = true;
    }
    if (sortSelect) sortSelect.value = state.ordina;
    if (fromSelect) fromSelect.value = state.da === null ? '' : String(state.da);
    if (toSelect) toSelect.value = state.a === null ? '' : String(state.a);
    if (query && query.value.trim() !== state.q) query.value = state.q;
  }

  /** A new filter, shown and put in the address; typing replaces the entry instead of adding one per letter. */
  function update(next: FilterState, replace = false): void {
    state = next;
    render();
    const url = `${window.location.pathname}${toQuery(state)}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  query?.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ ...state, q: query.value.trim() }, true), TYPING_MS);
  });
  query?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    clearTimeout(typing);
    update({ ...state, q: query.value.trim() });
  });

  csvButton?.addEventListener('click', () => {
    const shownHrefs = sorted(state.ordina)
      .filter((entry) => entry.shown)
      .map((entry) => entry.li.querySelector('a')?.getAttribute('href') ?? '');
    csvButton.disabled = true;
    fetch(csvButton.dataset['source'] ?? '')
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((csv) => csvRowsOfCards(csv, shownHrefs))
      .then((csv) => saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvButton.dataset['filename'] ?? 'attivita.csv'))
      .catch((error: unknown) => {
        console.warn('CSV:', error);
        window.alert(csvButton.dataset['error'] ?? '');
      })
      .finally(() => {
        csvButton.disabled = false;
      });
  });

  const setFolded = (folded: boolean): void => {
    root.classList.toggle('is-folded', folded);
    toggle?.setAttribute('aria-expanded', String(!folded));
  };
  if (toggle && window.matchMedia(PHONE).matches) setFolded(true);
  toggle?.addEventListener('click', () => setFolded(!root.classList.contains('is-folded')));
  showButton?.addEventListener('click', () => {
    setFolded(true);
    toggle?.scrollIntoView({ block: 'start' });
    countEl.focus({ preventScroll: true });
  });

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-facet]') : null;
    if (!target) return;
    const facet = target.dataset['facet'];
    const value = target.dataset['value'] ?? '';
    if (!isFacetKey(facet)) return;
    update(facet === 'anno' ? toggleYear(state, value) : toggleValue(state, facet, value));
  });

  const onYears = (): void => {
    let da = yearOf(fromSelect);
    let a = yearOf(toSelect);
    if (da !== null && a !== null && da > a) [da, a] = [a, da];
    update({ ...state, da, a });
  };
  fromSelect?.addEventListener('change', onYears);
  toSelect?.addEventListener('change', onYears);
  sortSelect?.addEventListener('change', () => {
    const key = sortSelect.value;
    update({ ...state, ordina: parseQuery(`?ordina=${encodeURIComponent(key)}`).ordina });
  });
  reset?.addEventListener('click', () => update({ ...emptyFilter(), ordina: state.ordina }));
  window.addEventListener('popstate', () => {
    state = parseQuery(window.location.search, known);
    render();
  });

  render();
  // Normalize the address (unknown values dropped, canonical order) without a new history entry.
  const canonical = `${window.location.pathname}${toQuery(state)}${window.location.hash}`;
  if (canonical !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', canonical);
  }
}

const root = document.querySelector<HTMLElement>('[data-catalogue]');
if (root) init(root);
