/**
 * `npm run schemi`: rewrites the editors' JSON Schemas in src/schemas/json/ from the zod schemas
 * (see src/lib/editor-schemas.ts). Run it after changing a schema and commit the result; the
 * test tests/unit/editor-schemas.test.ts fails while they differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EDITOR_SCHEMAS, editorSchemaText } from '../src/lib/editor-schemas.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run schemi

Riscrive gli schemi JSON in src/schemas/json/ (uno per tipo di contenuto) a partire dagli schemi
in src/schemas/. VS Code li usa per completare e controllare i campi mentre scrivi (vedi
docs/guida-redazione.md). Dopo averli riscritti, fai il commit dei file cambiati.

Opzioni:
  --help     questo aiuto`;

/** Where the schemas are written: committed, so completion works before any build. */
const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', 'src', 'schemas', 'json');

runMain(() => {
  const { values } = parseArgs({ options: { help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const entry of EDITOR_SCHEMAS) fs.writeFileSync(path.join(SCHEMA_DIR, entry.file), editorSchemaText(entry));
  console.log(`${EDITOR_SCHEMAS.length} schemi scritti in ${path.relative(process.cwd(), SCHEMA_DIR) || '.'}/.`);
  return 0;
});
