/** The site's pure building blocks: URLs, brand colours, UI strings, sanitized Markdown, home overviews. */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/t.ts';
import { buildContentGraph, type GraphInput } from '../../src/lib/content-graph.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { accessibleBrand, contrastRatio, DEFAULT_BRAND } from '../../src/lib/site/brand.ts';
import { networkOverview, organizationOverview } from '../../src/lib/site/home.ts';
import { localSlug, organizationOf, urls } from '../../src/lib/site/urls.ts';

describe('urls', () => {
  test.each([
    [urls.card('anci-lombardia/sportello-europa'), '/anci-lombardia/attivita/sportello-europa/'],
    [urls.plan('anci-toscana/2021'), '/anci-toscana/piani/2021/'],
    [urls.plan('anci-toscana/2021', 'riforma-cal'), '/anci-toscana/piani/2021/#obiettivo-riforma-cal'],
    [urls.objective('anci-toscana/2018/riforma-cal'), '/anci-toscana/piani/2018/#obiettivo-riforma-cal'],
    [urls.objectives('anci-toscana'), '/anci-toscana/obiettivi/'],
    [urls.objectiveTrail('anci-toscana/2018/riforma-cal'), '/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal'],
    [urls.planComparison('anci-toscana', 2018, 2021), '/anci-toscana/confronto/2018-2021/'],
    [urls.stats('anci-toscana/eventi'), '/anci-toscana/statistiche/eventi/'],
    [urls.statsCsv('anci-toscana/eventi'), '/anci-toscana/statistiche/eventi.csv'],
    [urls.reportPdf('anci-toscana/bilancio'), '/anci-toscana/pubblicazioni/bilancio.pdf'],
    [urls.reportPdf('anci-toscana/bilancio', 'tipografia'), '/anci-toscana/pubblicazioni/bilancio-tipografia.pdf'],
    [urls.organization('anci-toscana'), '/anci-toscana/'],
    [urls.organization('anci-toscana', true), '/'],
    [urls.catalogueFacet('anci-lombardia', 'stato', 'attivo'), '/anci-lombardia/attivita/stato/attivo/'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));

  test.each([
    ['anci-lombardia/sportello', 'anci-lombardia', 'sportello'],
    ['anci-toscana', 'anci-toscana', 'anci-toscana'],
  ])('%s splits into organization and slug', (id, org, slug) => {
    expect(organizationOf(id)).toBe(org);
    expect(localSlug(id)).toBe(slug);
  });
});

describe('accessibleBrand', () => {
  test.each([
    [undefined, DEFAULT_BRAND],
    ['#0066CC', '#0066CC'],
    ['not a colour', DEFAULT_BRAND],
  ])('%s → %s', (input, expected) => expect(accessibleBrand(input)).toBe(expected));

  test.each(['#FFD700', '#7FDBFF', '#00A651', '#E30613', '#FFFFFF'])('%s is darkened to AA contrast with white', (colour) => {
    const safe = accessibleBrand(colour);
    expect(contrastRatio(safe, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  test('contrast of black on white is 21', () => expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5));
});

describe('t', () => {
  test('reads a key and fills placeholders', () => {
    expect(t('nav.catalogue')).toBe('Attività');
    expect(t('organizationHome.membersOf', { of: '1.506' })).toBe('su 1.506');
  });
  test.each([['nope.missing'], ['nav']])('fails loudly on %s', (key) => expect(() => t(key)).toThrow(/non è in src\/i18n\/it.json/));
  test('fails loudly on a missing placeholder value', () => expect(() => t('organizationHome.membersOf', {})).toThrow(/\{of\}/));
  test('without values returns the raw template', () => expect(t('organizationHome.membersOf')).toBe('su {of}'));
});

describe('renderMarkdown', () => {
  test.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src="x" onerror="alert(1)">', 'onerror'],
    ['[clic](javascript:alert(1))', 'javascript:'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'data:'],
    ['<svg onload="alert(1)"><circle /></svg>', 'onload'],
    ['<iframe src="https://example.org"></iframe>', '<iframe'],
    ['<div style="position:fixed">x</div>', 'style='],
    ['<form action="https://evil.example"><input></form>', '<form'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script'],
  ])('removes the payload of %s', (markdown, forbidden) => {
    expect(renderMarkdown(markdown).toLowerCase()).not.toContain(forbidden);
  });

  test('keeps safe markup, tables and links, and marks external links', () => {
    const html = renderMarkdown('# Titolo\n\nTesto con <sup>2</sup> e [ANCI](https://www.anci.it).\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h2>Titolo</h2>');
    expect(html).toContain('<sup>2</sup>');
    expect(html).toContain('<a href="https://www.anci.it" rel="noopener noreferrer">ANCI</a>');
    expect(html).toContain('<th>a</th>');
  });

  test.each([
    [0, '<h1>'],
    [2, '<h3>'],
  ])('shifts headings by %i', (offset, tag) => expect(renderMarkdown('# T', { headingOffset: offset })).toContain(tag));

  test('one body at several levels, in any order (the parsed body is shared)', () => {
    const body = '# Uno\n\n## Due\n\n###### Sei';
    const at = (headingOffset: number) => renderMarkdown(body, { headingOffset });
    expect([at(2), at(0), at(1), at(2)]).toEqual([
      '<h3>Uno</h3>\n<h4>Due</h4>\n<h6>Sei</h6>',
      '<h1>Uno</h1>\n<h2>Due</h2>\n<h6>Sei</h6>',
      '<h2>Uno</h2>\n<h3>Due</h3>\n<h6>Sei</h6>',
      '<h3>Uno</h3>\n<h4>Due</h4>\n<h6>Sei</h6>',
    ]);
  });
});

const org = (id: string, short: string) => ({
  collection: 'organizations',
  id,
  data: { name: { full: `${short} completo`, short }, kind: 'altro' },
});
const card = (id: string, data: Record<string, unknown>): GraphInput => ({
  collection: 'projects',
  id,
  organization: id.split('/')[0],
  data: { kind: 'progetto', summary: 's', areas: [], funding: [], partners: [], related: [], ...data },
});

describe('home overviews', () => {
  const graph = buildContentGraph([
    org('alfa', 'Alfa'),
    org('beta', 'Beta'),
    org('vuota', 'Aaa vuota'),
    { collection: 'funding', id: 'pnrr', data: { id: 'pnrr', label: 'PNRR' } },
    card('alfa/uno', { title: 'Uno', status: 'attivo', start: '2024-02', funding: ['pnrr'] }),
    card('alfa/due', { title: 'Due', status: 'concluso', start: '2019' }),
    card('alfa/tre', { title: 'Tre', status: 'attivo' }),
    card('beta/quattro', { title: 'Quattro', status: 'in-progettazione', start: '2025-01-10', funding: ['pnrr'] }),
  ]);

  test('an organization: cards by status, work in progress newest first, undated last', () => {
    const overview = organizationOverview(graph, 'alfa');
    expect(overview.cards.total).toBe(3);
    expect(overview.cards.byStatus).toEqual([
      { status: 'attivo', count: 2 },
      { status: 'concluso', count: 1 },
    ]);
    expect(overview.cards.recent.map((c) => c.title)).toEqual(['Uno', 'Tre']);
  });

  test('the network: organizations with content as tiles, the others apart, funding across organizations', () => {
    const network = networkOverview(graph);
    expect(network.organizations.map((o) => [o.org.id, o.counts])).toEqual([
      ['alfa', '3 schede'],
      ['beta', '1 scheda'],
    ]);
    expect(network.withoutContent.map((o) => o.org.id)).toEqual(['vuota']);
    expect(network.funding).toEqual([{ programme: { id: 'pnrr', label: 'PNRR' }, cards: 2, organizations: 2 }]);
    expect(network.recent.map((c) => c.title)).toEqual(['Quattro', 'Uno', 'Tre']);
  });
});
