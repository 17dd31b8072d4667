/**
 * docs/guida-redazione.md keeps up with the schemas: every value of every closed vocabulary
 * (statuses, kinds, roles, relations, chapter types…) and every funding programme of
 * data/funding.yaml appears in it, and the validator messages it quotes are still the
 * validator's (checked on the same broken copies of the minimal source).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { EDITOR_SCHEMAS, editorSchemaText } from '../../src/lib/editor-schemas.ts';
import { formatProblems, validateSource } from '../../src/lib/validate/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const guide = fs.readFileSync(path.join(repoRoot, 'docs', 'guida-redazione.md'), 'utf8');

/** Every `enum` and string `const` of a JSON Schema, walked as plain data. */
function vocabulary(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) vocabulary(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value)) for (const word of value) found.add(String(word));
      else if (key === 'const' && typeof value === 'string') found.add(value);
      else vocabulary(value, found);
    }
  }
  return found;
}

describe('the editors’ guide names every allowed value', () => {
  test.each(EDITOR_SCHEMAS.map((entry) => [entry.file, entry] as const))('%s', (_file, entry) => {
    const words = [...vocabulary(JSON.parse(editorSchemaText(entry)))];
    expect(words.filter((word) => !guide.includes(`\`${word}\``))).toEqual([]);
  });

  test('every funding programme of data/funding.yaml', () => {
    const ids = (parse(fs.readFileSync(path.join(repoRoot, 'data', 'funding.yaml'), 'utf8')) as { id: string }[]).map((entry) => entry.id);
    expect(ids.length).toBeGreaterThan(5);
    // A row of the guide's table (`| \`pnrr\` | PNRR |`, columns padded by Prettier).
    expect(ids.filter((id) => !new RegExp(`^\\| \`${id}\` +\\|`, 'm').test(guide))).toEqual([]);
  });
});

describe('the errors the guide quotes are the validator’s own', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-guida-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  /** The validator's report for the minimal source with one text of the card replaced. */
  function reportFor(name: string, from: string, to: string): string {
    const root = path.join(work, name);
    fs.cpSync(path.join(repoRoot, 'tests', 'fixtures', 'source-minimal'), root, { recursive: true });
    const card = path.join(root, 'content', 'projects', 'anci-prova', 'sportello.md');
    const text = fs.readFileSync(card, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(card, text.replace(from, to));
    return formatProblems(validateSource(root, { today: '2026-11-22' }).problems);
  }

  test.each([
    ['stato', 'status: attivo', 'status: attivissimo'],
    ['importo', 'budget: 1714067.00', 'budget: 1.714.067,00'],
    ['data-formato', 'start: 2020-11-27', 'start: 27/11/2020'],
    ['data-impossibile', 'start: 2020-11-27', 'start: 2025-02-30'],
    ['area', 'areas: [welfare]', 'areas: [sanita]'],
    ['finanziamento', 'funding: [pnrr]', 'funding: [pnnr]'],
    ['campo-sconosciuto', 'title: Sportello', 'titolo: Sportello'],
    ['due-punti', 'summary: Un servizio di prova per i Comuni.', 'summary: Sportello: un servizio di prova per i Comuni.'],
    ['immagine', 'src: ./sportello.jpg', 'src: ./sportelo.jpg'],
    ['alt', "cover: { src: ./sportello.jpg, alt: Lo sportello di prova visto dall'ingresso }", 'cover: ./sportello.jpg'],
    ['correlato', 'funding: [pnrr]', 'funding: [pnrr]\nrelated: [anci-prova/sportelo]'],
    ['concluso', 'status: attivo', 'status: concluso'],
    ['manca-campo', 'summary: Un servizio di prova per i Comuni.\n', ''],
  ])('%s', (name, from, to) => {
    // Each problem block (location line and its indented lines) must appear in the guide as is.
    const blocks = reportFor(name, from, to)
      .split('\n\n')
      .filter((block) => block.startsWith('content/'));
    expect(blocks.length).toBeGreaterThan(0);
    const [first] = blocks;
    expect(guide).toContain(first);
  });
});
