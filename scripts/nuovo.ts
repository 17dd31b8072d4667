/**
 * `npm run nuovo -- <tipo> <organizzazione> [identificativo|anno]`: writes a new content file
 * from its template (scripts/templates/), valid as written, and never over an existing one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sourceRoot } from '../src/lib/source.ts';
import { today } from '../src/lib/validate/index.ts';
import { SCAFFOLD_TYPES, scaffold, ScaffoldError } from './lib/scaffold.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run nuovo -- <tipo> <organizzazione> [identificativo | anno]

Crea un nuovo file di contenuto con tutti i campi, già valido, da completare. Non sovrascrive
mai un file che esiste già.

Tipi:
  scheda <org> <identificativo>    scheda di progetto o servizio   content/projects/<org>/<id>.md
  piano <org> <anno>               piano di attività               content/plans/<org>/<anno>.md
  tabella <org> <identificativo>   tabella statistica              data/stats/<org>/<id>.yaml
  pagina <org> <identificativo>    pagina di testo (lettera, nota) content/pages/<org>/<id>.md
  report <org> <identificativo>    pubblicazione (web e PDF)       content/reports/<org>/<id>.yaml
  organizzazione <org>             organizzazione                  data/organizations/<org>.yaml

Esempi:
  npm run nuovo -- scheda anci-lombardia sportello-energia
  npm run nuovo -- piano anci-toscana 2027

Gli identificativi sono in minuscolo con trattini, senza spazi né accenti. I file vanno nella
cartella dei contenuti (quella in ANNUARIO_SOURCE, se impostata). Guida ai campi:
docs/guida-redazione.md

Opzioni:
  --help     questo aiuto`;

runMain(() => {
  const { values, positionals } = parseArgs({ options: { help: { type: 'boolean', default: false } }, allowPositionals: true });
  if (values.help || positionals.length === 0) {
    console.log(HELP);
    return values.help ? 0 : 1;
  }
  let created;
  try {
    created = scaffold(positionals, today());
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`Non creo nulla: ${error.message}\nTipi: ${SCAFFOLD_TYPES.join(', ')}. Aiuto: npm run nuovo -- --help`);
    return 1;
  }
  const root = sourceRoot();
  const target = path.join(root, created.file);
  if (fs.existsSync(target)) {
    console.error(
      `Non creo nulla: ${created.file} esiste già e non lo sovrascrivo. Scegli un altro identificativo, oppure modifica quel file.`,
    );
    return 1;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // 'wx' fails if the file appeared in the meantime: never overwrite.
  fs.writeFileSync(target, created.text, { flag: 'wx' });
  console.log(`Creato ${path.relative(process.cwd(), target)}.\n${created.next.map((line) => `  ${line}`).join('\n')}`);
  return 0;
});
