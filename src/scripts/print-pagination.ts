/**
 * The PDF step's code inside the print page: loading Paged.js, readying the page (fonts,
 * images), adjusting Paged.js for a fast pagination with the same result, and reading the
 * result for the preflight. Bundled by scripts/lib/pdf/in-page.ts into one script added before
 * the page's own (an init script), it only defines `window.annuarioPagination`; the PDF step
 * calls its functions one by one.
 *
 * Paged.js's internals it patches are listed, with why, in print-pagination-shape.ts, and
 * checked before each patch: a Paged.js that changed shape fails the PDF with what changed.
 */
import { repeatHeader } from './print-paged.ts';
import { pagedShapeProblems } from './print-pagination-shape.ts';

/** An element the preflight found outside its page's content area. */
export interface CollectedElement {
  page: number;
  element: string;
  box: Box;
  area: Box;
}

/** An image as printed: its pixels and its size on the page. */
export interface CollectedImage {
  page: number;
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  width: number;
  height: number;
}

/** What `finish` hands back to the PDF step. */
export interface PaginationResult {
  elements: CollectedElement[];
  images: CollectedImage[];
  layoutWarnings: { page: number; element: string }[];
  /** Each link's description (its accessible name) by what the PDF's link annotation points to: the target's id, or the URL. */
  links: [string, string][];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/* The parts of Paged.js's internals the adjustments touch (see print-pagination-shape.ts). */

type HandlerClass<T = PagedHandler> = (new (chunker: Chunker, polisher: unknown, caller: unknown) => T) & { prototype: T };

interface PagedHandler {
  chunker: Chunker;
}

interface Chunker {
  maxChars?: number;
  q: { tick: (run: () => void) => void };
}

interface PagedPage {
  element: HTMLElement;
  width: number;
  height: number;
}

interface PageClass {
  create: ((...args: unknown[]) => unknown) & { annuario?: true };
}

interface LayoutInstance {
  maxChars?: number;
}

interface LayoutClass {
  findBreakToken: ((
    this: LayoutInstance & { bounds: DOMRect },
    rendered: Element,
    source: Element,
    bounds?: DOMRect,
    ...rest: unknown[]
  ) => unknown) & {
    annuario?: true;
  };
}

interface BreakToken {
  node?: Node;
}

interface AtPage extends PagedHandler {
  marginalia: Record<string, unknown>;
  getStartElement(content: DocumentFragment, breakToken?: BreakToken): Element | undefined;
  finalizePage(fragment: DocumentFragment, page: PagedPage, breakToken: unknown, chunker: Chunker): void;
}

interface CounterTarget {
  func: string;
  counter: string;
  selector: string;
  args: string[];
  variable: string;
}

interface TargetCounters extends PagedHandler {
  counterTargets: Record<string, CounterTarget>;
  styleSheet: CSSStyleSheet;
  afterPageLayout(...args: unknown[]): void;
}

interface Footnotes extends PagedHandler {
  afterParsed(parsed: DocumentFragment): void;
  renderNode(node: Node): unknown;
  beforePageLayout(page: PagedPage): unknown;
  afterPageLayout(pageElement: Element, page: PagedPage, breakToken: unknown, chunker: Chunker): unknown;
  afterOverflowRemoved(removed: unknown, rendered: unknown): unknown;
}

interface PagedGlobal {
  Handler: HandlerClass;
  registeredHandlers: HandlerClass[];
  registerHandlers: (...handlers: HandlerClass[]) => void;
}

interface Previewer {
  chunker?: Chunker;
  preview: () => Promise<{ total: number }>;
}

/** The page's state between the PDF step's calls. */
interface PaginationState {
  held: DocumentFragment;
  elements: CollectedElement[];
  images: CollectedImage[];
  targets: TargetCounters | undefined;
  lastProgress: number;
  hide: HTMLStyleElement;
  collectRest: () => void;
}

/** What the print page offers the PDF step, in the order it calls it. */
export interface AnnuarioPagination {
  init: (polyfillUrl: string) => void;
  prependStyle: (css: string) => void;
  markVariant: (variant: string) => void;
  prepare: () => Promise<void>;
  ready: () => Promise<void>;
  setup: (options: { bleed: boolean }) => void;
  paginate: () => Promise<number>;
  finish: () => PaginationResult;
}

declare global {
  interface Window {
    annuarioPagination: AnnuarioPagination;
    PagedConfig?: { auto: boolean };
    Paged?: PagedGlobal;
    PagedPolyfill?: Previewer;
    __annuarioPageDone?: (pages: number) => void;
  }
}

let sourceHidden: CSSStyleSheet | undefined;
let pagedReady: Promise<void> = Promise.reject(new Error('Paged.js non è stato caricato (manca init)'));
pagedReady.catch(() => undefined);
const layoutWarnings: { page: number; element: string }[] = [];
let state: PaginationState | undefined;

/** `tag.class1.class2` (or `tag#id`) of an element, for messages. */
function elementName(el: Element): string {
  let name = el.tagName.toLowerCase();
  if (el.id) return `${name}#${el.id}`;
  const classes = typeof el.className === 'string' ? el.className.trim() : '';
  if (classes) name += `.${classes.split(/\s+/).slice(0, 2).join('.')}`;
  return name;
}

/**
 * Runs before the print page's own scripts: keeps Paged.js from starting by itself, records its
 * "Unable to layout item" warnings with the page being laid out, and loads its polyfill from
 * `polyfillUrl` as soon as the document is parsed. Loaded by URL, Chromium compiles the 900 kB
 * script off the main thread while the page's fonts and images arrive.
 *
 * The document's content is not styled or laid out as a long web page (`content-visibility:
 * hidden`, from a constructed style sheet that Paged.js does not read): Paged.js takes it out
 * and lays it out again in pages, so that first layout was wasted (a third of the time of
 * loading the catalogue). What needs a size before pagination still gets it: reading a size
 * lays out what it needs. The sheet is dropped once Paged.js has the content.
 */
function init(polyfillUrl: string): void {
  window.PagedConfig = { auto: false };
  sourceHidden = new CSSStyleSheet();
  sourceHidden.replaceSync('body > :not(.pagedjs_pages) { content-visibility: hidden !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sourceHidden];
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Unable to layout item')) {
      const node = args[1];
      layoutWarnings.push({
        page: (state?.held.childElementCount ?? 0) + document.querySelectorAll('.pagedjs_page').length,
        element: node instanceof Element ? elementName(node) : 'testo',
      });
    }
    warn(...args);
  };
  pagedReady = new Promise((resolve, reject) => {
    document.addEventListener('DOMContentLoaded', () => {
      const script = document.createElement('script');
      script.src = polyfillUrl;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Paged.js non si carica da ${polyfillUrl}`));
      document.head.append(script);
    });
  });
  pagedReady.catch(() => undefined);
}

/**
 * Adds CSS as the first style sheet of the page. Paged.js reads the sheets in order and applies
 * the page box (size, bleed, marks) once, when a sheet first gives a size: a rule meant to
 * change the page box must come before the page's own `@page { size: … }`.
 */
function prependStyle(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.prepend(style);
}

/**
 * Names the variant on the report's root element (`data-variant`), inside what Paged.js
 * paginates, so the print CSS can start chapters on right-hand pages in the print-shop PDF only.
 */
function markVariant(variant: string): void {
  document.querySelector('.print-report')?.setAttribute('data-variant', variant);
}

/**
 * Runs the page's own preparation (fonts, charts) when it has one. Then, as the document's text
 * is not laid out before Paged.js takes it (`init`), nothing has asked for the fonts it needs:
 * every face of the page's fonts is loaded for the characters of the document (each
 * unicode-range subset the text touches), and every image, lazy or not, is loaded, so that
 * Paged.js measures the final glyphs and sizes.
 */
async function prepare(): Promise<void> {
  const own = (window as { annuarioPrint?: { prepare?: () => Promise<void> } }).annuarioPrint;
  if (typeof own?.prepare === 'function') await own.prepare();
  const text = [...new Set(document.body.textContent)].join('');
  const faces = new Set<string>();
  for (const face of document.fonts) {
    faces.add(`${face.style} ${face.weight.split(' ')[0] ?? ''} 16px ${JSON.stringify(face.family.replace(/^["']|["']$/g, ''))}`);
  }
  await Promise.all([...faces].map((font) => document.fonts.load(font, text)));
  await document.fonts.ready;
  await Promise.all(
    [...document.images].map((image) => {
      if (image.loading === 'lazy') image.loading = 'eager';
      return image.complete
        ? Promise.resolve()
        : new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          });
    }),
  );
}

const SOFT_HYPHEN = '\u00AD';

/**
 * Keeps only the soft hyphens where a line of the laid-out page really breaks. The Italian
 * hyphenation (src/lib/site/print-text.ts) puts one at every break point of every long word, and
 * Chromium ends a text run at each: left in, every word of the PDF is cut into syllable runs that
 * copying, searching and text extraction read back as «di­ven ta ta». A break point the line did
 * not use changes nothing in a first-fit line breaker, so dropping it keeps the layout.
 */
export function dropUnusedSoftHyphens(root: Element): number {
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const edits: [Text, string][] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    if (!text.includes(SOFT_HYPHEN)) continue;
    let kept = '';
    let from = 0;
    for (let at = text.indexOf(SOFT_HYPHEN); at !== -1; at = text.indexOf(SOFT_HYPHEN, at + 1)) {
      let breaks = true;
      if (at > 0 && at < text.length - 1) {
        range.setStart(node, at - 1);
        range.setEnd(node, at);
        const before = range.getBoundingClientRect();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const after = range.getBoundingClientRect();
        // The letter after a used break point starts the next line, left of the letter before it
        // (Chromium reports that letter's top as the broken line's, so the left decides).
        breaks = after.left < before.left || after.top >= before.bottom;
      }
      kept += text.slice(from, at) + (breaks ? SOFT_HYPHEN : '');
      from = at + 1;
    }
    kept += text.slice(from);
    if (kept !== text) edits.push([node as Text, kept]);
  }
  // Every position is read first, then written: one layout for the whole page.
  for (const [node, kept] of edits) node.data = kept;
  return edits.length;
}

/**
 * What the preflight looks at on one laid-out page: every element sticking out of the page's
 * content area (the outermost one only) and every image with its pixels and printed size.
 */
function collectPage(pageEl: Element, number: number, into: PaginationState): void {
  const content = pageEl.querySelector('.pagedjs_page_content');
  if (!content) return;
  const describe = (el: Element): string => {
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
    return text ? `${elementName(el)} «${text.length > 40 ? `${text.slice(0, 40)}…` : text}»` : elementName(el);
  };
  const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const area = box(content.getBoundingClientRect());
  const outside = new Set<Element>();
  for (const el of content.querySelectorAll('*')) {
    // Paged.js's own wrapper (laid out in columns) is as wide as the columns, not a finding.
    if (el.parentElement === content) continue;
    // A field of colour meant to run into the bleed (the cover's) is laid out past the text area on purpose.
    if (el.closest('[data-bleed]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const out = r.right - area.right > 2 || r.bottom - area.bottom > 2 || area.left - r.left > 2 || area.top - r.top > 2;
    if (!out) continue;
    outside.add(el);
    if (el.parentElement && outside.has(el.parentElement)) continue;
    into.elements.push({ page: number, element: describe(el), box: box(r), area });
  }
  for (const img of content.querySelectorAll('img')) {
    const r = img.getBoundingClientRect();
    const src = img.currentSrc || img.src;
    into.images.push({
      page: number,
      src: src.startsWith('data:') ? `incorporata: ${(img.alt || 'senza testo alternativo').slice(0, 60)}` : new URL(src).pathname,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      width: r.width,
      height: r.height,
    });
  }
}

/** Fails the PDF when Paged.js's internals are not those the adjustments were written for. */
function assertShape(classes: Record<string, { prototype: unknown } | undefined>): void {
  const problems = pagedShapeProblems(classes);
  if (problems.length > 0) throw new Error(`Paged.js non è la versione attesa (0.4.3): ${problems.join('; ')}`);
}

/** The parts of Paged.js's page frame that print nothing when empty (all placed on explicit grid lines). */
const EMPTY_FRAME = [
  '.pagedjs_margin-left',
  '.pagedjs_margin-right',
  '.pagedjs_margin-top-left-corner-holder',
  '.pagedjs_margin-top-right-corner-holder',
  '.pagedjs_margin-bottom-left-corner-holder',
  '.pagedjs_margin-bottom-right-corner-holder',
].join(', ');

/**
 * Readies Paged.js (loaded, not started) for a fast pagination with the same result:
 *
 * - its queue waits for an animation frame before each page, about 17 ms each in headless
 *   Chromium for nothing: a message-channel tick instead;
 * - each finished page but the last is taken out of the document while the next ones are laid
 *   out, so the browser does not lay out the whole growing document again for every page, and
 *   put back at the end;
 * - the preflight reads each finished page when the layout is up to date anyway (just after
 *   Paged.js has measured the next page), not with a layout of its own;
 * - a new page's content area is measured once: Paged.js measures it on every page before the
 *   page gets its classes, when it is the same on every page (a forced layout each);
 * - `target-counter(…, page)` (the page numbers of the contents) is resolved once at the end,
 *   the way Paged.js resolves it, instead of after every page for every unresolved link (the
 *   cost grows with pages × links);
 * - each page loses the parts of Paged.js's page frame that print nothing (margin boxes on the
 *   sides and in the corners without content, the empty footnote area, and the bleed areas
 *   when there is no bleed): two thirds of the frame's elements, which Chromium would
 *   otherwise style, lay out and tag when printing;
 * - the named page a page continues is found by walking up from where it starts, not by
 *   cloning every ancestor of that point (Paged.js's way, on every page);
 * - the page frame's margin boxes are sized once per kind of page: Paged.js reads the computed
 *   widths of every margin box of every page to set the same grid on every page of a kind.
 *   The result is kept by the page's classes and replayed, except when it measured the boxes'
 *   content (boxes without a width in the CSS) or when a page selector depends on the page's
 *   position (`:nth`): those pages are sized as before;
 * - Paged.js checks a page for overflow (a forced layout) once it holds as many characters as
 *   the last pages held on average, but keeps the first page's figure for good, and after a
 *   check that finds room it checks again after every further node. Each page now starts from
 *   the running average, and after a check that finds room the next one waits for the
 *   characters that should fill the room left (at least 50). Where the break falls is decided
 *   as before, by the first node that does not fit;
 * - when the document has no footnotes, Paged.js's footnote handler is not run (it measured an
 *   empty, hidden footnote area several times per page);
 * - the pages are hidden while they are laid out (visibility only: the layout is the same);
 * - progress goes to the exposed `__annuarioPageDone` at most once a second.
 */
function setup(options: { bleed: boolean }): void {
  const Paged = window.Paged;
  const previewer = window.PagedPolyfill;
  const chunker = previewer?.chunker;
  if (!Paged || !chunker) throw new Error('Paged.js non è la versione attesa (0.4.3): manca il previewer o la sua coda');
  const handlers = Paged.registeredHandlers;
  const handlerClass = (name: string) => handlers.find((handler) => handler.name === name);
  assertShape({
    Queue: chunker.q.constructor,
    Chunker: chunker.constructor,
    AtPage: handlerClass('AtPage'),
    TargetCounters: handlerClass('TargetCounters'),
    Footnotes: handlerClass('Footnotes'),
  });
  /** Puts `extend(Handler)` in place of Paged.js's handler class named `name` (its shape checked above). */
  const replaceHandler = <T extends PagedHandler>(name: string, extend: (base: HandlerClass<T>) => HandlerClass<T>): void => {
    const index = handlers.findIndex((handler) => handler.name === name);
    handlers.splice(index, 1, extend(handlers[index] as unknown as HandlerClass<T>) as unknown as HandlerClass);
  };

  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  chunker.q.tick = (run) => {
    waiting.push(run);
    channel.port2.postMessage(null);
  };

  const trimPage = (pageEl: Element): void => {
    for (const el of pageEl.querySelectorAll(EMPTY_FRAME)) {
      if (!el.classList.contains('hasContent') && !el.querySelector('.hasContent')) el.remove();
    }
    for (const el of pageEl.querySelectorAll('.pagedjs_footnote_area')) {
      if (!el.querySelector('[data-note]')) el.remove();
    }
    if (!options.bleed) for (const el of pageEl.querySelectorAll(':scope > .pagedjs_sheet > .pagedjs_bleed')) el.remove();
  };

  // Nothing is painted or hit-tested while paginating (the layout is the same when hidden). Added
  // once Paged.js has read the style sheets (it would keep a copy), removed when it has finished.
  const hide = document.createElement('style');
  hide.textContent = '.pagedjs_pages { visibility: hidden !important; pointer-events: none !important; }';
  const current: PaginationState = {
    held: document.createDocumentFragment(),
    elements: [],
    images: [],
    targets: undefined,
    lastProgress: performance.now(),
    hide,
    collectRest: () => undefined,
  };
  state = current;

  replaceHandler<TargetCounters>(
    'TargetCounters',
    (Base) =>
      class TargetCountersOnce extends Base {
        constructor(chunkerArg: Chunker, polisher: unknown, caller: unknown) {
          super(chunkerArg, polisher, caller);
          current.targets = this;
        }
        override afterPageLayout(): void {}
      },
  );

  const offsetWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth');
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  const frames = new Map<string, [boolean, string | null][]>();
  replaceHandler<AtPage>(
    'AtPage',
    (Base) =>
      class AtPageOncePerKind extends Base {
        override getStartElement(content: DocumentFragment, breakToken?: BreakToken): Element | undefined {
          const node = breakToken?.node;
          if (
            !node ||
            (node instanceof HTMLElement && (node.parentNode?.nodeType === Node.DOCUMENT_FRAGMENT_NODE || node.dataset['page']))
          ) {
            return super.getStartElement(content, breakToken);
          }
          // What Paged.js finds by rebuilding (cloning) every ancestor of the break: the innermost
          // one with a named page, continued from the page before, or nothing to name the page by.
          for (let el = node.parentElement; el; el = el.parentElement) {
            if (!el.dataset['page']) continue;
            const start = el.cloneNode(false) as Element;
            start.setAttribute('data-split-from', String(el.getAttribute('data-ref')));
            return start;
          }
          return undefined;
        }
        override finalizePage(fragment: DocumentFragment, page: PagedPage, breakToken: unknown, chunkerArg: Chunker): void {
          const pageEl = page.element;
          const boxes = [
            ...pageEl.querySelectorAll<HTMLElement>(
              '.pagedjs_margin, .pagedjs_margin-top, .pagedjs_margin-bottom, .pagedjs_margin-left, .pagedjs_margin-right',
            ),
          ];
          const key = pageEl.className;
          const known = frames.get(key);
          if (known) {
            boxes.forEach((box, i) => {
              const [hasContent, style] = known[i] ?? [false, null];
              if (hasContent) box.classList.add('hasContent');
              if (style !== null) box.setAttribute('style', style);
            });
            return;
          }
          let measured = Object.keys(this.marginalia).some((selector) => selector.includes('nth'));
          const watch = (descriptor: PropertyDescriptor | undefined): PropertyDescriptor => ({
            configurable: true,
            get(this: HTMLElement) {
              measured = true;
              return descriptor?.get?.call(this) as unknown;
            },
          });
          for (const box of boxes) {
            Object.defineProperty(box, 'offsetWidth', watch(offsetWidth));
            Object.defineProperty(box, 'offsetHeight', watch(offsetHeight));
          }
          try {
            super.finalizePage(fragment, page, breakToken, chunkerArg);
          } finally {
            for (const box of boxes) {
              Reflect.deleteProperty(box, 'offsetWidth');
              Reflect.deleteProperty(box, 'offsetHeight');
            }
          }
          if (!measured)
            frames.set(
              key,
              boxes.map((box) => [box.classList.contains('hasContent'), box.getAttribute('style')]),
            );
        }
      },
  );

  replaceHandler<Footnotes>(
    'Footnotes',
    (Base) =>
      class FootnotesWhenUsed extends Base {
        used = false;
        override afterParsed(parsed: DocumentFragment): void {
          super.afterParsed(parsed);
          this.used = parsed.querySelector('[data-note="footnote"]') !== null;
        }
        override renderNode(node: Node): unknown {
          return this.used ? super.renderNode(node) : undefined;
        }
        override beforePageLayout(page: PagedPage): unknown {
          return this.used ? super.beforePageLayout(page) : undefined;
        }
        override afterPageLayout(pageElement: Element, page: PagedPage, breakToken: unknown, chunkerArg: Chunker): unknown {
          return this.used ? super.afterPageLayout(pageElement, page, breakToken, chunkerArg) : undefined;
        }
        override afterOverflowRemoved(removed: unknown, rendered: unknown): unknown {
          return this.used ? super.afterOverflowRemoved(removed, rendered) : undefined;
        }
      },
  );

  /** Collects a finished page for the preflight, once. */
  const collected = new WeakSet<Element>();
  const collect = (pageEl: Element): void => {
    if (collected.has(pageEl)) return;
    collected.add(pageEl);
    collectPage(pageEl, Number((pageEl as HTMLElement).dataset['pageNumber']), current);
  };
  current.collectRest = () => {
    for (const pageEl of document.querySelectorAll('.pagedjs_pages > .pagedjs_page')) {
      if (!collected.has(pageEl)) dropUnusedSoftHyphens(pageEl);
      collect(pageEl);
    }
  };

  class AnnuarioPages extends Paged.Handler {
    afterParsed(): void {
      document.head.append(hide);
      // Paged.js has taken the document's content: nothing left to hide.
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== sourceHidden);
    }
    beforePageLayout(page: PagedPage): void {
      // Paged.js's Page class is not exported: its prototype is patched once, from the first page.
      const Page = Object.getPrototypeOf(page) as PageClass;
      if (Page.create.annuario) return;
      assertShape({ Page: Page.constructor });
      const known = new DOMRect(0, 0, page.width, page.height);
      const create = Page.create;
      const measure = Reflect.get(Element.prototype, 'getBoundingClientRect');
      const createOnce = function (this: unknown, ...args: unknown[]): unknown {
        // The content area measured is that of a page without classes yet: the same every time.
        Element.prototype.getBoundingClientRect = function (this: Element) {
          return this.classList.contains('pagedjs_page_content') ? known : measure.call(this);
        };
        try {
          return create.apply(this, args);
        } finally {
          Element.prototype.getBoundingClientRect = measure;
        }
      };
      Page.create = Object.assign(createOnce, { annuario: true as const });
    }
    onPageLayout(wrapper: Element, _breakToken: unknown, layout: LayoutInstance): void {
      // The layout is up to date here (Layout has just measured the new page): the page before
      // it, finished, is read for the preflight without a layout of its own.
      const previous = wrapper.closest('.pagedjs_page')?.previousElementSibling;
      if (previous) collect(previous);
      if (this.chunker.maxChars) layout.maxChars = this.chunker.maxChars;
      // Paged.js's Layout class is not exported: its prototype is patched once, from the first page's instance.
      const Layout = Object.getPrototypeOf(layout) as LayoutClass;
      if (Layout.findBreakToken.annuario) return;
      assertShape({ Layout: Layout.constructor });
      const findBreakToken = Layout.findBreakToken;
      const findBreakTokenPaced: LayoutClass['findBreakToken'] = function (
        this: LayoutInstance & { bounds: DOMRect },
        rendered: Element,
        source: Element,
        given?: DOMRect,
        ...rest: unknown[]
      ) {
        const bounds = given ?? this.bounds;
        const token = findBreakToken.call(this, rendered, source, bounds, ...rest);
        if (!token) {
          const chars = rendered.textContent.length;
          const used = rendered.getBoundingClientRect().height;
          const room = Math.max(0, bounds.height - used);
          const more = used > 0 ? Math.floor((chars * room) / used) : 0;
          this.maxChars = chars + Math.max(50, more);
        }
        return token;
      };
      Layout.findBreakToken = Object.assign(findBreakTokenPaced, { annuario: true as const });
    }
    finalizePage(_fragment: DocumentFragment, page: PagedPage): void {
      const number = Number(page.element.dataset['pageNumber']);
      trimPage(page.element);
      const previous = page.element.previousElementSibling;
      if (previous) {
        dropUnusedSoftHyphens(previous);
        collect(previous);
        current.held.append(previous);
      }
      const now = performance.now();
      if (now - current.lastProgress >= 1000 && typeof window.__annuarioPageDone === 'function') {
        current.lastProgress = now;
        window.__annuarioPageDone(number);
      }
    }
  }
  // A table split across pages gets its header row again on each continued page (print-paged.ts).
  class RepeatTableHeaders extends Paged.Handler {
    renderNode(clone: Node, node: Node): void {
      repeatHeader(clone, node);
    }
  }
  Paged.registerHandlers(AnnuarioPages, RepeatTableHeaders);
}

/** Paginates; resolves to the number of pages. */
async function paginate(): Promise<number> {
  const previewer = window.PagedPolyfill;
  if (!previewer) throw new Error('Paged.js non è stato caricato');
  return (await previewer.preview()).total;
}

/** The links of the pages with their accessible names, keyed as Chromium writes their annotations (named destination or URL). */
function linkDescriptions(area: Element): [string, string][] {
  const links = new Map<string, string>();
  for (const link of area.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    const key = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : link.href;
    const description = (link.getAttribute('aria-label') ?? link.textContent).replace(/\s+/g, ' ').trim() || link.title.trim();
    if (description && !links.has(key)) links.set(key, description);
  }
  return [...links];
}

/**
 * After pagination: every page back in the document, each `target-counter(…, page)` set to the
 * page of its target (as Paged.js does: a `counter-reset` rule on the element's pseudo-element),
 * and what the preflight collected, with Paged.js's layout warnings. Without `setup` (Paged.js
 * as it comes), only the preflight's reading of the pages.
 */
function finish(): PaginationResult {
  const area = document.querySelector('.pagedjs_pages');
  if (!area) throw new Error('Paged.js non ha prodotto pagine');
  if (!state) {
    const plain: PaginationState = {
      held: document.createDocumentFragment(),
      elements: [],
      images: [],
      targets: undefined,
      lastProgress: 0,
      hide: document.createElement('style'),
      collectRest: () => undefined,
    };
    area.querySelectorAll(':scope > .pagedjs_page').forEach((pageEl, index) => collectPage(pageEl, index + 1, plain));
    return { elements: plain.elements, images: plain.images, layoutWarnings, links: linkDescriptions(area) };
  }
  state.collectRest();
  area.prepend(state.held);
  state.hide.remove();
  const targets = state.targets;
  let keys = 0;
  for (const target of Object.values(targets?.counterTargets ?? {})) {
    if (!targets || target.func !== 'attr' || target.counter !== 'page') continue;
    const [query = '', pseudo] = target.selector.split(/::?/g);
    for (const element of area.querySelectorAll(query)) {
      const value = target.args.map((name) => element.getAttribute(name)).find((v) => v !== null);
      const id = value?.startsWith('#') ? value.slice(1) : null;
      const found = id ? document.getElementById(id) : null;
      const page = found && area.contains(found) ? found.closest<HTMLElement>('.pagedjs_page') : null;
      if (!page) continue;
      const key = `t${(keys += 1)}`;
      element.setAttribute(`data-${target.variable}`, key);
      targets.styleSheet.insertRule(
        `[data-${target.variable}="${key}"]${pseudo ? `::${pseudo}` : ''} { counter-reset: ${target.variable} ${page.dataset['pageNumber'] ?? ''}; }`,
        targets.styleSheet.cssRules.length,
      );
    }
  }
  return { elements: state.elements, images: state.images, layoutWarnings, links: linkDescriptions(area) };
}

window.annuarioPagination = {
  init,
  prependStyle,
  markVariant,
  prepare,
  ready: () => pagedReady,
  setup,
  paginate,
  finish,
};
