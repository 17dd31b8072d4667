/**
 * No input reaches "Errore interno": weird files of every content type — empty, a bare list, a
 * number, JavaScript-internal keys, deep nesting, huge numbers, NaN and infinities, dates as
 * numbers, YAML tags and aliases — each gives ordinary Italian problems, never an exception.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateSource } from '../../src/lib/validate/index.ts';
import { baseSource } from '../validate/corpus.ts';

/** Where each content type's file goes, and whether its YAML sits in a front matter. */
const TARGETS = [
  { file: 'content/projects/anci-prova/nuovo.md', markdown: true },
  { file: 'content/plans/anci-prova/2024.md', markdown: true },
  { file: 'content/pages/anci-prova/nuova.md', markdown: true },
  { file: 'content/reports/anci-prova/nuovo.yaml', markdown: false },
  { file: 'data/stats/anci-prova/nuova.yaml', markdown: false },
  { file: 'data/organizations/nuova.yaml', markdown: false },
  { file: 'data/funding.yaml', markdown: false },
] as const;

/** YAML that an editor, a program or an attacker might put in a content file. */
const WEIRD: [string, string][] = [
  ['vuoto', ''],
  ['solo spazi', '   \n\n'],
  ['una lista', '- a\n- b\n'],
  ['un numero', '42\n'],
  ['null', '~\n'],
  ['__proto__ in cima', '__proto__: { polluted: true }\ntitle: X\n'],
  ['constructor e prototype', 'constructor: { prototype: { x: 1 } }\nprototype: 1\n'],
  ['toString e hasOwnProperty', 'toString: x\nhasOwnProperty: y\nvalueOf: 1\n'],
  ['chiavi interne in una lista', 'rows:\n  - { __proto__: 1, constructor: 2 }\n  - toString: 3\n'],
  ['chiavi interne come valori', 'id: __proto__\nareas: [constructor, __proto__]\nrelated: [x/constructor]\n'],
  ['annidamento profondo', `title: ${'['.repeat(3000)}${']'.repeat(3000)}\n`],
  ['annidamento profondo a blocchi', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}a${i}:`).join('\n')],
  ['numeri enormi', 'budget: 1e400\nyear: 99999999999999999999999\nmembers: -1e308\n'],
  ['NaN e infiniti', 'budget: .nan\nyear: .inf\nperiods: [-.inf, .nan]\n'],
  ['date come numeri', 'start: 20240131\nend: 2024.5\nyear: 2024-01-01\n'],
  ['alias a catena', 'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n'],
  ['tag YAML', 'title: !!binary aGVsbG8=\nsummary: !!js/function "() => 1"\nstart: !!timestamp 2024-01-01\n'],
  ['chiave complessa', '? [a, b]\n: c\n[x, y]: z\n'],
  ['caratteri di controllo', 'title: "\\u0007\\u001b[31mrosso"\n'],
  ['testo lunghissimo', `title: ${'a'.repeat(200_000)}\n`],
];

/** Inputs that are a valid file where `title` is the only required field (a text, a statistics table). */
const MAY_BE_VALID = new Set(['caratteri di controllo', 'testo lunghissimo']);

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-fuzz-'));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

const cases = TARGETS.flatMap((target) => WEIRD.map(([name, yaml]) => [target.file, name, yaml, target.markdown] as const));

describe('no input reaches an internal error', () => {
  test.each(cases)('%s: %s', (file, name, yaml, markdown) => {
    const root = path.join(work, `${file.replace(/\W/g, '-')}-${name.replace(/\W/g, '-')}`);
    fs.cpSync(baseSource, root, { recursive: true });
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), markdown ? `---\n${yaml}\n---\n\nTesto.\n` : yaml);

    const result = validateSource(root, { today: '2026-11-22' });

    if (!MAY_BE_VALID.has(name)) expect(result.errors, 'un file così non è valido').toBeGreaterThanOrEqual(1);
    for (const p of result.problems) {
      expect(p.message, p.message).not.toMatch(/Errore interno|TypeError|RangeError|\n\s+at /);
      expect(p.message.trim()).not.toBe('');
      expect(p.line).toBeGreaterThanOrEqual(1);
    }
    // The same input through a second run: nothing polluted a shared prototype.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
