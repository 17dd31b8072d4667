/**
 * The example content against its source documents: the OCR text in data/documents/ is the
 * ground truth. Every seed is read and parsed once; the content is loaded once
 * through the validated loader, as the site and the export see it.
 *
 * 1. Catalogue structure: the printed index, the fixture tests/fixtures/seed-index.json and the
 *    three card chapters of the catalogue report agree, and every card has its part's status.
 * 2. Budgets: every amount printed in the catalogue is on exactly one card, and no card has a
 *    budget that is not printed.
 * 3. Statistics: every cell of every table of the bilancio sociale, and every headline figure.
 * 4. Plans: every "Obiettivi" bullet of the Piano 2021 is an objective of the 2021 plan.
 * 5. Provenance: every entry names an existing seed document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceLayout } from '../../src/lib/source.ts';
import { validateSource } from '../../src/lib/validate/index.ts';
import type { Entry } from '../../src/lib/validate/load.ts';
import type { Plan } from '../../src/schemas/plan.ts';
import type { ProjectCard } from '../../src/schemas/project.ts';
import type { Chapter, Report } from '../../src/schemas/report.ts';
import type { Period, StatsRow, StatsTable } from '../../src/schemas/stats.ts';
import {
  compact,
  fold,
  normalEuroCents,
  parseBudgetLines,
  parseCatalogueIndex,
  parseItalianNumber,
  parsePlanSections,
  parseStatsTables,
  titleSimilarity,
  wordOverlap,
  type BudgetLine,
  type IndexLine,
  type SeedTableRow,
} from './seed-parse.ts';

/* ------------------------------------------------------------------------------------------ */
/* Sources, read once                                                                         */
/* ------------------------------------------------------------------------------------------ */

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const seedsDir = sourceLayout(repoRoot).documents;

const SEED = {
  plan2021: '000_761f69c9c14e8f3f.txt',
  plan2018: '001_a8c4db7ee16b3662.txt',
  bilancio: '002_62e46300c2cd0425.txt',
  catalogue: '003_212a1361b903dde0.txt',
  piccoli: '004_230e6655d1fe1a90.txt',
} as const;

const seedText = new Map<string, string>();
function seed(file: string): string {
  let text = seedText.get(file);
  if (text === undefined) {
    text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    seedText.set(file, text);
  }
  return text;
}

const validation = validateSource(repoRoot);
const entries: readonly Entry[] = validation.loaded.entries;

function entry(collection: Entry['collection'], id: string): Entry {
  const found = entries.find((e) => e.collection === collection && e.id === id);
  if (!found) throw new Error(`${collection} ${id} not found in the content`);
  return found;
}

type CardStatus = ProjectCard['status'];
type CardsChapter = Extract<Chapter, { type: 'cards' }>;

/** Cards of the catalogue's organization, with their validated data. */
const catalogueCards: readonly { id: string; card: ProjectCard }[] = entries
  .filter((e) => e.collection === 'projects' && e.organization === 'anci-lombardia')
  .map((e) => ({ id: e.id, card: e.data as ProjectCard }));

