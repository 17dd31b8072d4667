/**
 * The open data of the site, built from the content graph: cards, plan objectives and statistics
 * as CSV (with a Frictionless table schema each), every collection as JSON (as `npm run export`
 * writes them), a `datapackage.json` describing them all, and each statistics table as its own
 * CSV. Pure: strings in, strings out; the endpoints only serve them.
 */
import zlib from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import type { ContentGraph } from '../content-graph.ts';
import { CONTENT_TYPES } from '../content-types.ts';
import { toCsv, type CsvCell } from './csv.ts';
import { groupLabel } from './stats-table.ts';

type Card = ContentGraph['projects'][number];
type Table = ContentGraph['stats'][number];
type Row = Table['rows'][number];
type Period = Table['periods'][number];

/** A column of a CSV: its Frictionless table-schema field and how to fill it. */
interface Column<T> {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  title: string;
  description: string;
  value: (item: T) => CsvCell;
}

export interface SchemaField {
  name: string;
  type: Column<unknown>['type'];
  title: string;
  description: string;
}

export interface OpenDataFile {
  /** Resource name in the data package, e.g. `schede`. */
  name: string;
  /** File name under /dati/, e.g. `schede.csv`. */
  path: string;
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  title: string;
  description: string;
  content: string;
  /** Table schema fields (CSV files only), in column order. */
  fields?: SchemaField[];
}

export const LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const;

function csvFile<T>(columns: readonly Column<T>[], items: readonly T[]): { content: string; fields: SchemaField[] } {
  return {
    content: toCsv(
      columns.map((c) => c.name),
      items.map((item) => columns.map((c) => c.value(item))),
    ),
    fields: columns.map(({ name, type, title, description }) => ({ name, type, title, description })),
  };
}

const LIST_SEPARATOR = '; ';

/** Size of a text in bytes as UTF-8, as served. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

const CARD_COLUMNS: readonly Column<Card>[] = [
  {
    name: 'id',
    type: 'string',
    title: 'Identificativo',
    description: 'Identificativo della scheda: organizzazione/scheda, es. anci-lombardia/stogit',
    value: (c) => c.id,
  },
  {
    name: 'organizzazione',
    type: 'string',
    title: 'Organizzazione',
    description: "Identificativo dell'organizzazione, es. anci-lombardia",
    value: (c) => c.organization.id,
  },
  { name: 'titolo', type: 'string', title: 'Titolo', description: 'Titolo come stampato', value: (c) => c.title },
  { name: 'tipo', type: 'string', title: 'Tipo', description: 'progetto oppure servizio', value: (c) => c.kind },
  { name: 'stato', type: 'string', title: 'Stato', description: 'attivo, in-progettazione oppure concluso', value: (c) => c.status },
  {
    name: 'aree',
    type: 'string',
    title: 'Aree tematiche',
    description: 'Aree tematiche, separate da punto e virgola',
    value: (c) => c.areas.map((a) => a.label).join(LIST_SEPARATOR),
  },
  {
    name: 'inizio',
    type: 'string',
    title: 'Inizio',
    description: 'Data di inizio alla precisione stampata: AAAA, AAAA-MM oppure AAAA-MM-GG',
    value: (c) => c.start,
  },
  {
    name: 'fine',
    type: 'string',
    title: 'Fine',
    description: 'Data di fine alla precisione stampata: AAAA, AAAA-MM oppure AAAA-MM-GG',
    value: (c) => c.end,
  },
  {
    name: 'importo_euro',
    type: 'number',
    title: 'Importo (euro)',
    description: 'Budget in euro, col punto per i decimali; vuoto se non indicato o «in definizione»',
    value: (c) => (c.budget?.status === 'importo' ? (c.budget.cents / 100).toFixed(2) : null),
  },
  {
    name: 'finanziamenti',
    type: 'string',
    title: 'Finanziamenti',
    description: 'Programmi di finanziamento, separati da punto e virgola',
    value: (c) => c.funding.map((f) => f.label).join(LIST_SEPARATOR),
  },
  {
    name: 'ruolo',
    type: 'string',
    title: 'Ruolo',
    description: "Ruolo dell'organizzazione: capofila, partner, attuatore o promotore",
    value: (c) => c.role,
  },
  { name: 'sintesi', type: 'string', title: 'Sintesi', description: 'Sintesi in una frase', value: (c) => c.summary },
];

interface ObjectiveLine {
  plan: ContentGraph['plans'][number];
  section: ContentGraph['plans'][number]['sections'][number];
  objective: ContentGraph['plans'][number]['sections'][number]['objectives'][number];
}

const OBJECTIVE_COLUMNS: readonly Column<ObjectiveLine>[] = [
  {
    name: 'piano',
    type: 'string',
    title: 'Piano',
    description: 'Identificativo del piano: organizzazione/anno, es. anci-toscana/2021',
    value: (o) => o.plan.id,
  },
  { name: 'anno', type: 'integer', title: 'Anno', description: 'Anno del piano', value: (o) => o.plan.year },
  { name: 'sezione', type: 'string', title: 'Sezione', description: 'Titolo della sezione del piano', value: (o) => o.section.title },
  {
    name: 'id',
    type: 'string',
    title: 'Identificativo',
    description: "Identificativo dell'obiettivo: organizzazione/anno/obiettivo",
    value: (o) => o.objective.globalId,
  },
  { name: 'testo', type: 'string', title: 'Testo', description: "Testo dell'obiettivo come stampato", value: (o) => o.objective.text },
  {
    name: 'scadenza',
    type: 'string',
    title: 'Scadenza',
    description: 'Scadenza alla precisione stampata (AAAA, AAAA-MM, AAAA-MM-GG); vuota se non indicata',
    value: (o) => o.objective.deadline?.by,
  },
  {
    name: 'stato',
    type: 'string',
    title: 'Stato',
    description: "Esito più recente: raggiunto, parziale, non-raggiunto, in-corso o abbandonato; vuoto se non c'è una verifica",
    value: (o) => o.objective.outcomes.at(-1)?.status,
  },
  {
    name: 'continua_da',
    type: 'string',
    title: 'Continua da',
    description: 'Obiettivo di un piano precedente che questo prosegue (organizzazione/anno/obiettivo)',
    value: (o) => o.objective.continues,
  },
];

interface StatsLine {
  table: Table;
  row: Row;
  period: Period;
  value: number | null;
}

/** A period for machines: `2019`, or the months of a partial year as an ISO 8601 interval, `2024-01/2024-06`. */
export function periodCode(period: Pick<Period, 'year' | 'throughMonth' | 'partial'>): string {
  return period.partial ? `${period.year}-01/${period.year}-${String(period.throughMonth).padStart(2, '0')}` : String(period.year);
}

