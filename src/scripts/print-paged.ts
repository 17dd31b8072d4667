/**
 * What Paged.js 0.4 does not do by itself, added as a Paged.js handler: when it splits a table
 * across pages, the continuation gets no header row (`thead { display: table-header-group }`
 * only works in the browser's own printing). `repeatHeader`, run by a Paged.js handler of the PDF
 * step (setup in print-pagination.ts) on every node it places, copies the table's header into
 * the rebuilt table as the first node of the new page is placed, before Paged.js measures
 * overflow, so the repeated header counts in the page's height.
 */

/** Copies the source table's `thead` into a table Paged.js rebuilt on a new page (marked `data-split-from`). */
export function repeatHeader(clone: Node, source: Node): void {
  const element = clone instanceof Element ? clone : clone.parentElement;
  const sourceElement = source instanceof Element ? source : source.parentElement;
  if (!element || !sourceElement) return;
  const table = element.closest('table');
  if (!table?.hasAttribute('data-split-from') || table.querySelector(':scope > thead')) return;
  const head = sourceElement.closest('table')?.querySelector(':scope > thead');
  if (!head) return;
  const copy = head.cloneNode(true) as HTMLElement;
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    node.removeAttribute('data-ref');
    node.removeAttribute('id');
  }
  copy.dataset['repeatedHeader'] = '';
  table.insertBefore(copy, table.firstChild);
}
