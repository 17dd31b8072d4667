/**
 * The search page in the browser: loads Pagefind's index on demand, searches as the reader
 * types (debounced), keeps the query and the filters in the address (`?q=…&tipo=…`) so results
 * can be linked and survive back/forward, and renders the results itself: title link, excerpt
 * with only Pagefind's highlights as markup. When a query finds (almost) nothing, the site's
 * word list (fetched then, once) suggests a corrected query, whose results are shown instead.
 */
import { excerptSegments, isSitePath, resultCountText, suggestionCountText, suggestQuery, type SearchStrings } from '../lib/site/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface PagefindApi {
  options: (options: { excerptLength?: number; baseUrl?: string }) => Promise<void>;
  search: (
    query: string,
    options?: { filters?: Record<string, string> },
  ) => Promise<{ results: { id: string; data: () => Promise<PagefindResultData> }[] } | null>;
}

/** A filter select of the form: the URL parameter is its name, Pagefind's filter its `data-search-filter`. */
interface FilterControl {
  select: HTMLSelectElement;
  filter: string;
}

type PagefindResult = NonNullable<Awaited<ReturnType<PagefindApi['search']>>>['results'][number];

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
/** Below this many results, the site's vocabulary is asked for a corrected query. */
const FEW_RESULTS = 3;

/** Finds a required element of the page; the page and this script are built together. */
function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`search: ${selector} missing`);
  return element;
}

/** One result as a list item: heading with the link, then the excerpt. */
function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  for (const segment of excerptSegments(data.excerpt)) {
    if (segment.marked) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(segment.text));
    }
  }
  item.append(heading, excerpt);
  return item;
}

function start(form: HTMLFormElement): void {
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as SearchStrings;
  const bundle = form.dataset['bundle'] ?? '/pagefind/pagefind.js';
  const input = required<HTMLInputElement>('#q');
  const status = required<HTMLElement>('[data-search-status]');
  const list = required<HTMLOListElement>('[data-search-results]');
  const more = required<HTMLButtonElement>('[data-search-more]');
  const fallback = required<HTMLElement>('[data-search-fallback]');
  const fallbackText = required<HTMLElement>('[data-search-fallback-text]');
  const controls: FilterControl[] = Array.from(form.querySelectorAll<HTMLSelectElement>('select[data-search-filter]'), (select) => ({
    select,
    filter: select.dataset['searchFilter'] ?? select.name,
  }));
  fallback.hidden = true;

  /** The chosen filters as Pagefind names them: the option's label under the filter's name. */
  const chosenFilters = (): Record<string, string> =>
    Object.fromEntries(
      controls.flatMap(({ select, filter }) => {
        const label = select.selectedOptions[0]?.dataset['label'];
        return select.value !== '' && label ? [[filter, label]] : [];
      }),
    );

  let words: Promise<string[]> | undefined;
  const loadWords = (): Promise<string[]> => {
    words ??= fetch(form.dataset['words'] ?? '')
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => []);
    return words;
  };

  let pagefind: Promise<PagefindApi> | undefined;
  const loadPagefind = (): Promise<PagefindApi> => {
    pagefind ??= (import(/* @vite-ignore */ bundle) as Promise<PagefindApi>).then(async (api) => {
      // The index records site paths (/a/b/); under a sub-path Pagefind puts the base in front.
      await api.options({ excerptLength: 30, baseUrl: form.dataset['base'] ?? '/' });
      return api;
    });
    return pagefind;
  };

  let generation = 0;
  let pending: PagefindResult[] = [];

  const showMore = async (focusFirst: boolean) => {
    const current = generation;
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    const items = data.filter((entry) => isSitePath(entry.url)).map(renderResult);
    list.append(...items);
    more.hidden = pending.length === 0;
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  };

  const run = async (raw: string) => {
    const query = raw.trim();
    const current = ++generation;
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    try {
      const api = await loadPagefind();
      const filters = chosenFilters();
      let found = await api.search(query, { filters });
      let message = resultCountText(strings, found?.results.length ?? 0, query);
      // Few results: perhaps a typo (Pagefind's stemming may match a misspelling to some stray
      // word, so «few» rather than «none»). The corrected query's results win if there are more.
      if ((found?.results.length ?? 0) < FEW_RESULTS) {
        const suggestion = suggestQuery(query, await loadWords());
        const corrected = suggestion === undefined ? null : await api.search(suggestion, { filters });
        if (suggestion !== undefined && corrected && corrected.results.length > (found?.results.length ?? 0)) {
          found = corrected;
          message = suggestionCountText(strings, corrected.results.length, query, suggestion);
        }
      }
      if (current !== generation || !found) return;
      pending = found.results;
      list.replaceChildren();
      await showMore(false);
      if (current === generation) status.textContent = message;
    } catch (error) {
      if (current !== generation) return;
      pagefind = undefined;
      status.textContent = '';
      fallbackText.textContent = strings.unavailable;
      fallback.hidden = false;
      console.warn('Pagefind:', error);
    }
  };

  /** Puts the query and the filters in the address (replacing, so typing does not flood the history). */
  const remember = (query: string) => {
    const url = new URL(window.location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query.trim());
    for (const { select } of controls) {
      if (select.value === '') url.searchParams.delete(select.name);
      else url.searchParams.set(select.name, select.value);
    }
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(input.value);
      void run(input.value);
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    void run(input.value);
  });
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  more.addEventListener('click', () => void showMore(true));
  for (const { select } of controls) {
    select.addEventListener('change', () => {
      clearTimeout(timer);
      remember(input.value);
      void run(input.value);
    });
  }

  const fromAddress = () => {
    const params = new URLSearchParams(window.location.search);
    const query = params.get('q') ?? '';
    input.value = query;
    for (const { select } of controls) {
      const value = params.get(select.name) ?? '';
      select.value = Array.from(select.options).some((option) => option.value === value) ? value : '';
    }
    void run(query);
  };
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
if (form) start(form);