/** The unit of a row's values as a word: its own unit, or what its kind implies (`euro`, `%`, `scala 1-5`). */
export function rowUnit(row: Pick<Row, 'unit' | 'kind' | 'scale'>): string {
  if (row.unit !== undefined) return row.unit;
  if (row.kind === 'euro') return 'euro';
  if (row.kind === 'percent') return '%';
  if (row.kind === 'rating' && row.scale) return `scala ${row.scale.min}-${row.scale.max}`;
  return '';
}

const STATS_COLUMNS: readonly Column<StatsLine>[] = [
  {
    name: 'tabella',
    type: 'string',
    title: 'Tabella',
    description: 'Identificativo della tabella: organizzazione/tabella, es. anci-toscana/eventi',
    value: (s) => s.table.id,
  },
  {
    name: 'riga',
    type: 'string',
    title: 'Riga',
    description: 'Identificativo della riga nella tabella, es. facebook-post',
    value: (s) => s.row.id,
  },
  {
    name: 'gruppo',
    type: 'string',
    title: 'Gruppo',
    description: 'Gruppo della riga, es. Facebook; vuoto se la riga non ha gruppo',
    value: (s) => (s.row.group === undefined ? null : groupLabel(s.row.group)),
  },
  {
    name: 'periodo',
    type: 'string',
    title: 'Periodo',
    description: 'Anno (2019) oppure, per un periodo parziale, i mesi coperti come intervallo ISO 8601 (2024-01/2024-06)',
    value: (s) => periodCode(s.period),
  },
  {
    name: 'parziale',
    type: 'boolean',
    title: 'Parziale',
    description: "true se il periodo non copre l'anno intero",
    value: (s) => s.period.partial,
  },
  {
    name: 'valore',
    type: 'number',
    title: 'Valore',
    description: 'Valore col punto per i decimali; vuoto se il dato non è disponibile (non zero)',
    value: (s) => s.value,
  },
  {
    name: 'unita',
    type: 'string',
    title: 'Unità',
    description: 'Unità di misura: euro, %, scala 1-5, o quella indicata dalla tabella; vuota per i conteggi',
    value: (s) => rowUnit(s.row),
  },
];

function statsLines(tables: readonly Table[]): StatsLine[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) => table.periods.map((period, index) => ({ table, row, period, value: row.values?.[index] ?? null }))),
  );
}

/** One statistics table as a CSV like the printed table: `riga,gruppo,unita,<periods>`, one line per row. */
export function statsTableCsv(table: Pick<Table, 'periods' | 'rows'>): string {
  return toCsv(
    ['riga', 'gruppo', 'unita', ...table.periods.map((p) => p.shortLabel)],
    table.rows.map((row) => [
      row.label,
      row.group === undefined ? null : groupLabel(row.group),
      rowUnit(row),
      ...table.periods.map((_, index) => row.values?.[index] ?? null),
    ]),
  );
}

/** Each collection as JSON, exactly as `npm run export` writes it: `[file name, content]`. */
export function collectionJson(graph: ContentGraph): [string, string][] {
  return Object.entries(graph).map(([name, items]) => [`${name}.json`, `${JSON.stringify(items, null, 2)}\n`]);
}

/** Title and description of each collection's JSON file, from the content-type registry. */
const JSON_DESCRIPTIONS: ReadonlyMap<string, [string, string]> = new Map(
  CONTENT_TYPES.flatMap((type) => (type.openData ? [[type.name, [type.openData.title, type.openData.description]] as const] : [])),
);

