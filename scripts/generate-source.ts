/** `npm run generate -- --schede 1000 --out <cartella>`: a synthetic content source for benchmarks and trials. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMain } from './lib/cli.ts';
import { writeSyntheticSource } from './lib/synthetic-source.ts';

const HELP = `Uso: npm run generate -- --schede <N> --out <cartella> [--organizzazioni 3] [--seme 42]

Scrive una cartella di contenuti sintetici nella struttura reale (content/ e data/): N schede,
piani annuali con obiettivi ripresi di anno in anno, tabelle statistiche, un catalogo per
organizzazione. Usala con ANNUARIO_SOURCE=<cartella> npm run build.`;

runMain(() => {
  const { values } = parseArgs({
    options: {
      schede: { type: 'string' },
      out: { type: 'string' },
      organizzazioni: { type: 'string', default: '3' },
      seme: { type: 'string', default: '42' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const cards = Number(values.schede);
  if (!values.out || !Number.isInteger(cards) || cards < 1) {
    console.error('Indica --schede (un numero intero positivo) e --out (la cartella da scrivere).\n');
    console.error(HELP);
    return 1;
  }
  const count = writeSyntheticSource(path.resolve(values.out), {
    cards,
    organizations: Number(values.organizzazioni),
    seed: Number(values.seme),
  });
  console.log(`Scritti ${count} file in ${values.out}/ (${cards} schede).`);
  return 0;
});
