/**
 * The web editor's API as the browser side calls it: the real `npm run dev` on a copy of the
 * example source in a temp folder, every endpoint, bad input answered in Italian (never a stack
 * trace), nothing written when a draft has errors, and the loop the editor relies on: a save
 * through the API shows on the public page without a restart. The site is served under a
 * sub-path (`/annuario/`), as a published site may be: the API and the previews follow it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchUntil, startDevServer, type DevServerProcess } from '../../scripts/lib/dev-server.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CARD = 'content/projects/anci-lombardia/atlante.md';
const BASE = '/annuario/';
const CARD_PAGE = 'annuario/anci-lombardia/attivita/atlante/';
const PLAN = 'content/plans/anci-toscana/2021.md';
const STATS = 'data/stats/anci-toscana/eventi.yaml';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
  'hex',
);

let source: string;
let server: DevServerProcess;
let api: string;

beforeAll(async () => {
  source = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-editor-api-'));
  for (const dir of ['content', 'data']) fs.cpSync(path.join(repoRoot, dir), path.join(source, dir), { recursive: true });
  const previous = process.env['ANNUARIO_BASE'];
  process.env['ANNUARIO_BASE'] = BASE;
  try {
    server = await startDevServer(source);
  } finally {
    if (previous === undefined) delete process.env['ANNUARIO_BASE'];
    else process.env['ANNUARIO_BASE'] = previous;
  }
  api = `${server.url}annuario/redazione/api/`;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (source) fs.rmSync(source, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function get(endpoint: string): Promise<Answer> {
  const response = await fetch(`${api}${endpoint}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function post(endpoint: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api}${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url.replace(/\/$/, ''), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function read(rel: string): string {
  return fs.readFileSync(path.join(source, rel), 'utf8');
}

/** An error answer: a 4xx status and an Italian message, no stack trace. */
function expectItalianError(answer: Answer, status: number, message: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body['error']).toMatch(message);
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .*\.ts:\d+|Error:/);
}

interface Voce {
  path: string;
  data: Record<string, unknown>;
  body?: string;
  problems: unknown[];
  version: string;
}

