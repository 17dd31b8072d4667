/**
 * The editors' JSON Schemas (src/schemas/json/): the committed files are exactly what the zod
 * schemas generate (run `npm run schemi` when this fails), every file is mapped where VS Code
 * reads it, and the Markdown front-matter check VS Code runs (remark-lint-frontmatter-schema,
 * configured in package.json) accepts every real file and names the field of a wrong one.
 */
import fs from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import lintFrontmatter from 'remark-lint-frontmatter-schema';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { EDITOR_SCHEMAS, editorSchemaText } from '../../src/lib/editor-schemas.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(repoRoot, file), 'utf8');

interface RemarkConfig {
  plugins: [string, [string, { schemas: Record<string, string[]> }]];
}
const remarkConfig = (JSON.parse(read('package.json')) as { remarkConfig: RemarkConfig }).remarkConfig;
const frontMatterSchemas = remarkConfig.plugins[1][1].schemas;
const yamlSchemas = (JSON.parse(read('.vscode/settings.json')) as { 'yaml.schemas': Record<string, string> })['yaml.schemas'];

/** Messages of the front-matter check for a Markdown file, as VS Code's remark extension shows them. */
async function frontMatterMessages(file: string, text: string): Promise<string[]> {
  const vfile = new VFile({ path: file, cwd: repoRoot, value: text });
  await unified()
    .use(remarkParse)
    .use(remarkStringify)
    .use(remarkFrontmatter)
    .use(lintFrontmatter, { schemas: frontMatterSchemas })
    .process(vfile);
  return vfile.messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.reason}`);
}

/** Every Markdown file of a content folder, relative to the repository. */
function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(dir, file));
}

describe('committed JSON Schemas', () => {
  test.each(EDITOR_SCHEMAS.map((entry) => [entry.file, entry] as const))('%s is up to date (npm run schemi)', (file, entry) => {
    expect(read(`src/schemas/json/${file}`)).toBe(editorSchemaText(entry));
  });

  test('the folder holds no schema of a type that is gone', () => {
    expect(fs.readdirSync(path.join(repoRoot, 'src/schemas/json')).sort()).toEqual(EDITOR_SCHEMAS.map((entry) => entry.file).sort());
  });

  test.each(EDITOR_SCHEMAS.map((entry) => [entry.file, entry] as const))('%s is mapped for VS Code', (file, entry) => {
    const mapped = entry.frontMatter ? frontMatterSchemas[`./src/schemas/json/${file}`] : [yamlSchemas[`./src/schemas/json/${file}`]];
    expect(mapped?.map((glob) => glob?.replace(/\*\*?\/\*/, '*'))).toEqual([entry.files.replace(/\*\*?\/\*/, '*')]);
  });

  test('descriptions and examples are the Italian ones of the zod schemas', () => {
    const card = JSON.parse(read('src/schemas/json/scheda.schema.json')) as {
      properties: Record<string, { description?: string; examples?: unknown[] }>;
    };
    expect(card.properties['status']).toMatchObject({
      description: 'Stato',
      examples: ['attivo'],
      enum: ['attivo', 'in-progettazione', 'concluso'],
    });
    expect(card.properties['start']?.description).toBe('Data alla precisione stampata: AAAA-MM-GG, AAAA-MM o AAAA');
  });
});

describe('front matter checked in VS Code', () => {
  const files = ['content/projects', 'content/plans', 'content/pages'].flatMap(markdownFiles);

  test('every Markdown file of the example content passes', async () => {
    expect(files.length).toBeGreaterThan(50);
    const problems = await Promise.all(files.map(async (file) => ({ file, messages: await frontMatterMessages(file, read(file)) })));
    expect(problems.filter((p) => p.messages.length > 0)).toEqual([]);
  });

  test.each([
    [
      'a status outside the list',
      'status: attivissimo',
      /^5:9 Must be equal to one of the allowed values: `attivo`, `in-progettazione`, `concluso`/,
    ],
    ['an amount written as text', 'budget: "mille euro"', /^5:9 Must be number/],
    ['an unknown field', 'stato: attivo', /Must NOT have additional properties/],
  ])('a card with %s is marked at its line', async (_what, line, expected) => {
    const text = `---\nkind: progetto\ntitle: Prova\nsummary: Una prova.\n${line}\n${line.startsWith('status') ? '' : 'status: attivo\n'}---\n\nTesto.\n`;
    const messages = await frontMatterMessages('content/projects/anci-prova/prova.md', text);
    expect(messages.some((message) => expected.test(message))).toBe(true);
  });
});
