/**
 * Code that runs inside the print page, as plain JavaScript source: functions handed to
 * `page.evaluate` would be rewritten by the TypeScript loader (helpers such as `__name` that do
 * not exist in the page), strings reach the browser exactly as written.
 */

/** Records Paged.js's "Unable to layout item" warnings with the page being laid out, before the polyfill loads. */
export const RECORD_LAYOUT_WARNINGS = `(() => {
  window.__annuarioLayoutWarnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Unable to layout item')) {
      const node = args[1];
      window.__annuarioLayoutWarnings.push({
        page: document.querySelectorAll('.pagedjs_page').length,
        element: node && node.nodeType === 1 ? node.tagName.toLowerCase() + (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') : 'testo',
      });
    }
    warn(...args);
  };
  window.PagedConfig = { auto: false };
})()`;

/** Runs the page's own preparation (fonts, charts as images) when it has one, else waits for the fonts. */
export const PREPARE = `(async () => {
  if (window.annuarioPrint && typeof window.annuarioPrint.prepare === 'function') await window.annuarioPrint.prepare();
  else await document.fonts.ready;
})()`;

/** Registers a Paged.js handler that reports each laid-out page to the exposed \`__annuarioPageDone\`. */
export const REGISTER_PROGRESS = `(() => {
  let pages = 0;
  class AnnuarioProgress extends window.Paged.Handler {
    afterPageLayout() {
      pages += 1;
      window.__annuarioPageDone(pages);
    }
  }
  window.Paged.registerHandlers(AnnuarioProgress);
})()`;

/** Paginates; resolves to the number of pages. */
export const PAGINATE = `window.PagedPolyfill.preview().then((flow) => flow.total)`;

/**
 * After pagination: every element sticking out of its page's content area (the outermost one
 * only), every image with its pixels and printed size, Paged.js's layout warnings.
 */
export const COLLECT_PREFLIGHT = `(() => {
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    else if (typeof el.className === 'string' && el.className.trim()) name += '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.');
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ');
    return text ? name + ' «' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '»' : name;
  };
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const elements = [];
  const images = [];
  document.querySelectorAll('.pagedjs_page').forEach((pageEl, index) => {
    const content = pageEl.querySelector('.pagedjs_page_content');
    if (!content) return;
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
      elements.push({ page: index + 1, element: describe(el), box: box(r), area });
    }
    for (const img of content.querySelectorAll('img')) {
      const r = img.getBoundingClientRect();
      const src = img.currentSrc || img.src;
      images.push({
        page: index + 1,
        src: src.startsWith('data:') ? 'incorporata: ' + (img.alt || 'senza testo alternativo').slice(0, 60) : new URL(src).pathname,
        naturalWidth: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        width: r.width,
        height: r.height,
      });
    }
  });
  return { elements, images, layoutWarnings: window.__annuarioLayoutWarnings || [] };
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
