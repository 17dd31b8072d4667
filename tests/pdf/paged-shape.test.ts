/**
 * The Paged.js internals that the PDF step's adjustments patch (print-pagination-shape.ts),
 * checked against Paged.js's own source as installed: an upgrade that renames a method,
 * changes its parameters or stops setting a field fails here, naming it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { methodParams, PAGED_INTERNALS, pagedShapeProblems } from '../../src/scripts/print-pagination-shape.ts';

/** Paged.js's source folder (the package exports only its entry, so files are imported by path). */
const pagedSrc = path.join(path.dirname(createRequire(import.meta.url).resolve('pagedjs')), '..', 'src');

const SOURCES: Record<string, string> = {
  Queue: 'utils/queue.js',
  Chunker: 'chunker/chunker.js',
  Layout: 'chunker/layout.js',
  Page: 'chunker/page.js',
  AtPage: 'modules/paged-media/atpage.js',
  TargetCounters: 'modules/generated-content/target-counters.js',
  Footnotes: 'modules/paged-media/footnotes.js',
};

type Classes = Record<string, { prototype: unknown }>;

async function pagedClasses(): Promise<Classes> {
  const entries = await Promise.all(
    Object.entries(SOURCES).map(async ([name, file]) => {
      const module = (await import(pathToFileURL(path.join(pagedSrc, file)).href)) as { default: { prototype: unknown } };
      return [name, module.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}

test('every patched class has its source file here', () => {
  expect([...new Set(PAGED_INTERNALS.map((internal) => internal.className))].sort()).toEqual(Object.keys(SOURCES).sort());
});

test('Paged.js as installed has every internal the adjustments patch, as they expect it', async () => {
  expect(pagedShapeProblems(await pagedClasses())).toEqual([]);
});

describe('a Paged.js of another shape is caught, naming what changed', () => {
  test.each([
    ['a method renamed', 'Layout', 'findBreakToken', 'manca il metodo Layout.findBreakToken'],
    [
      'a method with other parameters',
      'AtPage',
      'getStartElement',
      'AtPage.getStartElement ha i parametri (content) invece di (content, breakToken)',
    ],
  ])('%s', async (_case, className, method, problem) => {
    const classes = await pagedClasses();
    const original = classes[className] as { prototype: Record<string, unknown> };
    const changed = class extends (original as unknown as new () => object) {};
    if (problem.startsWith('manca')) Object.defineProperty(changed.prototype, method, { value: undefined });
    else
      Object.defineProperty(changed.prototype, method, {
        value: function (content: unknown) {
          return content;
        },
      });
    expect(pagedShapeProblems({ ...classes, [className]: changed })).toEqual([problem]);
  });

  test('a field no longer assigned', () => {
    class Queue {
      constructor() {
        Object.assign(this, { tick: null });
      }
    }
    expect(pagedShapeProblems({ Queue })).toEqual(['Queue non assegna più il campo tick']);
  });

  test('a class missing', () => {
    expect(pagedShapeProblems({ Footnotes: undefined })).toEqual(['manca la classe Footnotes']);
  });
});

test.each([
  [
    function (a: unknown, b = 1) {
      return [a, b];
    },
    'a, b = 1',
  ],
  [(x: unknown) => x, 'x'],
])('methodParams reads a parameter list as written: %#', (fn, expected) => {
  expect(methodParams(fn as () => unknown)).toBe(expected);
});
