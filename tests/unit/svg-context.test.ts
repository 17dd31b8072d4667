/**
 * The patch of svgcanvas in src/scripts/svg-context.ts relies on how svgcanvas draws a text: a
 * method named `__applyText` that reads the font through the style attribute of a <span>
 * created with the page's `document.createElement`. If a new svgcanvas does it differently,
 * this fails, and the patch must be looked at again (or dropped).
 */
import { Context } from 'svgcanvas';
import { expect, test } from 'vitest';
import { TEXT_METHOD } from '../../src/scripts/svg-context.ts';

test('svgcanvas still parses the font through a span style attribute in its text method', () => {
  const method = (Context.prototype as unknown as Record<string, unknown>)[TEXT_METHOD];
  expect(typeof method).toBe('function');
  const source = String(method);
  expect(source).toMatch(/document\.createElement\(["']span["']\)/);
  expect(source).toMatch(/setAttribute\(["']style["']/);
});
