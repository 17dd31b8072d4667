/**
 * The web editor's writer (src/integration/editor/files.ts, yaml-patch.ts): for every kind of
 * content file, an edit made through the form's JSON changes only the lines it must, and the
 * file reads back as the edited data. Each case works on a copy of an example file in a temp
 * folder; the repository's own content is only read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_TYPES, contentType, type CollectionName } from '../../src/lib/content-types.ts';
import { csvTextFor, entryTextFor, readCsv, readEntryText } from '../../src/integration/editor/files.ts';
import { patchYamlText } from '../../src/integration/editor/yaml-patch.ts';
import { ProjectSchema } from '../../src/schemas/project.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
let copies: string;

beforeAll(() => {
  copies = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-editor-files-'));
});
afterAll(() => fs.rmSync(copies, { recursive: true, force: true }));

/** A copy of an example file in the temp folder, and its text. */
function copyOf(rel: string): { abs: string; text: string } {
  const abs = path.join(copies, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, rel), abs);
  return { abs, text: fs.readFileSync(abs, 'utf8') };
}

/** The lines an edit removed and added, as a diff shows them. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const lines = structuredPatch('a', 'b', before, after, '', '', { context: 0 }).hunks.flatMap((hunk) => hunk.lines);
  return {
    removed: lines.filter((line) => line.startsWith('-')).map((line) => line.slice(1)),
    added: lines.filter((line) => line.startsWith('+')).map((line) => line.slice(1)),
  };
}

type Data = Record<string, unknown> & Record<number, unknown>;

interface Case {
  name: string;
  file: string;
  type: CollectionName;
  edit: (data: Data) => void;
  body?: (body: string) => string;
  /** The lines as the diff shows them, or asymmetric matchers for long ones. */
  removed: unknown[];
  added: unknown[];
}

