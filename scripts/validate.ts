/**
 * `npm run validate`: checks all content and prints every problem with file, line, column,
 * field and a fix, in Italian. Exit 1 on errors (and on warnings with --strict).
 */
import { parseArgs } from 'node:util';
import { sourceRoot } from '../src/lib/source.ts';
import { formatProblems, formatProblemsJson, validateSource } from '../src/lib/validate/index.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run validate -- [opzioni]

Controlla tutti i contenuti (content/ e data/, oppure la cartella in ANNUARIO_SOURCE) e stampa
ogni problema con file, riga, colonna, campo e correzione.

Opzioni:
  --strict   anche gli avvisi fanno fallire il controllo (uscita 1)
  --json     stampa i problemi in JSON, per altri strumenti
  --help     questo aiuto`;

runMain(() => {
  const { values } = parseArgs({
    options: {
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const result = validateSource(sourceRoot());
  console.log(values.json ? formatProblemsJson(result.problems) : formatProblems(result.problems));
  return result.errors > 0 || (values.strict && result.warnings > 0) ? 1 : 0;
});
