/**
 * Code that runs inside the print page, as plain JavaScript source: functions handed to
 * `page.evaluate` would be rewritten by the TypeScript loader (helpers such as `__name` that do
 * not exist in the page), strings reach the browser exactly as written.
 */

/**
 * Runs before the print page's own scripts (an init script): keeps Paged.js from starting by
 * itself, records its "Unable to layout item" warnings with the page being laid out, and loads
 * its polyfill from `polyfillUrl` as soon as the document is parsed. Loaded by URL, Chromium
 * compiles the 900 kB script off the main thread while the page's fonts and images arrive, and
 * the load event waits for it; `window.__annuarioPagedReady` settles when it has run.
 *
 * The document's content is not styled or laid out as a long web page (\`content-visibility:
 * hidden\`, from a constructed style sheet that Paged.js does not read): Paged.js takes it out
 * and lays it out again in pages, so that first layout was wasted (a third of the time of
 * loading the catalogue). What needs a size before pagination (the charts' boxes) still gets
 * it: reading a size lays out what it needs. The sheet is dropped once Paged.js has the content.
 */
export const initPrintPage = (polyfillUrl: string): string => `(() => {
  window.PagedConfig = { auto: false };
  const sourceHidden = new CSSStyleSheet();
  sourceHidden.replaceSync('body > :not(.pagedjs_pages) { content-visibility: hidden !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sourceHidden];
  window.__annuarioSourceHidden = sourceHidden;
  window.__annuarioLayoutWarnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Unable to layout item')) {
      const node = args[1];
      window.__annuarioLayoutWarnings.push({
        page: (window.__annuarioPaged ? window.__annuarioPaged.held.childElementCount : 0) + document.querySelectorAll('.pagedjs_page').length,
        element: node && node.nodeType === 1 ? node.tagName.toLowerCase() + (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') : 'testo',
      });
    }
    warn(...args);
  };
  window.__annuarioPagedReady = new Promise((resolve, reject) => {
    document.addEventListener('DOMContentLoaded', () => {
      const script = document.createElement('script');
      script.src = ${JSON.stringify(polyfillUrl)};
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('Paged.js non si carica da ' + ${JSON.stringify(polyfillUrl)}));
      document.head.append(script);
    });
  });
  window.__annuarioPagedReady.catch(() => undefined);
})()`;

/**
 * Runs the page's own preparation (fonts, charts as images) when it has one. Then, as the
 * document's text is not laid out before Paged.js takes it (\`initPrintPage\`), nothing has
 * asked for the fonts it needs: every face of the page's fonts is loaded for the characters of
 * the document (each unicode-range subset the text touches), and every image, lazy or not, is
 * loaded, so that Paged.js measures the final glyphs and sizes.
 */
export const PREPARE = `(async () => {
  if (window.annuarioPrint && typeof window.annuarioPrint.prepare === 'function') await window.annuarioPrint.prepare();
  const text = [...new Set(document.body.textContent)].join('');
  const faces = new Set();
  for (const face of document.fonts) faces.add(face.style + ' ' + face.weight.split(' ')[0] + ' 16px ' + JSON.stringify(face.family.replace(/^["']|["']$/g, '')));
  await Promise.all([...faces].map((font) => document.fonts.load(font, text)));
  await document.fonts.ready;
  await Promise.all([...document.images].map((image) => {
    if (image.loading === 'lazy') image.loading = 'eager';
    return image.complete ? undefined : new Promise((resolve) => {
      image.addEventListener('load', resolve, { once: true });
      image.addEventListener('error', resolve, { once: true });
    });
  }));
})()`;

/**
 * What the preflight looks at on one laid-out page (in-page function source): every element
 * sticking out of the page's content area (the outermost one only) and every image with its
 * pixels and printed size. Pushes onto `state.elements` and `state.images`.
 */