const CASES: Case[] = [
  {
    name: 'scheda: a title, an area, a new partner, a new funding key in the schema order',
    file: 'content/projects/anci-lombardia/atlante.md',
    type: 'projects',
    edit: (data) => {
      data['title'] = 'Atlante della rigenerazione urbana';
      (data['areas'] as string[]).push('welfare');
      (data['partners'] as unknown[]).push({ relation: 'partner', name: 'Comune di Bergamo' });
      data['funding'] = ['fesr'];
    },
    removed: [
      `title: '"Atlante" degli interventi della rigenerazione urbana e valorizzazione dei borghi storici (Legge regionale n.9/2020)'`,
      'areas: [territorio]',
    ],
    added: [
      "title: 'Atlante della rigenerazione urbana'",
      'areas: [territorio, welfare]',
      'funding:',
      '  - fesr',
      '  - { name: Comune di Bergamo, relation: partner }',
    ],
  },
  {
    name: 'scheda: a removed field and a changed body paragraph',
    file: 'content/projects/anci-lombardia/atlante.md',
    type: 'projects',
    edit: (data) => {
      delete data['datesAsPrinted'];
    },
    body: (body) => body.replace('Nel merito, ANCI Lombardia,', 'Nel merito ANCI Lombardia,'),
    removed: ['datesAsPrinted: DAL 18/03/2021 AL 31/12/2022', expect.stringContaining('Nel merito, ANCI Lombardia,') as unknown],
    added: [expect.stringContaining('Nel merito ANCI Lombardia,') as unknown],
  },
  {
    name: 'piano: a new objective that continues one of the previous plan',
    file: 'content/plans/anci-toscana/2021.md',
    type: 'plans',
    edit: (data) => {
      const sections = data['sections'] as { objectives: unknown[] }[];
      sections[0]?.objectives.push({ text: 'Nuovo obiettivo di prova', id: 'nuovo-obiettivo', continues: 'anci-toscana/2018/riforma-cal' });
    },
    removed: [],
    added: ['      - id: nuovo-obiettivo', '        text: Nuovo obiettivo di prova', '        continues: anci-toscana/2018/riforma-cal'],
  },
  {
    name: 'testo: the body only',
    file: 'content/pages/anci-toscana/bs-organi.md',
    type: 'pages',
    edit: () => undefined,
    body: (body) => `${body}\nUn paragrafo aggiunto.\n`,
    removed: [],
    added: ['', 'Un paragrafo aggiunto.'],
  },
  {
    name: 'report: the title, the comment above the file kept',
    file: 'content/reports/anci-toscana/priorita-2018.yaml',
    type: 'reports',
    edit: (data) => {
      data['title'] = 'Priorità politiche per il 2018';
    },
    removed: ['title: Priorità politiche 2018'],
    added: ['title: Priorità politiche per il 2018'],
  },
  {
    name: 'tabella: one value of a row written as a flow list',
    file: 'data/stats/anci-toscana/social.yaml',
    type: 'stats',
    edit: (data) => {
      const rows = data['rows'] as { values: (number | null)[] }[];
      if (rows[0]) rows[0].values[3] = 1401;
    },
    removed: [expect.stringContaining('values: [593, 630, 863, 1400, 1450, 815]') as unknown],
    added: [expect.stringContaining('values: [593, 630, 863, 1401, 1450, 815]') as unknown],
  },
  {
    name: 'organizzazione: the short name and a new area',
    file: 'data/organizations/anci-lombardia.yaml',
    type: 'organizations',
    edit: (data) => {
      (data['name'] as Record<string, string>)['short'] = 'Anci Lombardia';
      (data['areas'] as unknown[]).push({ label: 'Cultura', id: 'cultura-prova' });
    },
    removed: ['  short: ANCI Lombardia'],
    // The new area is written like its siblings: on one line, `{ id, label }` in the schema's order.
    added: ['  short: Anci Lombardia', '  - { id: cultura-prova, label: Cultura }'],
  },
  {
    name: 'finanziamenti: a label changed, a programme added at the end',
    file: 'data/funding.yaml',
    type: 'funding',
    edit: (data) => {
      const list = data as unknown as Record<string, string>[];
      if (list[0]) list[0]['label'] = 'P.N.R.R.';
      list.push({ id: 'fondo-prova', label: 'Fondo di prova' });
    },
    removed: ['  label: PNRR'],
    added: ['  label: P.N.R.R.', '- id: fondo-prova', '  label: Fondo di prova'],
  },
  {
    name: 'documenti: one title',
    file: 'data/documents.yaml',
    type: 'documents',
    edit: (data) => {
      const list = data as unknown as Record<string, string>[];
      if (list[1]) list[1]['title'] = 'Priorità politiche per il 2018';
    },
    removed: ['  title: Priorità politiche 2018'],
    added: ['  title: Priorità politiche per il 2018'],
  },
  {
    name: 'impostazioni: a field in an empty settings block, the comments kept',
    file: 'data/site.yaml',
    type: 'site',
    edit: (data) => {
      // Given in another order than the schema's: written in the schema's (conformity, then method).
      data['accessibility'] = { method: 'autovalutazione', conformity: 'non-conforme' };
    },
    removed: ['accessibility: {}'],
    added: ['accessibility: { conformity: non-conforme, method: autovalutazione }'],
  },
];

describe('an edit changes only its own lines, in every kind of file', () => {
  test.each(CASES)('$name', ({ file, type, edit, body, removed, added }) => {
    const { abs, text } = copyOf(file);
    const descriptor = contentType(type);
    const frontMatter = descriptor.ext === '.md';
    const read = readEntryText(text, frontMatter);
    const data = structuredClone(read.data) as Data;
    edit(data);
    const newBody = body && read.body !== undefined ? body(read.body) : undefined;
    const after = entryTextFor(text, { data, body: newBody }, frontMatter, descriptor.schema);
    fs.writeFileSync(abs, after);
    expect(changedLines(text, after)).toEqual({ removed, added });
    const reread = readEntryText(fs.readFileSync(abs, 'utf8'), frontMatter);
    expect(reread.data).toEqual(data);
    if (frontMatter) expect(reread.body).toBe(newBody ?? read.body);
  });

  test('an untouched draft writes every example file byte for byte', () => {
    const files = ['content', 'data'].flatMap((dir) =>
      fs
        .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((rel) => /\.(md|yaml)$/.test(rel) && !rel.includes('documents/') && !rel.endsWith('README.md'))
        .map((rel) => `${dir}/${rel}`),
    );
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      const frontMatter = file.endsWith('.md');
      const read = readEntryText(text, frontMatter);
      expect(entryTextFor(text, { data: read.data, body: read.body }, frontMatter, ProjectSchema), file).toBe(text);
    }
  });
});

