import { describe, expect, test } from 'vitest';
import { decimalCommaList, detectNumberTrap } from '../../src/lib/validate/italian-numbers.ts';
import { closest, closestChoice } from '../../src/lib/validate/schema-introspect.ts';

const STATUSES = ['attivo', 'in-progettazione', 'concluso'];

describe('closestChoice: the allowed value an editor meant, or none', () => {
  test.each([
    ['attivo', 'attivo'],
    ['Attivo', 'attivo'],
    ['in progettazione', 'in-progettazione'],
    ['In_Progettazione', 'in-progettazione'],
    ['conlcuso', 'concluso'],
    ['conclusa', 'concluso'],
    ['attivissimo', 'attivo'],
    ['conclusione', 'concluso'],
    // Not close to any: the list, never a guess that changes the meaning.
    ['chiuso', undefined],
    ['sospeso', undefined],
    ['', undefined],
  ])('%s → %s', (written, expected) => {
    expect(closestChoice(written, STATUSES)).toBe(expected);
  });
});

describe('closest: did-you-mean for keys', () => {
  test.each([
    ['titel', ['title', 'summary'], 'title'],
    ['sumary', ['title', 'summary'], 'summary'],
    ['xyz', ['title', 'summary'], undefined],
  ])('%s in %j → %s', (word, options, expected) => {
    expect(closest(word, options)).toBe(expected);
  });
});

describe('decimalCommaList: a [ ] list with decimal commas, read as meant', () => {
  test.each([
    ['[4,33, 4,5]', [4.33, 4.5]],
    ['[4,33, null, 4,5]', [4.33, null, 4.5]],
    ['[ -1,5, 2 ]', [-1.5, 2]],
    ['[4,33,4,5]', undefined],
    ['[4.33, 4.5]', undefined],
    ['[1, 2, 3]', undefined],
    ['4,33', undefined],
    ['[4,3a, 5]', undefined],
  ])('%s → %j', (raw, expected) => {
    expect(decimalCommaList(raw)).toEqual(expected);
  });
});

describe('detectNumberTrap: numbers written the Italian way', () => {
  test.each([
    ['1.400', 1400, '1400'],
    ['4,5', 4.5, '4.5'],
    ['1.714.067,00 €', 1714067, '1714067.00'],
    ['"€ 12.500"', 12500, '12500'],
  ])('%s → %d (%s)', (raw, value, yaml) => {
    expect(detectNumberTrap(raw)).toMatchObject({ value, yaml });
  });

  test.each(['1400', '4.5', 'testo', '2024-03'])('%s: no trap', (raw) => {
    expect(detectNumberTrap(raw)).toBeNull();
  });
});