async function voce(rel: string): Promise<Voce> {
  const answer = await get(`voce?path=${encodeURIComponent(rel)}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as Voce;
}

describe('reading', () => {
  test('tipi: every content type with its JSON Schema, and the organizations', async () => {
    const { status, body } = await get('tipi');
    expect(status).toBe(200);
    const types = body['types'] as { name: string; frontMatter: boolean; schema: { title: string; properties: object } }[];
    expect(types.map((t) => t.name)).toEqual([
      'organizations',
      'stats',
      'projects',
      'plans',
      'reports',
      'pages',
      'funding',
      'documents',
      'site',
    ]);
    const projects = types.find((t) => t.name === 'projects');
    expect(projects).toMatchObject({ frontMatter: true, schema: { title: 'Scheda di progetto o servizio' } });
    expect(Object.keys(projects?.schema.properties ?? {})).toContain('areas');
    expect(body['organizations']).toContainEqual({ id: 'anci-lombardia', name: 'ANCI Lombardia' });
  });

  test('voci: by type, organization and search', async () => {
    const { body } = await get('voci?tipo=projects&org=anci-lombardia&q=atlante');
    expect(body['entries']).toEqual([
      expect.objectContaining({ path: CARD, type: 'projects', org: 'anci-lombardia', id: 'anci-lombardia/atlante', status: 'concluso' }),
    ]);
    expect(((await get('voci')).body['entries'] as unknown[]).length).toBeGreaterThan(100);
  });

  test('voce: the data as written, the body, no problems', async () => {
    const entry = await voce(CARD);
    expect(entry.data).toMatchObject({ kind: 'progetto', start: '2021-03-18', budget: 55000, areas: ['territorio'] });
    expect(entry.body).toContain('A supporto dei Comuni');
    expect(entry.problems).toEqual([]);
  });

  test('opzioni and anteprima', async () => {
    const objectives = await get(`opzioni?ref=objectives&path=${encodeURIComponent(PLAN)}`);
    expect(objectives.body['options']).toContainEqual(expect.objectContaining({ value: 'anci-toscana/2018/riforma-cal' }));
    const areas = await get('opzioni?ref=areas&org=anci-lombardia');
    expect(areas.body['options']).toContainEqual({ value: 'ambiente', label: 'Ambiente' });
    expect((await get(`anteprima?path=${encodeURIComponent(CARD)}`)).body).toEqual({ url: `/${CARD_PAGE}` });
  });
});

describe('bad input gets an Italian error', () => {
  test.each([
    ['voce?path=../../etc/passwd', 400, /^percorso non ammesso: /],
    ['voce?path=content/projects/anci-lombardia/non-esiste.md', 404, /non esiste/],
    ['voce', 400, /manca il parametro «path»/],
    ['voci?tipo=schede', 400, /tipo di contenuto sconosciuto «schede»/],
    ['opzioni?ref=colori', 400, /riferimento sconosciuto «colori»/],
    ['sconosciuto', 404, /richiesta sconosciuta «sconosciuto»/],
    ['salva', 405, /«salva» si chiama con POST/],
  ])('GET %s → %i', async (endpoint, status, message) => {
    expectItalianError(await get(endpoint), status, message);
  });

  test('a body that is not JSON, or not declared as JSON', async () => {
    expectItalianError(await post('verifica', '{ rotto'), 400, /non è JSON valido/);
    expectItalianError(await post('verifica', 'x', { 'content-type': 'text/plain' }), 415, /deve essere in JSON/);
    expectItalianError(await post('verifica', { data: {} }), 400, /manca «path»/);
  });

  test('a request from another site, or naming the server by another name, is refused', async () => {
    expectItalianError(await post('salva', { path: CARD, data: {} }, { origin: 'http://evil.example' }), 403, /da un altro sito/);
    const { port } = new URL(server.url);
    const rebound = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      // fetch() does not let a page set Host; node:http does, as a browser fooled by DNS rebinding sends it.
      const headers = { host: `evil.example:${port}` };
      const request = http.get({ host: '127.0.0.1', port, path: '/annuario/redazione/api/tipi', headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    // Vite's own host check answers first in `astro dev`; the API's (tests/unit/editor-api-core.test.ts) stands behind it.
    expect(rebound.status).toBe(403);
    expect(rebound.text).not.toContain('organizations');
  });

  test('an image of a type the site does not show, or not what its name says', async () => {
    expectItalianError(
      await post('immagine', { path: CARD, name: 'scheda.pdf', dataBase64: 'JVBERi0=' }),
      415,
      /solo immagini jpg, png, webp o svg/,
    );
    expectItalianError(
      await post('immagine', { path: CARD, name: 'foto.jpg', dataBase64: PNG.toString('base64') }),
      415,
      /non è un'immagine jpg/,
    );
  });

  test('a request too large is refused before it is read', async () => {
    const huge = { path: CARD, data: { title: 'x'.repeat(7 * 1024 * 1024) } };
    expectItalianError(await post('verifica', huge), 413, /richiesta troppo grande/);
    // Streamed without a declared length: refused once the limit is passed, still with an answer.
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${api}verifica`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url.replace(/\/$/, '') },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectItalianError(
      { status: response.status, body: (await response.json()) as Record<string, unknown> },
      413,
      /richiesta troppo grande/,
    );
  });
});