const COLLECT_PAGE = `(pageEl, number, state) => {
  const content = pageEl.querySelector('.pagedjs_page_content');
  if (!content) return;
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    else if (typeof el.className === 'string' && el.className.trim()) name += '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ');
    return text ? name + ' «' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '»' : name;
  };
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const area = box(content.getBoundingClientRect());
  const outside = new Set();
  for (const el of content.querySelectorAll('*')) {
    // Paged.js's own wrapper (laid out in columns) is as wide as the columns, not a finding.
    if (el.parentElement === content) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const out = r.right - area.right > 2 || r.bottom - area.bottom > 2 || area.left - r.left > 2 || area.top - r.top > 2;
    if (!out) continue;
    outside.add(el);
    if (el.parentElement && outside.has(el.parentElement)) continue;
    state.elements.push({ page: number, element: describe(el), box: box(r), area });
  }
  for (const img of content.querySelectorAll('img')) {
    const r = img.getBoundingClientRect();
    const src = img.currentSrc || img.src;
    state.images.push({
      page: number,
      src: src.startsWith('data:') ? 'incorporata: ' + (img.alt || 'senza testo alternativo').slice(0, 60) : new URL(src).pathname,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      width: r.width,
      height: r.height,
    });
  }
}`;

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
 *   when there is no bleed; all are placed on explicit grid lines, so nothing moves): two
 *   thirds of the frame's elements, which Chromium would otherwise style, lay out and tag when
 *   printing;
 * - the named page a page continues is found by walking up from where it starts, not by
 *   cloning every ancestor of that point (Paged.js's way, on every page);
 * - the page frame's margin boxes are sized once per kind of page: Paged.js reads the computed
 *   widths of every margin box of every page (a style recalculation each time) to set the same
 *   grid on every page of a kind (left, right, blank, a named page…). The result is kept by the
 *   page's classes and replayed, except when it measured the boxes' content (boxes without a
 *   width in the CSS, whose size depends on their text) or when a page selector depends on the
 *   page's position (`:nth`): those pages are sized as before;
 * - Paged.js checks a page for overflow (a forced layout) once it holds as many characters as
 *   the last pages held on average, but it keeps the first page's figure for good (the cover's
 *   few dozen characters: a settings object is filled once), and after a check that finds room
 *   it checks again after every further node: about ten forced layouts per page. Each page now
 *   starts from the running average, and after a check that finds room the next one waits for
 *   the characters that should fill the room left (at least 50): two or three checks per page.
 *   Where the break falls is decided as before, by the first node that does not fit;
 * - when the document has no footnotes (no `float: footnote` in its CSS matched anything),
 *   Paged.js's footnote handler is not run: on every page it measured an empty, hidden footnote
 *   area several times, each a forced layout, to conclude there was nothing to move;
 * - the pages are hidden while they are laid out (visibility only: the layout is the same), so
 *   the frames Chromium keeps producing paint and hit-test nothing;
 * - progress goes to the exposed `__annuarioPageDone` at most once a second.
 */