describe('preconditions', () => {
  test('the seed documents are in data/documents/', () => {
    for (const file of Object.values(SEED)) expect(fs.existsSync(path.join(seedsDir, file)), file).toBe(true);
  });

  test('the content validates without errors (otherwise entries would be missing below)', () => {
    expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* 1. Catalogue structure                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface FixtureCard {
  title: string;
  page: number | null;
  id: string;
  /** The page as printed when the OCR damaged it (`4.0`, `00`). */
  printedPage?: string;
}
interface FixturePart {
  title: string;
  page: number;
  status: CardStatus;
  cards: FixtureCard[];
}
interface SeedIndexFixture {
  document: string;
  parts: FixturePart[];
  back: { title: string; page: number; id: string }[];
}

const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'seed-index.json'), 'utf8')) as SeedIndexFixture;

/**
 * The two known deviations between one line of the printed index and one card:
 *
 * - The index prints «Europa-Lombardia – Enti Locali 21-27 Lombardia Europa 2020 (SEAV)» as a
 *   single line without a page number, but the pages hold two cards with their own title, dates
 *   and budget. The fixture already lists the line as two entries; here the two entries are
 *   aligned with the one printed line.
 * - The index entry «La Lombardia è dei giovani» (p. 90) covers three cards printed one after the
 *   other, the calls of 2019, 2020 and 2021 (lombardia-dei-giovani-2019/2020/2021).
 *
 * Every other index entry is exactly one card with the fixture's id.
 */
const MERGED_INDEX_LINES: readonly (readonly string[])[] = [['europa-lombardia-enti-locali', 'lombardia-europa-2020']];
const ENTRY_CARDS: Readonly<Record<string, readonly string[]>> = {
  'lombardia-dei-giovani': ['lombardia-dei-giovani-2019', 'lombardia-dei-giovani-2020', 'lombardia-dei-giovani-2021'],
};

function cardsOfEntry(entryId: string): string[] {
  return [...(ENTRY_CARDS[entryId] ?? [entryId])].map((slug) => `anci-lombardia/${slug}`);
}

/** One printed index line and the fixture entries it stands for. */
interface AlignedLine {
  part: string;
  status: CardStatus;
  seed: IndexLine;
  entries: FixtureCard[];
}

const seedIndex = parseCatalogueIndex(
  seed(SEED.catalogue),
  fixture.parts.map((p) => p.title),
  fixture.back[0]?.title ?? '',
);

const alignedIndex: AlignedLine[] = fixture.parts.flatMap((part) => {
  const printed = seedIndex.get(part.title) ?? [];
  const out: AlignedLine[] = [];
  let next = 0;
  for (const line of printed) {
    const first = part.cards[next];
    const merged = MERGED_INDEX_LINES.find((group) => group[0] === first?.id);
    const take = merged?.length ?? 1;
    out.push({ part: part.title, status: part.status, seed: line, entries: part.cards.slice(next, next + take) });
    next += take;
  }
  if (next !== part.cards.length) {
    throw new Error(`${part.title}: ${printed.length} printed index lines cover ${next} of ${part.cards.length} fixture entries`);
  }
  return out;
});

/** Number of cards each status should have, derived from the printed index. */
const cardsPerStatusFromSeed: Record<CardStatus, number> = { attivo: 0, 'in-progettazione': 0, concluso: 0 };
for (const line of alignedIndex) {
  cardsPerStatusFromSeed[line.status] += line.entries.flatMap((e) => cardsOfEntry(e.id)).length;
}

const catalogue = entry('reports', 'anci-lombardia/catalogo-attivita').data as Report;
const cardChapters = catalogue.chapters.filter((c): c is CardsChapter => c.type === 'cards');

describe('1. catalogue structure against the printed index', () => {
  test('the fixture has 40 / 6 / 27 index entries in the three parts', () => {
    expect(fixture.document).toBe(SEED.catalogue);
    expect(fixture.parts.map((p) => [p.title, p.status, p.cards.length])).toEqual([
      ['Cosa stiamo facendo', 'attivo', 40],
      ['In progettazione', 'in-progettazione', 6],
      ['Cosa abbiamo fatto', 'concluso', 27],
    ]);
  });

  test('the printed index has 40 / 6 / 26 lines (one line holds two entries)', () => {
    expect(fixture.parts.map((p) => seedIndex.get(p.title)?.length)).toEqual([40, 6, 26]);
  });

  test.each(alignedIndex.map((a) => ({ ...a, ids: a.entries.map((e) => e.id).join(' + ') })))(
    'index line $seed.line "$seed.title" is fixture entry $ids',
    ({ seed: line, entries: fixtureEntries }) => {
      // Titles agree up to OCR damage ("del Comuni Iombardi", a lost quote); pages exactly.
      expect(titleSimilarity(line.title, fixtureEntries.map((e) => e.title).join(' '))).toBeGreaterThanOrEqual(0.85);
      for (const e of fixtureEntries) {
        expect(line.page, e.id).toBe(e.printedPage ?? (e.page === null ? '' : String(e.page)));
      }
    },
  );

  test('the report has one cards chapter per part, in order', () => {
    expect(cardChapters.map((c) => [c.title, c.filter.status])).toEqual(fixture.parts.map((p) => [p.title, [p.status]]));
  });

  test.each(fixture.parts.map((part, k) => ({ part, k })))(
    'the "$part.title" chapter orders every index entry of its part, in index order',
    ({ part, k }) => {
      expect(cardChapters[k]?.part).toBe(true);
      expect(cardChapters[k]?.order).toEqual(part.cards.flatMap((c) => cardsOfEntry(c.id)));
    },
  );

  const statusOfCard = new Map(alignedIndex.flatMap((a) => a.entries.flatMap((e) => cardsOfEntry(e.id)).map((id) => [id, a.status] as const)));

  test.each(catalogueCards.map((c) => ({ id: c.id, status: c.card.status })))('$id has the status of its index part', ({ id, status }) => {
    expect(statusOfCard.has(id), `${id} is not in the printed index`).toBe(true);
    expect(status).toBe(statusOfCard.get(id));
  });

  test('card files per status equal the counts derived from the printed index', () => {
    // Printed lines per part (40 / 6 / 26) + the second card of the merged line + the two extra
    // "La Lombardia è dei giovani" cards.
    expect(cardsPerStatusFromSeed).toEqual({ attivo: 40, 'in-progettazione': 6, concluso: 29 });

    const files = fs.readdirSync(path.join(repoRoot, 'content', 'projects', 'anci-lombardia')).filter((f) => f.endsWith('.md'));
    expect(catalogueCards).toHaveLength(files.length);
    const perStatus: Record<CardStatus, number> = { attivo: 0, 'in-progettazione': 0, concluso: 0 };
    for (const { card } of catalogueCards) perStatus[card.status] += 1;
    expect(perStatus).toEqual(cardsPerStatusFromSeed);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* 2. Budgets                                                                                 */
/* ------------------------------------------------------------------------------------------ */

const budgetLines = parseBudgetLines(seed(SEED.catalogue));

/**
 * The part of the catalogue a line of the pages belongs to: the last part divider above it
 * (after the index, where the same headings appear as a list).
 */
const indexEnd = seed(SEED.catalogue)
  .split('\n')
  .findIndex((l) => l.trim() === fixture.back[0]?.title);
const partDividers = seed(SEED.catalogue)
  .split('\n')
  .flatMap((l, i) => {
    const part = fixture.parts.find((p) => l.trim() === p.title.toUpperCase());
    return i > indexEnd && part ? [{ line: i + 1, status: part.status }] : [];
  });
function statusAt(line: number): CardStatus | undefined {
  return partDividers.filter((d) => d.line < line).at(-1)?.status;
}

/**
 * The card a budget line is printed on: the line after the budget is the card's one-line summary
 * (title, area, dates, budget, summary is the printed order). Summaries are compared by word
 * overlap and a card must reach 0.8. Two cards print the same summary (Dotecomune, active, and
 * Dotecomune Network, completed): a tie is broken by the part of the catalogue the line is in.
 */
interface Anchor {
  line: BudgetLine;
  /** Status of the part the line is printed in. */
  part: CardStatus | undefined;
  id: string;
  card: ProjectCard | undefined;
  /** Why no single card could be found. */
  problem?: string;
}

function anchorCard(line: BudgetLine): Anchor {
  const part = statusAt(line.line);
  const matching = catalogueCards.filter((c) => wordOverlap(line.next, c.card.summary) >= 0.8);
  const found = matching.length > 1 ? matching.filter((c) => c.card.status === part) : matching;
  const [only] = found;
  if (found.length === 1 && only) return { line, part, id: only.id, card: only.card };
  const problem =
    found.length === 0
      ? `no card has the summary "${line.next}"`
      : `several cards have the summary "${line.next}": ${found.map((c) => c.id).join(', ')}`;
  return { line, part, id: '(none)', card: undefined, problem };
}

const anchored = budgetLines.map(anchorCard);

/** A printed amount is on a card if the budget is its normal reading or a reading records it. */
function cardCarries(card: ProjectCard, printed: string): boolean {
  const cents = normalEuroCents(printed);
  const normal = cents !== null && card.budget === cents;
  const recorded = (card.readings ?? []).some((r) => r.field === 'budget' && r.printed === printed);
  return normal || recorded;
}

describe('2. budgets against the printed amounts', () => {
  test('every line of the catalogue with a euro sign is a budget line', () => {
    const euroLines = seed(SEED.catalogue)
      .split('\n')
      .flatMap((l, i) => (l.includes('€') ? [i + 1] : []));
    expect(budgetLines.filter((b) => b.kind === 'amount').map((b) => b.line)).toEqual(euroLines);
  });

  test.each(anchored.filter((a) => a.line.kind === 'amount').map((a) => ({ ...a, printed: a.line.printed, at: a.line.line })))(
    'line $at "$printed" is the budget of $id',
    ({ printed, id, card, part, problem }) => {
      expect(problem).toBeUndefined();
      expect(card?.status, 'status of the card against the part it is printed in').toBe(part);
      expect(card && cardCarries(card, printed), `${id}: budget ${String(card?.budget)} (cents) for "${printed}"`).toBe(true);
      // Exactly one card: as many cards carry this printed amount as lines print it.
      const carriers = catalogueCards.filter((c) => cardCarries(c.card, printed)).map((c) => c.id);
      const printedTimes = budgetLines.filter((b) => b.printed === printed).length;
      expect(carriers, `cards carrying "${printed}"`).toHaveLength(printedTimes);
      expect(carriers).toContain(id);
    },
  );

  test.each(anchored.filter((a) => a.line.kind === 'tbd').map((a) => ({ ...a, printed: a.line.printed, at: a.line.line })))(
    'line $at "$printed" is the budget of $id',
    ({ card, part, problem }) => {
      expect(problem).toBeUndefined();
      expect(card?.status).toBe(part);
      expect(card?.budget).toBe('in definizione');
    },
  );

  test('every card budget is printed: the budget lines are on distinct cards, one each', () => {
    const ids = anchored.filter((a) => a.card !== undefined).map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const withBudget = catalogueCards.filter((c) => c.card.budget !== undefined).map((c) => c.id);
    expect([...ids].sort()).toEqual([...withBudget].sort());
  });

  test('"IN DEFINIZIONE" lines and cards "in definizione" are as many', () => {
    const printed = budgetLines.filter((b) => b.kind === 'tbd').length;
    expect(printed).toBe(2);
    expect(catalogueCards.filter((c) => c.card.budget === 'in definizione')).toHaveLength(printed);
  });

  const budgetReadings = catalogueCards.flatMap(({ id, card }) =>
    (card.readings ?? []).filter((r) => r.field === 'budget').map((r) => ({ id, card, printed: r.printed, reading: r.reading })),
  );

  test.each(budgetReadings)('$id: the budget reading of "$printed" is printed and gives the budget', ({ id, card, printed, reading }) => {
    const line = anchored.find((a) => a.line.printed === printed && a.id === id);
    expect(line, `"${printed}" is not a budget line of ${id}`).toBeDefined();
    if (line?.line.kind === 'tbd') {
      expect([reading, card.budget]).toEqual(['in definizione', 'in definizione']);
    } else {
      expect(normalEuroCents(reading), `reading "${reading}"`).toBe(card.budget);
    }
  });
});

/* ------------------------------------------------------------------------------------------ */
/* 3. Statistics of the bilancio sociale                                                      */
/* ------------------------------------------------------------------------------------------ */

const seedTables = parseStatsTables(seed(SEED.bilancio));

const bilancioTables: readonly { id: string; table: StatsTable }[] = entries
  .filter((e) => e.collection === 'stats' && (e.data as StatsTable).source?.document === SEED.bilancio)
  .map((e) => ({ id: e.id, table: e.data as StatsTable }));

/** The printed label that covers two rows of numbers, read as two rows (studi e ricerche). */
const TWO_ROW_LABEL = 'Comunità di pratica, iscritti';

/**
 * Group and label a printed row stands for in the content:
 *
 * - Social table: the group (facebook, instagram, x, linkedin, whatsApp) is printed once, on the
 *   first row of the group; the parser carries it down, and the content row has the same group
 *   and the printed label without the italics tags («visualizzazioni» is a row of facebook and of
 *   x, so the group is part of the key).
 * - Studi e ricerche: «Comunità di pratica, iscritti» is printed on one row of numbers (tens)
 *   followed by a row without label (thousands); the content reads the first as «Comunità di
 *   pratica» and the second as «iscritti» (and records this reading).
 * - Every other row: its printed label.
 */
function contentKey(row: SeedTableRow, previous: SeedTableRow | undefined): string {
  let label = row.label;
  if (label === TWO_ROW_LABEL) label = 'Comunità di pratica';
  else if (label === '' && previous?.label === TWO_ROW_LABEL) label = 'iscritti';
  return `${fold(row.group ?? '')}|${fold(label)}`;
}
const keyOf = (row: StatsRow): string => `${fold(row.group ?? '')}|${fold(row.label)}`;

/** The printed heading of a period: `2019`, or the label of a partial year (`giugno 2024`). */
const periodHeading = (p: Period): string => (typeof p === 'number' ? String(p) : (p.label ?? String(p.year)));

const matchedTables = seedTables.map((seedTable) => {
  const keys = seedTable.rows.map((r, i) => contentKey(r, seedTable.rows[i - 1]));
  const candidates = bilancioTables.filter(({ table }) => keys.every((k) => table.rows.some((r) => keyOf(r) === k)));
  return { seedTable, keys, candidates };
});

const matchedRows = matchedTables.flatMap(({ seedTable, keys, candidates }) =>
  seedTable.rows.map((row, i) => ({
    table: candidates[0]?.id ?? '(none)',
    line: row.line,
    label: [row.group, row.label || `(unlabelled row after "${seedTable.rows[i - 1]?.label ?? ''}")`].filter(Boolean).join(' / '),
    row: candidates[0]?.table.rows.find((r) => keyOf(r) === keys[i]),
    cells: row.cells,
  })),
);

interface DeclaredFigure {
  table: string;
  headline: string;
  /** The figure in the seed with its label around it; group 1 is the printed number. */
  seed: RegExp;
  /** Multiplier of the printed number (`8,3` milioni). */
  scale?: number;
}

/**
 * Headline figures printed in the bilancio sociale. In the servizio civile page the OCR
 * interleaves figures and labels; each figure is matched with the label the content gives it.
 */
const DECLARED: readonly DeclaredFigure[] = [
  { table: 'anci-toscana/eventi', headline: 'eventi-totali', seed: /^(552)\n+eventi$/m },
  { table: 'anci-toscana/eventi', headline: 'partecipanti-totali', seed: /^(44\.850)\n+partecipanti$/m },
  { table: 'anci-toscana/formazione', headline: 'valutazione-media', seed: /^(4\.33)\n+media della valutazione dei corsi/m },
  { table: 'anci-toscana/servizio-civile', headline: 'giovani-avviati', seed: /^avviati\n+(1\.205)$/m },
  { table: 'anci-toscana/servizio-civile', headline: 'comuni-accreditati', seed: /^(191)\nComuni\naccreditati$/m },
  { table: 'anci-toscana/servizio-civile', headline: 'comuni-accreditati-regionale', seed: /^(177)\n+Comuni accreditati\nServizio Civile\nRegionale$/m },
  { table: 'anci-toscana/servizio-civile', headline: 'comuni-accreditati-universale', seed: /^(107)\n+Comuni accreditati\nServizio Civile\nUniversale$/m },
  { table: 'anci-toscana/servizio-civile', headline: 'comuni-doppio-accreditamento', seed: /^(93)\n+Comuni con doppio accreditamento$/m },
  { table: 'anci-toscana/progetti-europei', headline: 'progetti', seed: /^(14)\n+progetti$/m },
  { table: 'anci-toscana/progetti-europei', headline: 'valore-gestito', seed: /^(8,3)\n+milioni$/m, scale: 1_000_000 },
  { table: 'anci-toscana/comuni-toscani', headline: 'comuni-toscani', seed: /^i comuni toscani\n+(273)$/m },
  { table: 'anci-toscana/organi', headline: 'comuni-toscani', seed: /totale dei Comuni Toscani che è pari a (273)\./ },
  { table: 'anci-toscana/organi', headline: 'comuni-associati', seed: /risultano essere n\. (270) sul totale/ },
];

describe('3. statistics tables of the bilancio sociale', () => {
  test('the seed has seven tables (rappresentanza printed twice)', () => {
    expect(seedTables).toHaveLength(7);
  });

  test.each(matchedTables.map((m) => ({ ...m, at: m.seedTable.line })))(
    'table at line $at is one content table with the same periods and rows',
    ({ seedTable, candidates }) => {
      expect(candidates.map((c) => c.id)).toHaveLength(1);
      const table = candidates[0]?.table;
      expect(table?.periods.map((p) => fold(periodHeading(p)))).toEqual(seedTable.periods.map((p) => fold(p)));
      expect(table?.rows).toHaveLength(seedTable.rows.length);
    },
  );

  test('every table of the bilancio sociale with rows is printed in the seed', () => {
    const printed = new Set(matchedTables.flatMap((m) => m.candidates.map((c) => c.id)));
    expect(bilancioTables.filter(({ table }) => table.rows.length > 0).map((t) => t.id)).toEqual(
      bilancioTables.filter(({ id }) => printed.has(id)).map((t) => t.id),
    );
  });

  test.each(matchedRows)('$table, line $line "$label": every cell as printed', ({ row, cells }) => {
    expect(row, 'no content row for this printed row').toBeDefined();
    expect(row?.values).toEqual(cells);
  });

  test.each(DECLARED.map((d) => ({ ...d, printed: d.seed.exec(seed(SEED.bilancio))?.[1] ?? '(not found)' })))(
    '$table/$headline declares the printed "$printed"',
    ({ table, headline, printed, scale }) => {
      const value = parseItalianNumber(printed, scale);
      expect(value, `"${printed}" in ${SEED.bilancio}`).not.toBeNull();
      const data = entry('stats', table).data as StatsTable;
      expect(data.headlines.find((h) => h.id === headline)?.declared).toBe(value);
    },
  );
});

/* ------------------------------------------------------------------------------------------ */
/* 4. Plans                                                                                   */
/* ------------------------------------------------------------------------------------------ */

const seedSections = parsePlanSections(seed(SEED.plan2021));
const plan2021 = entry('plans', 'anci-toscana/2021').data as Plan;
const plan2018 = entry('plans', 'anci-toscana/2018').data as Plan;

/**
 * Bullets are compared with objectives on their words (lowercase, accents stripped, punctuation
 * and OCR debris removed, one-letter words dropped): the transcription restores what the OCR lost
 * («pil» → «più», «Aensibilizzare» → «Sensibilizzare», «|[ncontri» → «Incontri») and drops the
 * final «;», so the texts are not equal, but a faithful one keeps at least 80% of the words. The
 * bullet must also be closer to its own objective than to any other of the section.
 */
const BULLET_THRESHOLD = 0.8;

const bullets = seedSections.flatMap((section, s) =>
  section.objectives.map((text, i) => ({ section: section.title, s, i, text, n: i + 1 })),
);

describe('4. Piano 2021: "Obiettivi" bullets against the plan', () => {
  test('the plan has the printed sections, in order', () => {
    expect(plan2021.sections.map((s) => compact(s.title))).toEqual(seedSections.map((s) => compact(s.title)));
  });

  test.each(seedSections.map((s, k) => ({ title: s.title, count: s.objectives.length, k })))(
    'section "$title" has $count objectives, one per bullet',
    ({ count, k }) => {
      expect(plan2021.sections[k]?.objectives).toHaveLength(count);
    },
  );

  test.each(bullets)('"$section", bullet $n: "$text"', ({ s, i, text }) => {
    const objectives = plan2021.sections[s]?.objectives ?? [];
    const scores = objectives.map((o) => wordOverlap(text, o.text));
    expect(scores[i], `objective ${objectives[i]?.id ?? '(missing)'}`).toBeGreaterThanOrEqual(BULLET_THRESHOLD);
    expect(Math.max(...scores)).toBe(scores[i]);
  });

  test('the CAL reform objective of 2021 continues the 2018 one, about the Consiglio delle Autonomie Locali', () => {
    const calBullets = bullets.filter((b) => fold(b.text).includes('riforma del cal'));
    expect(calBullets).toHaveLength(1);
    const [bullet] = calBullets;
    const objective = bullet && plan2021.sections[bullet.s]?.objectives[bullet.i];
    expect(objective?.continues).toBe('anci-toscana/2018/riforma-cal');

    const earlier = plan2018.sections.flatMap((s) => s.objectives).find((o) => o.id === 'riforma-cal');
    expect(fold(earlier?.text ?? '')).toContain('consiglio delle autonomie locali');
    // ...and the 2018 document does say it.
    expect(fold(seed(SEED.plan2018)).replace(/\s+/g, ' ')).toContain('riforma del consiglio delle autonomie locali');
  });
});

/* ------------------------------------------------------------------------------------------ */
/* 5. Provenance                                                                              */
/* ------------------------------------------------------------------------------------------ */

const seedFiles = new Set(fs.readdirSync(seedsDir).filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f)));

describe('5. provenance', () => {
  test('the seed folder has the five documents', () => {
    expect([...seedFiles].sort()).toEqual(Object.values(SEED).sort());
  });

  test.each(
    entries
      // The vocabulary, the register of documents and the site settings transcribe no document.
      .filter((e) => !['funding', 'documents', 'site'].includes(e.collection))
      .map((e) => ({ collection: e.collection, id: e.id, document: (e.data as { source?: { document?: string } }).source?.document })),
  )('$collection $id names a seed document', ({ document }) => {
    expect(document).toBeDefined();
    expect(seedFiles.has(document ?? '')).toBe(true);
  });
});