const cache = new WeakMap<ContentGraph, OpenDataFile[]>();

/** Every open-data file of the site, `datapackage.json` last. */
export function openDataFiles(graph: ContentGraph, homepage?: string): OpenDataFile[] {
  const cached = cache.get(graph);
  if (cached) return cached;
  const objectives: ObjectiveLine[] = graph.plans.flatMap((plan) =>
    plan.sections.flatMap((section) => section.objectives.map((objective) => ({ plan, section, objective }))),
  );
  const csv = (name: string, title: string, description: string, file: { content: string; fields: SchemaField[] }): OpenDataFile => ({
    name,
    path: `${name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    title,
    description,
    ...file,
  });
  const files: OpenDataFile[] = [
    csv(
      'schede',
      'Schede di progetti e servizi',
      'Una riga per scheda: tipo, stato, aree, date, importo, finanziamenti, ruolo.',
      csvFile(CARD_COLUMNS, graph.projects),
    ),
    csv(
      'obiettivi',
      'Obiettivi dei piani',
      "Una riga per obiettivo dei piani annuali, con scadenza, ultimo esito e l'obiettivo precedente che prosegue.",
      csvFile(OBJECTIVE_COLUMNS, objectives),
    ),
    csv(
      'statistiche',
      'Statistiche',
      'Tutte le tabelle statistiche in formato lungo: una riga per tabella, riga e periodo.',
      csvFile(STATS_COLUMNS, statsLines(graph.stats)),
    ),
    ...collectionJson(graph).map(([path, content]): OpenDataFile => {
      const name = path.replace(/\.json$/, '');
      const [title, description] = JSON_DESCRIPTIONS.get(name) ?? [name, name];
      return { name, path, format: 'json', mediatype: 'application/json', title, description, content };
    }),
  ];
  files.push({
    name: 'datapackage',
    path: 'datapackage.json',
    format: 'json',
    mediatype: 'application/json',
    title: 'Descrizione dei dati (Data Package)',
    description: 'Descrizione di tutti i file secondo la specifica Frictionless Data Package, con lo schema delle colonne di ogni CSV.',
    content: `${JSON.stringify(dataPackage(files, homepage), null, 2)}\n`,
  });
  cache.set(graph, files);
  return files;
}

/** The Frictionless Data Package descriptor of the files. */
export function dataPackage(files: readonly OpenDataFile[], homepage?: string): Record<string, unknown> {
  return {
    name: 'annuario',
    title: 'Annuario delle associazioni dei Comuni – dati aperti',
    description: 'Attività, piani e statistiche delle associazioni dei Comuni, come pubblicati nei loro documenti.',
    ...(homepage === undefined ? {} : { homepage }),
    licenses: [{ ...LICENCE }],
    resources: files
      .filter((f) => f.name !== 'datapackage')
      .map((f) => ({
        name: f.name,
        path: f.path,
        title: f.title,
        description: f.description,
        format: f.format,
        mediatype: f.mediatype,
        encoding: 'utf-8',
        bytes: byteLength(f.content),
        ...(f.fields ? { profile: 'tabular-data-resource', schema: { fields: f.fields } } : {}),
      })),
  };
}

/** Name of the archive of all the open data, under /dati/. */
export const ARCHIVE_NAME = 'annuario-dati.zip';

/**
 * Every open-data file in one ZIP archive («Scarica tutti i dati»), in a folder named after the
 * archive. The entries carry the publication date (`AAAA-MM-GG`), so the same data give the same
 * bytes whenever they are built.
 */
export function openDataArchive(files: readonly OpenDataFile[], published: string): Uint8Array {
  // The open-data page shows the archive's size and the archive is served too: compressed once.
  const made = archives.get(files);
  if (made?.published === published) return made.bytes;
  const mtime = new Date(`${published}T12:00:00Z`);
  const folder = ARCHIVE_NAME.replace(/\.zip$/, '');
  const parts: Uint8Array[] = [];
  const state: { failure?: Error } = {};
  const zip = new Zip((error, chunk) => {
    if (error) state.failure = error;
    else parts.push(chunk);
  });
  for (const file of files) {
    // Deflated by Node's zlib (native, about 2.5× fflate's JavaScript at 5000 cards), handed to
    // fflate's ZIP writer as an already-compressed entry (its documented ZipInputFile stream).
    const raw = Buffer.from(file.content, 'utf8');
    const entry: ZipInputFile = { filename: `${folder}/${file.path}`, size: raw.length, crc: zlib.crc32(raw), compression: 8, mtime };
    zip.add(entry);
    entry.ondata?.(null, zlib.deflateRawSync(raw, { level: 9 }), true);
  }
  zip.end();
  if (state.failure) throw state.failure;
  const bytes = Buffer.concat(parts);
  archives.set(files, { published, bytes });
  return bytes;
}

const archives = new WeakMap<readonly OpenDataFile[], { published: string; bytes: Uint8Array }>();
