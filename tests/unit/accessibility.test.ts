/** The accessibility statement from configuration: declared parts, plainly undeclared ones, the validator's warnings. */
import { describe, expect, test } from 'vitest';
import { accessibilityStatement, missingDeclarations } from '../../src/lib/site/accessibility.ts';
import type { AccessibilityConfig } from '../../src/schemas/site.ts';
import { SiteConfigSchema } from '../../src/schemas/site.ts';

const complete: AccessibilityConfig = {
  conformity: 'parzialmente-conforme',
  method: 'autovalutazione',
  nonAccessible: {
    nonCompliance: [{ content: 'Documenti PDF scansionati del 2018', reason: 'immagini di testo', alternative: 'testo su richiesta' }],
    disproportionateBurden: [],
    outOfScope: [],
  },
  feedback: { email: 'accessibilita@anci.example', responsible: 'Mario Rossi, RTD' },
  preparedOn: '2026-09-20',
  reviewedOn: '2026-12-01',
};

describe('what the validator asks for', () => {
  test('a complete statement: nothing', () => {
    expect(missingDeclarations(complete)).toEqual([]);
  });

  test.each([
    [{}, ['conformity', 'method', 'nonAccessible', 'feedback', 'preparedOn']],
    [{ ...complete, conformity: undefined }, ['conformity']],
    [{ ...complete, nonAccessible: { nonCompliance: [] } }, ['nonAccessible']],
    [{ ...complete, feedback: { responsible: 'Mario Rossi' } }, ['feedback']],
    [{ ...complete, feedback: { url: 'https://anci.example/segnala' } }, []],
  ] as [AccessibilityConfig, string[]][])('%o → %o', (config, keys) => {
    expect(missingDeclarations(config).map((m) => m.key)).toEqual(keys);
  });

  test('each warning says what is missing and gives a line to copy', () => {
    const [first] = missingDeclarations(undefined);
    expect(first).toMatchObject({ key: 'conformity', at: [], fix: expect.stringContaining('conformity: parzialmente-conforme') as string });
    expect(first?.message).toContain('stato di conformità');
  });
});

describe('the statement as readers get it', () => {
  test('declared parts are stated', () => {
    const statement = accessibilityStatement(complete);
    expect(statement.conformity).toBe('Il sito è parzialmente conforme ai requisiti, per i contenuti non accessibili elencati di seguito.');
    expect(statement.prepared).toBe('La dichiarazione è stata redatta il 20 settembre 2026.');
    expect(statement.reviewed).toBe("È stata riesaminata l'ultima volta il 1º dicembre 2026.");
    expect(statement.nonAccessible.map((g) => [g.kind, g.items.length, g.text])).toEqual([
      ['nonCompliance', 1, null],
      ['disproportionateBurden', 0, 'Nessuno.'],
      ['outOfScope', 0, 'Nessuno.'],
    ]);
    expect(statement.feedback).toEqual({ email: 'accessibilita@anci.example', url: undefined, responsible: 'Mario Rossi, RTD' });
    expect(statement.feedbackMissing).toBeNull();
  });

  test('undeclared parts say so in words, never a placeholder', () => {
    const statement = accessibilityStatement(undefined);
    const sentences = [
      statement.conformity,
      statement.method,
      statement.prepared,
      statement.feedbackMissing,
      ...statement.nonAccessible.map((g) => g.text),
    ];
    for (const sentence of sentences) {
      expect(sentence).toMatch(/non (?:ha |è )?ancora|Non ancora/);
      expect(sentence).not.toMatch(/\[|\]|completare/i);
    }
  });

  test('the configuration file is closed: an unknown field is refused', () => {
    const result = SiteConfigSchema.safeParse({ accessibility: { conformita: 'conforme' } });
    expect(result.success).toBe(false);
  });
});