describe('checking and saving', () => {
  test('verifica: schema and cross-file problems of the draft, in the validator words, nothing written', async () => {
    const before = read(CARD);
    const entry = await voce(CARD);
    // As in npm run validate, a file with a schema error is not checked across files: two drafts.
    const schema = await post('verifica', { path: CARD, data: { ...entry.data, status: 'chiuso' } });
    expect(schema.status).toBe(200);
    expect(schema.body['problems']).toEqual([
      expect.objectContaining({ file: CARD, line: 6, field: 'status', message: 'atteso uno di: attivo, in-progettazione, concluso' }),
    ]);
    const crossFile = await post('verifica', { path: CARD, data: { ...entry.data, related: ['anci-lombardia/non-esiste'] } });
    expect(crossFile.body['problems']).toEqual([expect.objectContaining({ file: CARD, field: 'related[0]', severity: 'error' })]);
    expect(read(CARD)).toBe(before);
  });

  test('verifica: a draft whose Markdown body breaks nothing, a YAML text that is invalid as a value', async () => {
    const entry = await voce(CARD);
    const { body } = await post('verifica', { path: CARD, data: { ...entry.data, budget: '1.400,50' } });
    expect(body['problems']).toContainEqual(expect.objectContaining({ file: CARD, field: 'budget', severity: 'error' }));
  });

  test('a draft that is not fields at all (YAML text where an object goes): the validator words, 422 on save', async () => {
    const before = read(CARD);
    const checked = await post('verifica', { path: CARD, data: 'title: [rotto' });
    expect(checked.body['problems']).toEqual([
      expect.objectContaining({
        file: CARD,
        line: 2,
        severity: 'error',
        message: 'attesi dei campi nella forma «nome: valore», uno per riga',
      }),
    ]);
    expect((await post('salva', { path: CARD, data: 'title: [rotto' })).status).toBe(422);
    expect(read(CARD)).toBe(before);
  });

  test('salva with errors: 422, the problems, nothing written', async () => {
    const before = read(CARD);
    const entry = await voce(CARD);
    const { status, body } = await post('salva', { path: CARD, data: { ...entry.data, status: 'chiuso' } });
    expect(status).toBe(422);
    expect(body).toMatchObject({ saved: false, problems: [expect.objectContaining({ field: 'status' })] });
    expect(body['error']).toMatch(/non è stato salvato/);
    expect(read(CARD)).toBe(before);
  });

  test('salva: only the changed line in the diff and in the file; the open page shows it (live preview)', async () => {
    const first = await fetchUntil(`${server.url}${CARD_PAGE}`, (status) => status === 200, 60_000);
    expect(first.status).toBe(200);
    const before = read(CARD);
    const entry = await voce(CARD);
    const { status, body } = await post('salva', {
      path: CARD,
      data: { ...entry.data, title: 'Atlante salvato dall’editor' },
      body: entry.body,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ saved: true, problems: [] });
    const changed = String(body['diff'])
      .split('\n')
      .filter((line) => /^[-+](?![-+]{2} )/.test(line));
    expect(changed).toEqual([`-${before.split('\n')[2] ?? ''}`, "+title: 'Atlante salvato dall’editor'"]);
    expect(read(CARD)).toBe(before.replace(/^title: .*$/m, "title: 'Atlante salvato dall’editor'"));
    const page = await fetchUntil(
      `${server.url}${CARD_PAGE}`,
      (code, html) => code === 200 && html.includes('Atlante salvato dall’editor'),
      30_000,
    );
    expect(page.accepted, page.text.slice(0, 300)).toBe(true);
    // The next voce reads the saved file.
    expect((await voce(CARD)).data['title']).toBe('Atlante salvato dall’editor');
  });

  test('salva refuses to overwrite a file changed by hand after the form read it (409), and keeps the hand edit', async () => {
    const opened = await voce(CARD);
    expect(opened.version).toMatch(/^[\w-]{16,}$/);
    const byHand = read(CARD).replace(/^summary: .*$/m, 'summary: Riassunto scritto a mano nel frattempo.');
    fs.writeFileSync(path.join(source, CARD), byHand);
    const refused = await post('salva', {
      path: CARD,
      data: { ...opened.data, title: 'Titolo dal modulo' },
      body: opened.body,
      version: opened.version,
    });
    expectItalianError(refused, 409, /modificato fuori dall'editor dopo che l'hai aperto.*non è stato salvato nulla/);
    expect(read(CARD)).toBe(byHand);
    // Reopened, the form has the hand edit and its own version: saving works again.
    const reopened = await voce(CARD);
    expect(reopened.version).not.toBe(opened.version);
    expect(reopened.data['summary']).toBe('Riassunto scritto a mano nel frattempo.');
    const saved = await post('salva', { path: CARD, data: reopened.data, body: reopened.body, version: reopened.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body['version']).toBe((await voce(CARD)).version);
  });

  test('salva create: a new card with an image, then 409 when created again', async () => {
    const rel = 'content/projects/anci-lombardia/nuova-dall-editor.md';
    const image = await post('immagine', { path: rel, name: 'Copertina Nuova.png', dataBase64: PNG.toString('base64') });
    expect(image).toEqual({ status: 200, body: { src: './copertina-nuova.png' } });
    const data = {
      kind: 'progetto',
      title: 'Nuova scheda dall’editor',
      summary: 'Una scheda creata attraverso il modulo.',
      areas: ['ambiente'],
      status: 'attivo',
      start: '2025-03',
      budget: 12000,
      partners: [{ name: 'Comune di Bergamo', relation: 'partner' }],
      related: ['anci-lombardia/atlante'],
      cover: { src: './copertina-nuova.png', alt: 'Il logo del progetto' },
    };
    const created = await post('salva', { path: rel, data, body: '\nIl testo della scheda.\n', create: true });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(read(rel)).toMatch(/^---\nkind: progetto\ntitle: Nuova scheda dall’editor\n/);
    expect(read(rel)).toContain('---\n\nIl testo della scheda.\n');
    const again = await post('salva', { path: rel, data, create: true });
    expectItalianError(again, 409, /esiste già/);
    const listed = await get('voci?tipo=projects&q=nuova scheda');
    expect(listed.body['entries']).toEqual([expect.objectContaining({ path: rel })]);
  });

  test('salva with a CSV grid: the table and its companion file, validated together', async () => {
    const entry = await voce(STATS);
    // The values move to the CSV file: the rows keep everything else.
    const rows = (entry.data['rows'] as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'values')),
    );
    const csv = {
      header: ['riga', '2019', '2020', '2021', '2022', '2023', '2024'],
      rows: [
        ['eventi', '164', '66', '85', '101', '103', '50'],
        ['partecipanti', '10627', '6956', '7653', '8487', '8520', '4472'],
      ],
    };
    const bad = await post('verifica', {
      path: STATS,
      data: { ...entry.data, rows },
      csv: { ...csv, rows: [['eventi', '1.400', '', '', '', '', '']] },
    });
    expect(bad.body['problems']).toContainEqual(expect.objectContaining({ file: STATS.replace('.yaml', '.csv'), code: 'csv' }));
    const saved = await post('salva', { path: STATS, data: { ...entry.data, rows }, csv });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(read(STATS.replace('.yaml', '.csv'))).toBe(
      'riga,2019,2020,2021,2022,2023,2024\neventi,164,66,85,101,103,50\npartecipanti,10627,6956,7653,8487,8520,4472\n',
    );
    const reread = await voce(STATS);
    expect(reread).toMatchObject({ csv: { path: STATS.replace('.yaml', '.csv'), header: csv.header, rows: csv.rows } });
    // The example table's declared figures already differ from its values (warnings): no error.
    expect(reread.problems).not.toContainEqual(expect.objectContaining({ severity: 'error' }));
  });

  test('salva with commit: refused clearly outside a git repository; only that file committed inside one', async () => {
    const entry = await voce(PLAN);
    const refused = await post('salva', {
      path: PLAN,
      data: { ...entry.data, title: 'Piano attività 2021 (rivisto)' },
      commit: { message: 'Titolo del piano' },
    });
    expectItalianError(refused, 400, /non è un repository git: non posso fare il commit, e non ho salvato nulla/);
    expect(read(PLAN)).not.toContain('(rivisto)');
    const git = (...args: string[]) => execFileSync('git', ['-C', source, ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.name=Prova', '-c', 'user.email=prova@example.org', 'commit', '-q', '--allow-empty', '-m', 'inizio');
    git('config', 'user.name', 'Redazione');
    git('config', 'user.email', 'redazione@example.org');
    fs.writeFileSync(path.join(source, 'non-toccare.txt'), 'x');
    git('add', 'non-toccare.txt');
    const sections = entry.data['sections'] as { objectives: unknown[] }[];
    sections[0]?.objectives.push({ id: 'nuovo-obiettivo', text: 'Un obiettivo nuovo', continues: 'anci-toscana/2018/riforma-cal' });
    const committed = await post('salva', {
      path: PLAN,
      data: { ...entry.data, title: 'Piano attività 2021 (rivisto)' },
      commit: { message: 'Piano 2021: un obiettivo nuovo' },
    });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(git('show', '--name-only', '--format=%s', 'HEAD').trim().split('\n')).toEqual(['Piano 2021: un obiettivo nuovo', '', PLAN]);
    expect(git('diff', '--cached', '--name-only').trim()).toBe('non-toccare.txt');
  });
});
