/**
 * svgcanvas's SVG-recording 2D context, made to work under the site's Content Security Policy.
 * To read the `font` shorthand, svgcanvas writes it into the style attribute of a scratch
 * <span> of the page (`setAttribute('style', …)`), which the CSP (no inline styles) blocks and
 * reports: every label of the chart would lose its font. While it draws a text, the scratch
 * span takes the same declaration through the CSSOM (`style.cssText`), which the CSP allows.
 * tests/unit/svg-context.test.ts fails if svgcanvas stops working this way.
 */
import { Context } from 'svgcanvas';

/** The method of svgcanvas that draws a text (not part of its typed API). */
export const TEXT_METHOD = '__applyText';

type TextMethod = (this: Context, text: string, x: number, y: number, action: string) => void;

/** A span whose style attribute, when written, goes through the CSSOM instead. */
function scratchSpan(create: (tag: string) => HTMLElement): HTMLElement {
  const span = create('span');
  span.setAttribute = (name: string, value: string): void => {
    if (name === 'style') span.style.cssText = value;
    else Element.prototype.setAttribute.call(span, name, value);
  };
  return span;
}

export class CspSafeSvgContext extends Context {}

const original = (Context.prototype as unknown as Record<string, TextMethod | undefined>)[TEXT_METHOD];
if (original) {
  (CspSafeSvgContext.prototype as unknown as Record<string, TextMethod>)[TEXT_METHOD] = function (this: Context, text, x, y, action) {
    // An own property of the page's document shadows Document.prototype.createElement while the
    // text is drawn; removing it afterwards restores the browser's method.
    const create = (tag: string, options?: ElementCreationOptions): HTMLElement =>
      Document.prototype.createElement.call(document, tag, options);
    document.createElement = (tag: string, options?: ElementCreationOptions) =>
      tag === 'span' ? scratchSpan(create) : create(tag, options);
    try {
      original.call(this, text, x, y, action);
    } finally {
      Reflect.deleteProperty(document, 'createElement');
    }
  };
}
