/**
 * The web editor's server logic without a server (src/integration/editor/): which paths it
 * accepts, a draft checked by the validator with the draft in place (cross-file checks
 * included, nothing written), saving (nothing written with errors, never over an existing file
 * on create, atomic), image names and types, the pickers' options and the preview URLs. All on a
 * copy of the example source in a temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listEntries, previewUrl, readEntry, refOptions } from '../../src/integration/editor/catalog.ts';
import { checkDraft, draftFiles } from '../../src/integration/editor/drafts.ts';
import { EditorError } from '../../src/integration/editor/errors.ts';
import { readEntryText } from '../../src/integration/editor/files.ts';
import { resolveEntryPath } from '../../src/integration/editor/paths.ts';
import { diffOf, safeImageName, saveImage, writeAtomic, writeDraft } from '../../src/integration/editor/save.ts';
import { crossOrigin, foreignHost } from '../../src/integration/editor/http.ts';
import { cachedValidation } from '../../src/integration/editor/api.ts';
import { validateSource, type ValidationResult } from '../../src/lib/validate/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const TODAY = '2026-12-01';
const CARD = 'content/projects/anci-lombardia/atlante.md';
let root: string;
let baseline: ValidationResult;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-editor-core-'));
  for (const dir of ['content', 'data']) fs.cpSync(path.join(repoRoot, dir), path.join(root, dir), { recursive: true });
  baseline = validateSource(root, { today: TODAY });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The status and message of what `run` throws. */
function failure(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof EditorError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('nessun errore');
}

function cardData(): Record<string, unknown> {
  return readEntryText(fs.readFileSync(path.join(root, CARD), 'utf8'), true).data as Record<string, unknown>;
}

describe('paths: only content files of the registry, inside the source', () => {
  test.each([
    [CARD, 'projects', 'anci-lombardia/atlante'],
    ['data/organizations/ifel.yaml', 'organizations', 'ifel'],
    ['data/stats/anci-toscana/social.yaml', 'stats', 'anci-toscana/social'],
    ['data/funding.yaml', 'funding', 'funding'],
    ['content/plans/anci-toscana/2027.md', 'plans', 'anci-toscana/2027'],
  ])('%s is a %s, id %s', (rel, type, id) => {
    const entry = resolveEntryPath(root, rel);
    expect([entry.type.name, entry.id]).toEqual([type, id]);
  });

  test.each([
    ['../etc/passwd', /esce dalla cartella/],
    ['content/projects/../../../etc/passwd', /esce dalla cartella/],
    ['/etc/passwd', /percorso assoluto/],
    ['content\\projects\\x.md', /caratteri non ammessi/],
    ['src/pages/index.astro', /non è in una cartella dei contenuti/],
    ['content/projects/anci-lombardia/atlante.yaml', /scheda va in content\/projects\/<organizzazione>\/<id>\.md/],
    ['content/projects/atlante.md', /scheda va in/],
    ['content/projects/anci-lombardia/Atlante Nuovo.md', /solo in minuscolo/],
    ['data/funding.yaml/x', /è un file, non una cartella/],
    ['', /manca il percorso/],
  ])('%s is refused', (rel, message) => {
    const { status, message: text } = failure(() => resolveEntryPath(root, rel));
    expect(status).toBe(400);
    expect(text).toMatch(/^percorso non ammesso: /);
    expect(text).toMatch(message);
  });

  test('a symbolic link on the way is refused', () => {
    fs.symlinkSync(os.tmpdir(), path.join(root, 'content', 'projects', 'fuori'));
    try {
      expect(failure(() => resolveEntryPath(root, 'content/projects/fuori/x.md')).message).toMatch(/collegamento \(link simbolico\)/);
    } finally {
      fs.unlinkSync(path.join(root, 'content', 'projects', 'fuori'));
    }
  });
});

