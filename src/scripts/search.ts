/**
 * The search page in the browser: loads Pagefind's index on demand, searches as the reader
 * types (debounced), keeps the query in `?q=` so results can be linked and survive back/forward,
 * and renders the results itself: title link, excerpt with only Pagefind's highlights as markup.
 */
import { excerptSegments, isSitePath, resultCountText, type SearchStrings } from '../lib/site/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface PagefindApi {
  options: (options: { excerptLength?: number; baseUrl?: string }) => Promise<void>;
  search: (query: string) => Promise<{ results: { id: string; data: () => Promise<PagefindResultData> }[] } | null>;
}

type PagefindResult = NonNullable<Awaited<ReturnType<PagefindApi['search']>>>['results'][number];

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;

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
  fallback.hidden = true;

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
      const found = await api.search(query);
      if (current !== generation || !found) return;
      pending = found.results;
      list.replaceChildren();
      await showMore(false);
      if (current === generation) status.textContent = resultCountText(strings, found.results.length, query);
    } catch (error) {
      if (current !== generation) return;
      pagefind = undefined;
      status.textContent = '';
      fallbackText.textContent = strings.unavailable;
      fallback.hidden = false;
      console.warn('Pagefind:', error);
    }
  };

  /** Puts the query in the address (replacing, so typing does not flood the history). */
  const remember = (query: string) => {
    const url = new URL(window.location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query.trim());
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

  const fromAddress = () => {
    const query = new URLSearchParams(window.location.search).get('q') ?? '';
    input.value = query;
    void run(query);
  };
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
if (form) start(form);
