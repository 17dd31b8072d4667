/**
 * `npm run export -- --out <dir>`: every validated entry, with references resolved and figures
 * computed, as JSON (one file per collection). Refuses to export content with errors; writes
 * into a temporary folder and moves it into place only when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContentGraph } from '../src/lib/content-graph.ts';
import { collectionJson } from '../src/lib/site/open-data.ts';
import { sourceRoot } from '../src/lib/source.ts';
import { formatProblems, validateSource } from '../src/lib/validate/index.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run export -- [--out <cartella>]

Scrive tutti i contenuti validati, con riferimenti risolti e cifre calcolate, come JSON: un file
per collezione (organizations.json, projects.json, plans.json, stats.json, reports.json,
pages.json, funding.json). Predefinita: export/.`;

runMain(() => {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'export' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const validation = validateSource(sourceRoot());
  if (validation.errors > 0) {
    console.error(formatProblems(validation.problems));
    console.error('\nEsportazione interrotta: correggi gli errori qui sopra e riprova.');
    return 1;
  }
  const graph = buildContentGraph(validation.loaded.entries);
  const outDir = path.resolve(values.out);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  try {
    for (const [file, content] of collectionJson(graph)) fs.writeFileSync(path.join(tmpDir, file), content);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(tmpDir, outDir);
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
  const counts = Object.entries(graph)
    .map(([name, items]) => `${name}: ${items.length}`)
    .join(', ');
  console.log(`Esportati in ${path.relative(process.cwd(), outDir) || '.'}/ (${counts}).`);
  return 0;
});
