/**
 * The catalogue's «Scarica l'elenco (CSV)»: the open data's rows (`/dati/schede.csv`) of the
 * cards the reader is looking at, in the order shown. Same columns, same cells, written by the
 * same CSV writer as the open data, so the download is a subset of the published file and
 * never a second format to keep in step. Browser-safe: the parser is loaded only when asked.
 */
import { toCsv } from './csv.ts';
import { urls } from './urls.ts';

/**
 * The rows of a parsed card CSV (header first) whose card page is among `hrefs`, in the order
 * of `hrefs`, as a CSV file. A CSV without an `id` column is not the cards' file: an error.
 */
export function cardRowsCsv(rows: readonly (readonly string[])[], hrefs: readonly string[]): string {
  const [header, ...body] = rows;
  const idColumn = header?.indexOf('id') ?? -1;
  if (!header || idColumn === -1) throw new Error('il file delle schede non ha la colonna id');
  const byHref = new Map(body.map((row) => [urls.card(row[idColumn] ?? ''), row]));
  return toCsv(
    header,
    hrefs.map((href) => byHref.get(href)).filter((row): row is readonly string[] => row !== undefined),
  );
}

/** Parses the open data's card CSV (with or without a byte-order mark) and keeps the rows of `hrefs`. */
export async function csvRowsOfCards(csv: string, hrefs: readonly string[]): Promise<string> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  const rows: string[][] = parse(csv, { bom: true });
  return cardRowsCsv(rows, hrefs);
}
