/**
 * Synthetic content sources in the real layout, for benchmarks: N cards spread over a few
 * organizations, with yearly plans (objectives carried from year to year), statistics tables
 * (with a partial last period) and a catalogue report. Deterministic (seeded), and valid: the
 * validator reports no error on it with today pinned to 2026-11-22.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ['welfare', 'ambiente', 'digitalizzazione', 'europa', 'formazione', 'giovani', 'legalita', 'territorio'];
const FUNDING = ['pnrr', 'fami', 'fesr', 'erasmus-plus', 'interreg'];
const WORDS =
  'comuni servizio progetto territorio sviluppo sostenibile amministrazione digitale formazione rete associazione regione cittadini giovani ambiente energia rifiuti welfare inclusione europa bando partner attività supporto gestione innovazione'.split(
    ' ',
  );

export interface SyntheticOptions {
  cards: number;
  organizations?: number;
  seed?: number;
}

/** The files of a synthetic source, as relative path → text. Pure. */
export function syntheticSource(options: SyntheticOptions): Map<string, string> {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const sentence = (n: number) => {
    const text = words(n);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const files = new Map<string, string>();
  const orgCount = Math.max(1, options.organizations ?? 3);
  const orgs = Array.from({ length: orgCount }, (_, i) => `associazione-${i + 1}`);

  files.set('data/funding.yaml', FUNDING.map((id) => `- id: ${id}\n  label: ${id.toUpperCase()}\n  name: Programma ${id}\n`).join(''));
  orgs.forEach((org, i) => {
    files.set(
      `data/organizations/${org}.yaml`,
      [
        `name:\n  full: Associazione dei Comuni numero ${i + 1}\n  short: Associazione ${i + 1}`,
        'kind: anci-regionale',
        `region: Regione ${i + 1}`,
        `membership: { members: ${100 + i * 37}, of: ${300 + i * 41} }`,
        'governance:\n  - name: Consiglio Direttivo\n    members:\n      - { name: Maria Rossi, role: Presidente, office: Sindaca di Prova }',
        `areas:\n${AREAS.map((a) => `  - { id: ${a}, label: ${a.charAt(0).toUpperCase()}${a.slice(1)} }`).join('\n')}`,
        '',
      ].join('\n'),
    );
  });

  for (let n = 0; n < options.cards; n++) {
    const org = orgs[n % orgCount] as string;
    const roll = random();
    const status = roll < 0.55 ? 'attivo' : roll < 0.65 ? 'in-progettazione' : 'concluso';
    const startYear = status === 'concluso' ? 2015 + Math.floor(random() * 8) : 2019 + Math.floor(random() * 7);
    const start = `${startYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const end =
      status === 'concluso'
        ? `${Math.min(2025, startYear + 1 + Math.floor(random() * 3))}-12`
        : status === 'attivo'
          ? '2027-12'
          : undefined;
    const budget = random() < 0.8 ? `${Math.floor(random() * 2_000_000)}.00` : 'in definizione';
    const lines = [
      '---',
      `kind: ${random() < 0.8 ? 'progetto' : 'servizio'}`,
      `title: ${sentence(5).replace(/\.$/, '')} ${n + 1}`,
      `summary: ${sentence(14)}`,
      `areas: [${pick(AREAS)}]`,
      `status: ${status}`,
      ...(status === 'in-progettazione' ? [] : [`start: ${start}`]),
      ...(end && status !== 'in-progettazione' ? [`end: ${end}`] : []),
      `budget: ${budget}`,
      `funding: [${pick(FUNDING)}]`,
      '---',
      '',
      ...Array.from({ length: 4 }, () => `${Array.from({ length: 4 }, () => sentence(16)).join(' ')}\n`),
    ];
    files.set(`content/projects/${org}/scheda-${String(n + 1).padStart(5, '0')}.md`, `${lines.join('\n')}\n`);
  }

  for (const org of orgs) {
    for (let year = 2019; year <= 2025; year++) {
      const sections = Array.from({ length: 4 }, (_, s) => {
        const objectives = Array.from({ length: 5 }, (_, o) => {
          const carried = year > 2019 && o < 2 ? `\n        continues: ${org}/${year - 1}/obiettivo-${s + 1}-${o + 1}` : '';
          return `      - id: obiettivo-${s + 1}-${o + 1}\n        text: ${sentence(12)}${carried}`;
        });
        return `  - id: sezione-${s + 1}\n    title: Sezione ${s + 1}\n    narrative: ${sentence(30)}\n    objectives:\n${objectives.join('\n')}`;
      });
      files.set(
        `content/plans/${org}/${year}.md`,
        `---\nyear: ${year}\ntitle: Piano attività ${year}\nsections:\n${sections.join('\n')}\n---\n\n${sentence(40)}\n`,
      );
    }
    for (let t = 1; t <= 3; t++) {
      const values = (scale: number) => `[${Array.from({ length: 6 }, () => Math.floor(random() * scale)).join(', ')}]`;
      files.set(
        `data/stats/${org}/tabella-${t}.yaml`,
        [
          `title: Tabella ${t}`,
          'periods: [2019, 2020, 2021, 2022, 2023, { year: 2024, through: 2024-06 }]',
          'rows:',
          `  - { id: eventi, label: eventi, values: ${values(200)} }`,
          `  - { id: partecipanti, label: partecipanti, values: ${values(20000)} }`,
          'headlines:',
          '  - { id: totale, label: eventi, row: eventi, compute: sum }',
          '',
        ].join('\n'),
      );
    }
    files.set(
      `content/reports/${org}/catalogo.yaml`,
      [
        'kind: catalogo',
        'title: Catalogo delle attività',
        'chapters:',
        '  - { type: profile, title: L’associazione }',
        '  - { type: cards, id: in-corso, title: Cosa stiamo facendo, part: true, filter: { status: [attivo] } }',
        '  - { type: cards, id: in-progettazione, title: In progettazione, filter: { status: [in-progettazione] } }',
        '  - { type: cards, id: concluse, title: Cosa abbiamo fatto, filter: { status: [concluso] } }',
        '',
      ].join('\n'),
    );
  }
  return files;
}

/** Writes a synthetic source into `dir` (emptied first). */
export function writeSyntheticSource(dir: string, options: SyntheticOptions): number {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = syntheticSource(options);
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return files.size;
}