export const setupPagination = (options: { bleed: boolean }): string => `(() => {
  const keepBleed = ${JSON.stringify(options.bleed)};
  const Paged = window.Paged;
  const previewer = window.PagedPolyfill;
  const handlers = Paged && Paged.registeredHandlers;
  if (!previewer || !previewer.chunker || !previewer.chunker.q || !handlers) {
    throw new Error('Paged.js non è la versione attesa (0.4.3): manca la coda o l’elenco dei gestori');
  }
  /** Puts \`extend(Handler)\` in place of Paged.js's handler class named \`name\`. */
  const replaceHandler = (name, extend) => {
    const index = handlers.findIndex((handler) => handler.name === name);
    if (index === -1) throw new Error('Paged.js non è la versione attesa (0.4.3): manca il gestore ' + name);
    handlers.splice(index, 1, extend(handlers[index]));
  };
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => {
    const run = waiting.shift();
    if (run) run();
  };
  previewer.chunker.q.tick = (run) => {
    waiting.push(run);
    channel.port2.postMessage(null);
  };
  const collectPage = ${COLLECT_PAGE};
  const EMPTY_FRAME = [
    '.pagedjs_margin-left',
    '.pagedjs_margin-right',
    '.pagedjs_margin-top-left-corner-holder',
    '.pagedjs_margin-top-right-corner-holder',
    '.pagedjs_margin-bottom-left-corner-holder',
    '.pagedjs_margin-bottom-right-corner-holder',
  ].join(', ');
  const trimPage = (pageEl) => {
    for (const el of pageEl.querySelectorAll(EMPTY_FRAME)) {
      if (!el.classList.contains('hasContent') && !el.querySelector('.hasContent')) el.remove();
    }
    for (const el of pageEl.querySelectorAll('.pagedjs_footnote_area')) {
      if (!el.querySelector('[data-note]')) el.remove();
    }
    if (!keepBleed) for (const el of pageEl.querySelectorAll(':scope > .pagedjs_sheet > .pagedjs_bleed')) el.remove();
  };
  const state = (window.__annuarioPaged = { held: document.createDocumentFragment(), elements: [], images: [], targets: null, lastProgress: performance.now() });
  // Nothing is painted or hit-tested while paginating (the layout is the same when hidden). Added
  // once Paged.js has read the style sheets (it would keep a copy), removed when it has finished.
  state.hide = document.createElement('style');
  state.hide.textContent = '.pagedjs_pages { visibility: hidden !important; pointer-events: none !important; }';
  replaceHandler('TargetCounters', (TargetCounters) => class TargetCountersOnce extends TargetCounters {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller);
      state.targets = this;
    }
    afterPageLayout() {}
  });
  const offsetWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth');
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  const frames = new Map();
  replaceHandler('AtPage', (AtPage) => class AtPageOncePerKind extends AtPage {
    getStartElement(content, breakToken) {
      const node = breakToken && breakToken.node;
      if (!node || (node.nodeType === 1 && (node.parentNode.nodeType === 11 || node.dataset.page))) return super.getStartElement(content, breakToken);
      // What Paged.js finds by rebuilding (cloning) every ancestor of the break: the innermost
      // one with a named page, continued from the page before, or nothing to name the page by.
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (!el.dataset.page) continue;
        const start = el.cloneNode(false);
        start.setAttribute('data-split-from', String(el.getAttribute('data-ref')));
        return start;
      }
      return undefined;
    }
    finalizePage(fragment, page, breakToken, chunker) {
      const pageEl = page.element;
      const boxes = [...pageEl.querySelectorAll('.pagedjs_margin, .pagedjs_margin-top, .pagedjs_margin-bottom, .pagedjs_margin-left, .pagedjs_margin-right')];
      const key = pageEl.className;
      const known = frames.get(key);
      if (known) {
        boxes.forEach((box, i) => {
          const [hasContent, style] = known[i];
          if (hasContent) box.classList.add('hasContent');
          if (style !== null) box.setAttribute('style', style);
        });
        return;
      }
      let measured = Object.keys(this.marginalia).some((selector) => selector.includes('nth'));
      const watch = (descriptor) => ({
        configurable: true,
        get() {
          measured = true;
          return descriptor.get.call(this);
        },
      });
      for (const box of boxes) {
        Object.defineProperty(box, 'offsetWidth', watch(offsetWidth));
        Object.defineProperty(box, 'offsetHeight', watch(offsetHeight));
      }
      try {
        super.finalizePage(fragment, page, breakToken, chunker);
      } finally {
        for (const box of boxes) {
          delete box.offsetWidth;
          delete box.offsetHeight;
        }
      }
      if (!measured) frames.set(key, boxes.map((box) => [box.classList.contains('hasContent'), box.getAttribute('style')]));
    }
  });
  replaceHandler('Footnotes', (Footnotes) => class FootnotesWhenUsed extends Footnotes {
    afterParsed(parsed) {
      super.afterParsed(parsed);
      this.used = parsed.querySelector('[data-note="footnote"]') !== null;
    }
    renderNode(node) {
      if (this.used) return super.renderNode(node);
    }
    beforePageLayout(page) {
      if (this.used) return super.beforePageLayout(page);
    }
    afterPageLayout(pageElement, page, breakToken, chunker) {
      if (this.used) return super.afterPageLayout(pageElement, page, breakToken, chunker);
    }
    afterOverflowRemoved(removed, rendered) {
      if (this.used) return super.afterOverflowRemoved(removed, rendered);
    }
  });
  /** Collects a finished page for the preflight, once. */
  const collected = new WeakSet();
  const collect = (pageEl) => {
    if (collected.has(pageEl)) return;
    collected.add(pageEl);
    collectPage(pageEl, Number(pageEl.dataset.pageNumber), state);
  };
  state.collectRest = () => {
    for (const pageEl of document.querySelectorAll('.pagedjs_pages > .pagedjs_page')) collect(pageEl);
  };
  class AnnuarioPages extends Paged.Handler {
    afterParsed() {
      document.head.append(state.hide);
      // Paged.js has taken the document's content: nothing left to hide.
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== window.__annuarioSourceHidden);
    }
    beforePageLayout(page) {
      // Paged.js's Page class is not exported: its prototype is patched once, from the first page.
      const Page = Object.getPrototypeOf(page);
      if (Page.create.annuario) return;
      const known = new DOMRect(0, 0, page.width, page.height);
      const create = Page.create;
      const measure = Element.prototype.getBoundingClientRect;
      Page.create = function (...args) {
        // The content area measured is that of a page without classes yet: the same every time.
        Element.prototype.getBoundingClientRect = function () {
          return this.classList.contains('pagedjs_page_content') ? known : measure.call(this);
        };
        try {
          return create.apply(this, args);
        } finally {
          Element.prototype.getBoundingClientRect = measure;
        }
      };
      Page.create.annuario = true;
    }
    onPageLayout(wrapper, breakToken, layout) {
      // The layout is up to date here (Layout has just measured the new page): the page before
      // it, finished, is read for the preflight without a layout of its own.
      const previous = wrapper.closest('.pagedjs_page').previousElementSibling;
      if (previous) collect(previous);
      if (this.chunker.maxChars) layout.maxChars = this.chunker.maxChars;
      // Paged.js's Layout class is not exported: its prototype is patched once, from the first page's instance.
      const Layout = Object.getPrototypeOf(layout);
      if (Layout.findBreakToken.annuario) return;
      const findBreakToken = Layout.findBreakToken;
      Layout.findBreakToken = function (rendered, source, bounds = this.bounds, ...rest) {
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
      Layout.findBreakToken.annuario = true;
    }
    finalizePage(fragment, page) {
      const number = Number(page.element.dataset.pageNumber);
      trimPage(page.element);
      const previous = page.element.previousElementSibling;
      if (previous) {
        collect(previous);
        state.held.append(previous);
      }
      const now = performance.now();
      if (now - state.lastProgress >= 1000 && typeof window.__annuarioPageDone === 'function') {
        state.lastProgress = now;
        window.__annuarioPageDone(number);
      }
    }
  }
  Paged.registerHandlers(AnnuarioPages);
})()`;

