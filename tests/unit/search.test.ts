import { describe, expect, test } from 'vitest';
import {
  catalogueLinks,
  decodeEntities,
  excerptSegments,
  isSitePath,
  contentTexts,
  editDistance,
  resultCountText,
  searchFilterValues,
  searchType,
  suggestionCountText,
  suggestionWords,
  suggestQuery,
  wordsOf,
  type SearchStrings,
} from '../../src/lib/site/search.ts';
import { fillTemplate } from '../../src/lib/site/template.ts';

const strings: SearchStrings = {
  countOne: '1 risultato per «{query}»',
  countMany: '{count} risultati per «{query}»',
  none: 'Nessun risultato per «{query}».',
  unavailable: 'Non disponibile',
  suggestionOne: '1 risultato per «{suggestion}» (hai scritto «{query}»)',
  suggestionMany: '{count} risultati per «{suggestion}» (hai scritto «{query}»)',
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

describe('which pages the search indexes, and as what', () => {
  test.each([
    ['/anci-lombardia/attivita/sportello-rifiuti/', 'scheda'],
    ['/anci-toscana/piani/2021/', 'piano'],
    ['/anci-toscana/obiettivi/', 'obiettivi'],
    ['/anci-toscana/statistiche/social/', 'statistiche'],
    ['/anci-lombardia/testi/chi-siamo/', 'testo'],
    ['/anci-lombardia/pubblicazioni/bilancio-sociale-2023/', 'pubblicazione'],
    ['/anci-lombardia/organizzazione/', 'organizzazione'],
    ['/finanziamenti/pnrr/', 'programma'],
    // Lists, facet views, homes and service pages: not indexed.
    ['/', undefined],
    ['/anci-lombardia/', undefined],
    ['/anci-lombardia/attivita/', undefined],
    ['/anci-lombardia/attivita/stato/attivo/', undefined],
    ['/anci-lombardia/attivita/anno/2017/', undefined],
    ['/anci-lombardia/pubblicazioni/', undefined],
    ['/anci-lombardia/piani/', undefined],
    ['/anci-lombardia/statistiche/', undefined],
    ['/anci-toscana/confronto/2018-2021/', undefined],
    ['/anci-toscana/statistiche/social.csv', undefined],
    ['/finanziamenti/', undefined],
    ['/dati/', undefined],
    ['/cerca/', undefined],
    ['/accessibilita/', undefined],
    ['/stampa/anci-lombardia/catalogo-2024/', undefined],
  ])('%s → %s', (pathname, expected) => {
    expect(searchType(pathname)).toBe(expected);
  });
});

describe('the filters of an indexed page', () => {
  test.each([
    [{ tipo: 'Progetti e servizi', organizzazione: 'ANCI Lombardia' }, ['tipo:Progetti e servizi', 'organizzazione:ANCI Lombardia']],
    [{ tipo: 'Programmi di finanziamento', organizzazione: undefined }, ['tipo:Programmi di finanziamento']],
    [{ tipo: 'Testi', organizzazione: 'Comuni, Unioni e Province' }, ['tipo:Testi', 'organizzazione:Comuni, Unioni e Province']],
  ])('%o', (filters, expected) => {
    expect(searchFilterValues(filters)).toEqual(expected);
  });
});

describe('suggestions when a query finds nothing', () => {
  test.each([
    ['giovnai', 'giovani', 1],
    ['giovani', 'giovani', 0],
    ['rifuiti', 'rifiuti', 1],
    ['welfar', 'welfare', 1],
    ['abc', 'abd', 1],
    ['kitten', 'sitting', 3],
  ])('%s ↔ %s: %i', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  test('the distance stops counting past the limit', () => {
    expect(editDistance('formazione', 'rifiuti', 2)).toBe(3);
  });

  test('words: lower case, three letters or more, no bare numbers', () => {
    expect(wordsOf('Il PNRR 2024: più Comuni, ANCI e a.')).toEqual(['pnrr', 'più', 'comuni', 'anci']);
  });

  test('vocabulary: most frequent first, then alphabetical', () => {
    expect(suggestionWords(['giovani giovani lavoro', 'giovani rifiuti lavoro', 'ambiente'])).toEqual([
      'giovani',
      'lavoro',
      'ambiente',
      'rifiuti',
    ]);
  });

  const words = ['comuni', 'giovani', 'servizio', 'civile', 'rifiuti', 'giovane', 'piccoli', 'welfare'];
  test.each([
    ['giovnai', 'giovani'],
    ['servizo civle', 'servizio civile'],
    ['Rifuiti', 'rifiuti'],
    ['piccoli comnui', 'piccoli comuni'],
    ['giovani', undefined],
    ['xyzxyzxyz', undefined],
    ['pnr', undefined],
  ])('%s → %s', (query, expected) => {
    expect(suggestQuery(query, words)).toBe(expected);
  });

  test('the texts of the content, without codes, addresses and notes', () => {
    const content = {
      projects: [
        { id: 'anci-lombardia/x', title: 'Giovani', source: { file: '004_230e.txt' }, areas: [{ id: 'welfare', label: 'Welfare' }] },
      ],
      organizations: [{ website: 'https://example.org', name: { full: 'ANCI Lombardia' } }],
    };
    expect([...contentTexts(content)]).toEqual(['Giovani', 'Welfare', 'ANCI Lombardia']);
  });

  test.each([
    [1, '1 risultato per «giovani» (hai scritto «giovnai»)'],
    [12, '12 risultati per «giovani» (hai scritto «giovnai»)'],
  ])('%i results of the suggestion', (count, expected) => {
    expect(suggestionCountText(strings, count, 'giovnai', 'giovani')).toBe(expected);
  });
});
