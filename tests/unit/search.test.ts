import { describe, expect, test } from 'vitest';
import {
  catalogueLinks,
  decodeEntities,
  excerptSegments,
  isSitePath,
  resultCountText,
  type SearchStrings,
} from '../../src/lib/site/search.ts';
import { fillTemplate } from '../../src/lib/site/template.ts';

const strings: SearchStrings = {
  countOne: '1 risultato per «{query}»',
  countMany: '{count} risultati per «{query}»',
  none: 'Nessun risultato per «{query}».',
  unavailable: 'Non disponibile',
};

describe('result count sentence', () => {
  test.each([
    [0, 'Nessun risultato per «bilancio».'],
    [1, '1 risultato per «bilancio»'],
    [7, '7 risultati per «bilancio»'],
    [1400, '1.400 risultati per «bilancio»'],
  ])('%i → %s', (count, expected) => {
    expect(resultCountText(strings, count, 'bilancio')).toBe(expected);
  });
});

describe('fillTemplate', () => {
  test.each([
    ['Attività di {organization}', { organization: 'ANCI Toscana' }, 'Attività di ANCI Toscana'],
    ['{a} e {b}', { a: '1', b: '2' }, '1 e 2'],
    ['{sconosciuto} resta', {}, '{sconosciuto} resta'],
  ])('%s', (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });
});

describe('excerpt segments: only Pagefind highlights become markup', () => {
  test.each([
    ['plain text', 'Servizi ai comuni', [{ text: 'Servizi ai comuni', marked: false }]],
    [
      'a highlight',
      'Servizi ai <mark>comuni</mark> lombardi',
      [
        { text: 'Servizi ai ', marked: false },
        { text: 'comuni', marked: true },
        { text: ' lombardi', marked: false },
      ],
    ],
    [
      // What Pagefind 1.6 really returns for a page with `<script>` written as text and `R&S`.
      'escaped markup stays text, & stays as it is',
      'Testo con &lt;script&gt;alert(1)&lt;/script&gt; e R&S "sì" <mark>parolachiave.</mark>',
      [
        { text: 'Testo con <script>alert(1)</script> e R&S "sì" ', marked: false },
        { text: 'parolachiave.', marked: true },
      ],
    ],
    [
      'other tags are not kept as markup',
      '<b>grassetto</b> <img src=x onerror=alert(1)>',
      [{ text: '<b>grassetto</b> <img src=x onerror=alert(1)>', marked: false }],
    ],
    ['adjacent highlights merge', '<mark>a</mark><mark>b</mark>', [{ text: 'ab', marked: true }]],
    ['empty', '', []],
  ])('%s', (_name, excerpt, expected) => {
    expect(excerptSegments(excerpt)).toEqual(expected);
  });
});

describe('decodeEntities', () => {
  test.each([
    ['&lt;&gt;&amp;&quot;&apos;', '<>&"\''],
    ['&#39;&#x27;&#X41;', "''A"],
    ['&nbsp;', '\u00a0'],
    ['&sconosciuta; &#0; R&S', '&sconosciuta; &#0; R&S'],
  ])('%s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('isSitePath', () => {
  test.each([
    ['/anci-lombardia/', true],
    ['/', true],
    ['//altro.example/', false],
    ['javascript:alert(1)', false],
    ['https://altro.example/', false],
  ])('%s → %s', (url, expected) => {
    expect(isSitePath(url)).toBe(expected);
  });
});

test('catalogue links only for organizations with cards, in organization order', () => {
  const organizations = [
    { id: 'a', name: { short: 'A' } },
    { id: 'b', name: { short: 'B' } },
    { id: 'c', name: { short: 'C' } },
  ];
  const cards = [{ organization: { id: 'c' } }, { organization: { id: 'a' } }, { organization: { id: 'c' } }];
  expect(catalogueLinks(organizations, cards, (org) => `/${org}/attivita/`)).toEqual([
    { label: 'A', href: '/a/attivita/' },
    { label: 'C', href: '/c/attivita/' },
  ]);
});