describe('yaml-patch: changes the structure cannot show small are still right', () => {
  test.each([
    {
      name: 'a scalar becomes a list',
      text: 'a: 1\nb: x # nota\n',
      value: { a: [1, 2], b: 'x' },
      expected: 'a:\n  - 1\n  - 2\nb: x # nota\n',
    },
    {
      name: 'a list reordered',
      text: 'l:\n  - id: a\n  - id: b\n',
      value: { l: [{ id: 'b' }, { id: 'a' }] },
      expected: 'l:\n  - id: b\n  - id: a\n',
    },
    {
      name: 'the first field of a list item removed: the next moves up after the dash',
      text: 'l:\n  - a: 1 # uno\n    b: 2\n    c: 3\n  - a: 4\n',
      value: { l: [{ c: 3 }, { a: 4 }] },
      expected: 'l:\n  - c: 3\n  - a: 4\n',
    },
    {
      name: 'a renamed id changes one line',
      text: 'l:\n  - id: a\n    t: 1\n  - id: b\n',
      value: { l: [{ id: 'z', t: 1 }, { id: 'b' }] },
      expected: 'l:\n  - id: z\n    t: 1\n  - id: b\n',
    },
    {
      name: 'an item removed by id',
      text: 'l:\n  - id: a\n    t: 1\n  - id: b\n  - id: c\n',
      value: { l: [{ id: 'a', t: 1 }, { id: 'c' }] },
      expected: 'l:\n  - id: a\n    t: 1\n  - id: c\n',
    },
    { name: 'a text with «: » in a flow list', text: 'l: [a, b]\n', value: { l: ['a', 'x: y'] }, expected: 'l: [a, "x: y"]\n' },
    { name: 'a text that reads as a number stays a text', text: 'a: x\n', value: { a: '2019' }, expected: 'a: "2019"\n' },
    {
      name: 'a multi-line text',
      text: 'a: x\nb: 1\n',
      value: { a: 'riga uno\nriga due', b: 1 },
      expected: 'a: |-\n  riga uno\n  riga due\nb: 1\n',
    },
    {
      name: 'Windows line ends are kept',
      text: 'a: 1\r\nl:\r\n  - x\r\n',
      value: { a: 2, b: 'n', l: ['x', 'y'] },
      expected: 'a: 2\r\nl:\r\n  - x\r\n  - y\r\nb: n\r\n',
    },
    { name: 'a text that does not parse is written afresh', text: 'a: [\n', value: { a: 1 }, expected: 'a: 1\n' },
  ])('$name', ({ text, value, expected }) => {
    const after = patchYamlText(text, value, ProjectSchema);
    expect(after).toBe(expected);
    expect(parseDocument(after).toJSON()).toEqual(value);
  });
});

describe('CSV values of a statistics table', () => {
  const csv = '\uFEFFriga,2019,2020\r\neventi,164,66\r\npartecipanti,10627,"6956"\r\n';

  test('reads the grid', () => {
    expect(readCsv(csv, 'x.csv')).toEqual({
      header: ['riga', '2019', '2020'],
      rows: [
        ['eventi', '164', '66'],
        ['partecipanti', '10627', '6956'],
      ],
    });
  });

  test('one cell edited: one line changed; BOM, line ends and the quoting of other lines kept', () => {
    const grid = readCsv(csv, 'x.csv');
    const row = grid.rows[0];
    if (row) row[2] = '';
    const after = csvTextFor(csv, grid);
    expect(after).toBe('\uFEFFriga,2019,2020\r\neventi,164,\r\npartecipanti,10627,"6956"\r\n');
    expect(changedLines(csv, after)).toEqual({ removed: ['eventi,164,66\r'], added: ['eventi,164,\r'] });
  });

  test('a cell with a comma is quoted; a new file gets plain line ends', () => {
    expect(csvTextFor(undefined, { header: ['riga', '2019'], rows: [['a,b', '1']] })).toBe('riga,2019\n"a,b",1\n');
  });

  test('a CSV that does not parse is an Italian error naming the file', () => {
    expect(() => readCsv('riga,2019\n"aperta,1\n', 'data/stats/x/y.csv')).toThrow(/data\/stats\/x\/y\.csv: il file CSV non è leggibile/);
  });
});