describe('lists and pickers', () => {
  test('voci: by type, organization and search (accents ignored)', () => {
    const found = listEntries(root, { tipo: 'projects', org: 'anci-lombardia', q: 'rigenerazione atlante' });
    expect(found).toEqual([expect.objectContaining({ path: CARD, id: 'anci-lombardia/atlante', status: 'concluso' })]);
    expect(listEntries(root, { tipo: 'pages', q: 'lettera presidente' }).map((e) => e.id)).toContain('anci-lombardia/lettera-presidente');
    expect(listEntries(root, { tipo: 'funding' })).toEqual([
      expect.objectContaining({ path: 'data/funding.yaml', title: 'Programmi di finanziamento' }),
    ]);
    expect(failure(() => listEntries(root, { tipo: 'schede' })).message).toMatch(/tipo di contenuto sconosciuto «schede»/);
  });

  test('a file with a YAML error is still listed and opened, with its problem', () => {
    const rel = 'content/projects/anci-nazionale/piccoli.md';
    const original = fs.readFileSync(path.join(root, rel), 'utf8');
    fs.writeFileSync(path.join(root, rel), original.replace(/^title: .*$/m, 'title: [rotto'));
    try {
      expect(listEntries(root, { tipo: 'projects', org: 'anci-nazionale' })).toEqual([
        expect.objectContaining({ path: rel, title: 'anci-nazionale/piccoli' }),
      ]);
      const entry = readEntry(root, rel, (files) => validateSource(root, { today: TODAY }).problems.filter((p) => files.includes(p.file)));
      expect(entry.data).toBeNull();
      expect(entry.problems[0]).toMatchObject({ file: rel, code: 'yaml', line: 3 });
    } finally {
      fs.writeFileSync(path.join(root, rel), original);
    }
  });

  test.each([
    ['projects', {}, { value: 'anci-lombardia/atlante', group: 'ANCI Lombardia' }],
    [
      'objectives',
      { path: 'content/plans/anci-toscana/2021.md' },
      { value: 'anci-toscana/2018/riforma-cal', group: 'Priorità politiche 2018' },
    ],
    ['areas', { org: 'anci-lombardia' }, { value: 'ambiente', label: 'Ambiente' }],
    ['funding', {}, { value: 'pnrr', label: 'PNRR – Piano Nazionale di Ripresa e Resilienza' }],
    ['organizations', {}, { value: 'ifel', label: 'IFEL' }],
    ['documents', {}, { value: '003_212a1361b903dde0.txt', label: 'Catalogo delle attività 2024, 2024', group: 'ANCI Lombardia' }],
  ])('opzioni %s', (ref, query, expected) => {
    expect(refOptions(root, ref, query)).toContainEqual(expect.objectContaining(expected));
  });

  test('objectives are only those of earlier plans', () => {
    const values = refOptions(root, 'objectives', { path: 'content/plans/anci-toscana/2021.md' }).map((o) => o.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((value) => value.startsWith('anci-toscana/2018/'))).toBe(true);
    expect(failure(() => refOptions(root, 'objectives', {})).message).toMatch(/serve l'organizzazione/);
  });

  test.each([
    [CARD, '/', '/anci-lombardia/attivita/atlante/'],
    [CARD, '/annuario/', '/annuario/anci-lombardia/attivita/atlante/'],
    ['content/plans/anci-toscana/2021.md', '/', '/anci-toscana/piani/2021/'],
    ['data/stats/anci-toscana/social.yaml', '/', '/anci-toscana/statistiche/social/'],
    ['data/organizations/ifel.yaml', '/', '/ifel/'],
    ['data/funding.yaml', '/', '/finanziamenti/'],
  ])('anteprima %s under %s', (rel, base, url) => {
    expect(previewUrl(root, rel, base)).toBe(url);
  });
});

describe('a draft is checked with the validator, the draft in place of the file', () => {
  test('a schema error in the draft, at the line the saved file would have', () => {
    const data = { ...cardData(), status: 'chiuso' };
    const problems = checkDraft(root, draftFiles(resolveEntryPath(root, CARD), { data }), baseline, TODAY);
    expect(problems).toEqual([
      expect.objectContaining({
        file: CARD,
        line: 6,
        field: 'status',
        found: 'chiuso',
        severity: 'error',
        message: 'atteso uno di: attivo, in-progettazione, concluso',
      }),
    ]);
    expect(fs.readFileSync(path.join(root, CARD), 'utf8')).toContain('status: concluso');
  });

  test('a cross-file check sees the draft: a related card that does not exist', () => {
    const data = { ...cardData(), related: ['anci-lombardia/non-esiste'] };
    const problems = checkDraft(root, draftFiles(resolveEntryPath(root, CARD), { data }), baseline, TODAY);
    expect(problems).toEqual([expect.objectContaining({ file: CARD, field: 'related[0]', severity: 'error' })]);
  });

  test('a new card that continues nothing is checked as a new file; a later objective can continue a drafted plan', () => {
    const rel = 'content/projects/anci-lombardia/nuova-scheda.md';
    const data = {
      kind: 'progetto',
      title: 'Nuova scheda',
      summary: 'Una scheda nuova.',
      areas: ['ambiente'],
      status: 'attivo',
      start: '2025-01',
    };
    expect(checkDraft(root, draftFiles(resolveEntryPath(root, rel), { data, body: '\nTesto.\n' }), baseline, TODAY)).toEqual([]);
    expect(fs.existsSync(path.join(root, rel))).toBe(false);
  });

  test('an unknown area is found by the cross-file checks', () => {
    const data = { ...cardData(), areas: ['aree-inventate'] };
    const problems = checkDraft(root, draftFiles(resolveEntryPath(root, CARD), { data }), baseline, TODAY);
    expect(problems.map((p) => [p.file, p.field])).toEqual([[CARD, 'areas[0]']]);
  });
});

describe('saving', () => {
  test('with errors nothing is written (422, the problems in the answer)', () => {
    const entry = resolveEntryPath(root, CARD);
    const files = draftFiles(entry, { data: { ...cardData(), status: 'chiuso' } });
    const problems = checkDraft(root, files, baseline, TODAY);
    const before = fs.readFileSync(entry.abs, 'utf8');
    let thrown: unknown;
    try {
      writeDraft(entry, files, problems, false);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EditorError);
    expect((thrown as EditorError).status).toBe(422);
    expect((thrown as EditorError).body).toEqual({ saved: false, problems });
    expect(fs.readFileSync(entry.abs, 'utf8')).toBe(before);
  });

  test('an edit is written and its diff shows only the changed line', () => {
    const entry = resolveEntryPath(root, CARD);
    const files = draftFiles(entry, { data: { ...cardData(), summary: 'Sintesi cambiata' } });
    writeDraft(entry, files, checkDraft(root, files, baseline, TODAY), false);
    expect(fs.readFileSync(entry.abs, 'utf8')).toContain('summary: Sintesi cambiata\n');
    const diff = diffOf(files);
    expect(diff.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      '-summary: Restituzione dei risultati dei progetti finanziati',
      '+summary: Sintesi cambiata',
    ]);
  });

  test('create refuses an existing file (409) and an edit refuses a missing one (404)', () => {
    const entry = resolveEntryPath(root, CARD);
    const exists = failure(() => writeDraft(entry, draftFiles(entry, { data: cardData() }), [], true));
    expect(exists.status).toBe(409);
    expect(exists.message).toMatch(/esiste già/);
    const missing = resolveEntryPath(root, 'content/projects/anci-lombardia/mai-scritta.md');
    expect(failure(() => writeDraft(missing, draftFiles(missing, { data: cardData() }), [], false)).status).toBe(404);
  });

  test('atomic writes leave no temporary file, and an exclusive write never replaces', () => {
    const dir = fs.mkdtempSync(path.join(root, 'scrittura-'));
    const file = path.join(dir, 'a.yaml');
    writeAtomic(file, 'a: 1\n');
    writeAtomic(file, 'a: 2\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(failure(() => writeAtomic(file, 'a: 3\n', { exclusive: true })).status).toBe(409);
    expect(fs.readdirSync(dir)).toEqual(['a.yaml']);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('images', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
    'hex',
  );

  test.each([
    ['Copertina Finale.PNG', 'copertina-finale.png'],
    ['C:\\Utenti\\foto\\Logo è bello.webp', 'logo-e-bello.webp'],
    ['.jpg', 'immagine.jpg'],
  ])('%s is saved as %s', (name, safe) => {
    expect(safeImageName(name)).toBe(safe);
  });

  test.each([['documento.pdf'], ['immagine.gif'], ['senza-estensione']])('%s is refused (415)', (name) => {
    const refused = failure(() => safeImageName(name));
    expect(refused.status).toBe(415);
    expect(refused.message).toMatch(/solo immagini jpg, png, webp o svg/);
  });

  test('written next to the entry; the same file again is fine, a different one is refused; a lie about the type is refused', () => {
    const entry = resolveEntryPath(root, CARD);
    expect(saveImage(root, entry, 'Copertina.png', PNG.toString('base64'))).toBe('./copertina.png');
    expect(fs.readFileSync(path.join(root, 'content/projects/anci-lombardia/copertina.png'))).toEqual(PNG);
    expect(saveImage(root, entry, 'copertina.png', PNG.toString('base64'))).toBe('./copertina.png');
    expect(failure(() => saveImage(root, entry, 'copertina.png', Buffer.from('diverso').toString('base64'))).status).toBe(415);
    expect(failure(() => saveImage(root, entry, 'copertina.png', Buffer.concat([PNG, Buffer.from('x')]).toString('base64'))).status).toBe(
      409,
    );
    expect(failure(() => saveImage(root, entry, 'foto.jpg', PNG.toString('base64'))).message).toMatch(/non è un'immagine jpg/);
    expect(failure(() => saveImage(root, resolveEntryPath(root, 'data/funding.yaml'), 'logo.png', PNG.toString('base64'))).message).toMatch(
      /è un elenco, non una voce con immagini/,
    );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>').toString('base64');
    expect(failure(() => saveImage(root, entry, 'logo.svg', svg)).message).toMatch(/contiene codice/);
  });
});

describe('requests from another origin are refused', () => {
  test.each([
    [{ host: 'localhost:4321' }, false],
    [{ host: 'localhost:4321', origin: 'http://localhost:4321' }, false],
    [{ host: 'localhost:4321', origin: 'http://evil.example' }, true],
    [{ host: 'localhost:4321', origin: 'null' }, true],
    [{ host: 'localhost:4321', 'sec-fetch-site': 'cross-site' }, true],
    [{ host: 'localhost:4321', 'sec-fetch-site': 'same-origin', origin: 'http://localhost:4321' }, false],
  ])('%o → refused: %s', (headers, refused) => {
    expect(crossOrigin(headers)).toBe(refused);
  });
});

describe('the validation of the files on disk', () => {
  test('is reused while nothing changes, and redone when any file under content/ or data/ changes', () => {
    const cache = cachedValidation(root);
    const first = cache.validation();
    expect(cache.validation()).toBe(first);
    const stray = path.join(root, 'data', 'appunti.txt');
    fs.writeFileSync(stray, 'x');
    try {
      const second = cache.validation();
      expect(second).not.toBe(first);
      expect(second.problems).toContainEqual(expect.objectContaining({ file: 'data/appunti.txt', code: 'file-fuori-posto' }));
    } finally {
      fs.rmSync(stray);
    }
  });
});

describe('requests naming the server by another DNS name are refused (DNS rebinding)', () => {
  test.each([
    ['localhost:4321', false],
    ['127.0.0.1:4321', false],
    ['192.168.1.20:4321', false],
    ['[::1]:4321', false],
    ['redazione.localhost:4321', false],
    ['evil.example:4321', true],
    [undefined, true],
  ])('Host %s → refused: %s', (host, refused) => {
    expect(foreignHost(host === undefined ? {} : { host })).toBe(refused);
  });
});
