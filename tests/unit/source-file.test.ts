/**
 * A YAML file the parser gives up on (nesting thousands of levels deep, an alias bomb) is one
 * problem in Italian, after any look-alike characters found before parsing.
 */
import { describe, expect, test } from 'vitest';
import { parseYamlText } from '../../src/lib/validate/source-file.ts';

const FILE = 'data/organizations/anci-prova.yaml';
const deep = `a: ${'['.repeat(5_000)}${']'.repeat(5_000)}`;
const aliases = `a: &a [1, 2]\nb: [${Array.from({ length: 200 }, () => '*a').join(', ')}]\n`;

describe('a YAML file the parser gives up on', () => {
  test('nesting too deep: one problem naming the file', () => {
    const result = parseYamlText(FILE, deep, 0, deep);
    expect(result.parsed).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      file: FILE,
      code: 'yaml',
      message: 'errore di sintassi YAML: struttura annidata troppo in profondità',
    });
  });

  test('too many aliases: one problem naming the file, with the fix', () => {
    const result = parseYamlText(FILE, aliases, 0, aliases);
    expect(result.parsed).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: FILE,
        code: 'yaml',
        message: 'errore di sintassi YAML: troppi alias o riferimenti circolari',
        fix: 'rimuovi gli alias (&nome / *nome) dal file',
      }),
    ]);
  });

  test('the look-alike characters found before parsing come first', () => {
    // A no-break space before the alias bomb: its own problem, then the parser's.
    const text = `nome:\u00a0ANCI\n${aliases}`;
    const result = parseYamlText(FILE, text, 0, text);
    expect(result.problems.map((p) => p.code)).toEqual([expect.not.stringMatching(/^yaml$/) as string, 'yaml']);
  });
});