/** Every example content file, relative to the repository (read only). */
function exampleFiles(): string[] {
  return ['content', 'data'].flatMap((dir) =>
    fs
      .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((rel) => /\.(md|yaml)$/.test(rel) && !rel.includes('documents/') && !rel.endsWith('README.md'))
      .map((rel) => `${dir}/${rel}`),
  );
}

/** A scalar of a YAML text and the lines an edit of it may touch: its key's line to the end of its outermost flow collection or itself. */
interface Leaf {
  path: (string | number)[];
  value: unknown;
  lines: [number, number];
  /** A field whose removal stays within those lines (not the only key of a block map). */
  removable: boolean;
}

function leaves(yaml: string): Leaf[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const out: Leaf[] = [];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const visit = (node: unknown, at: (string | number)[], from: number | undefined, flow: Node | undefined, removable: boolean) => {
    const region = flow ?? (node as Node);
    if (isMap(node)) {
      const inFlow = flow ?? (node.flow ? node : undefined);
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyStart = pair.key.range?.[0] ?? 0;
        // The first field of a list item cannot go without the next one moving up onto its line.
        const afterDash = yaml.slice(yaml.lastIndexOf('\n', keyStart - 1) + 1, keyStart).trim() !== '';
        const removable = inFlow !== undefined || (node.items.length > 1 && !afterDash);
        visit(pair.value, [...at, String(pair.key.value)], flow ? from : keyStart, inFlow, removable);
      }
    } else if (isSeq(node))
      node.items.forEach((item, index) =>
        visit(item, [...at, index], flow ? from : undefined, flow ?? (node.flow ? node : undefined), false),
      );
    else if (isScalar(node) && node.range) {
      const start = from ?? region.range?.[0] ?? 0;
      const end = (region.range?.[1] ?? 1) - 1;
      out.push({ path: at, value: node.value, lines: [lineOf(start), lineOf(Math.max(start, end))], removable });
    }
  };
  visit(doc.contents, [], undefined, undefined, false);
  return out;
}

/** Sets the value at `at`, or removes the field when `value` is undefined. */
function setAt(data: unknown, at: (string | number)[], value: unknown): void {
  let current = data as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  const last = at.at(-1) as string | number;
  if (value === undefined) delete current[last];
  else current[last] = value;
}

describe('every value of every example file can be edited or removed, touching only its own lines', () => {
  test.each(exampleFiles())('%s', (file) => {
    const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
    const frontMatter = file.endsWith('.md');
    const type = CONTENT_TYPES.find((t) => file === t.dir || file.startsWith(`${t.dir}/`));
    if (!type) throw new Error(`nessun tipo per ${file}`);
    const read = readEntryText(text, frontMatter);
    const yamlStart = frontMatter ? text.indexOf('\n') + 1 : 0;
    const linesBefore = text.slice(0, yamlStart).split('\n').length - 1;
    const yaml = frontMatter ? text.slice(yamlStart, text.indexOf('\n---', yamlStart) + 1) : text;
    const edits = leaves(yaml).flatMap((leaf) => {
      const changed: unknown =
        typeof leaf.value === 'number' ? leaf.value + 1 : typeof leaf.value === 'string' ? `${leaf.value} (rivisto)` : 'cambiato';
      return [{ leaf, value: changed }, ...(leaf.removable ? [{ leaf, value: undefined }] : [])];
    });
    for (const { leaf, value } of edits) {
      const data = structuredClone(read.data);
      setAt(data, leaf.path, value);
      const after = entryTextFor(text, { data, body: read.body }, frontMatter, type.schema);
      const reread = readEntryText(after, frontMatter);
      expect(reread.data, `${file} ${leaf.path.join('.')}`).toEqual(data);
      expect(reread.body).toBe(read.body);
      const patch = structuredPatch('a', 'b', text, after, '', '', { context: 0 });
      for (const hunk of patch.hunks) {
        // A hunk that only adds lines starts after the line it follows.
        const first = hunk.oldStart - linesBefore - (hunk.oldLines === 0 ? 1 : 0);
        const last = first + Math.max(hunk.oldLines, 1) - 1;
        expect([first, last], `${file} ${leaf.path.join('.')}: righe cambiate fuori dal campo`).toSatisfy(
          ([a, b]: number[]) => (a ?? 0) >= leaf.lines[0] && (b ?? 0) <= leaf.lines[1],
        );
      }
    }
  });
});