/** Waits for the polyfill loaded by `initPrintPage`. */
export const PAGED_READY = `window.__annuarioPagedReady`;

/** Paginates; resolves to the number of pages. */
export const PAGINATE = `window.PagedPolyfill.preview().then((flow) => flow.total)`;

/**
 * After pagination: every page back in the document, each `target-counter(…, page)` set to the page of
 * its target (as Paged.js does: a `counter-reset` rule on the element's pseudo-element), and
 * what the preflight collected, with Paged.js's layout warnings.
 */
export const FINISH_PAGINATION = `(() => {
  const state = window.__annuarioPaged;
  const area = document.querySelector('.pagedjs_pages');
  state.collectRest();
  area.prepend(state.held);
  state.hide.remove();
  const targets = state.targets;
  let keys = 0;
  for (const target of Object.values(targets ? targets.counterTargets : {})) {
    if (target.func !== 'attr' || target.counter !== 'page') continue;
    const [query, pseudo] = target.selector.split(/::?/g);
    for (const element of area.querySelectorAll(query)) {
      const value = target.args.map((name) => element.getAttribute(name)).find((v) => v !== null);
      const id = value && value.startsWith('#') ? value.slice(1) : null;
      const found = id ? document.getElementById(id) : null;
      const page = found && area.contains(found) ? found.closest('.pagedjs_page') : null;
      if (!page) continue;
      const key = 't' + (keys += 1);
      element.setAttribute('data-' + target.variable, key);
      targets.styleSheet.insertRule(
        '[data-' + target.variable + '="' + key + '"]' + (pseudo ? '::' + pseudo : '') + ' { counter-reset: ' + target.variable + ' ' + page.dataset.pageNumber + '; }',
        targets.styleSheet.cssRules.length,
      );
    }
  }
  return { elements: state.elements, images: state.images, layoutWarnings: window.__annuarioLayoutWarnings || [] };
})()`;

/**
 * Adds CSS as the first style sheet of the page. Paged.js reads the sheets in order and applies
 * the page box (size, bleed, marks) once, when a sheet first gives a size: a rule meant to
 * change the page box must come before the page's own \`@page { size: … }\`.
 */
export const prependStyle = (css: string): string => `(() => {
  const style = document.createElement('style');
  style.textContent = ${JSON.stringify(css)};
  document.head.prepend(style);
})()`;

/**
 * Names the variant on the report's root element (`data-variant`), inside what Paged.js
 * paginates, so the print CSS can start chapters on right-hand pages in the print-shop PDF only.
 */
export const markVariant = (variant: string): string =>
  `document.querySelector('.print-report')?.setAttribute('data-variant', ${JSON.stringify(variant)})`;
