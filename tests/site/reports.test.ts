/**
 * Plans, organization, texts and report pages on the real content: objectives and their anchors,
 * the thread between plans, governance and membership, report contents and heading order.
 */
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { sectionsWithContent } from '../../src/lib/site/home.ts';
import { localSlug, urls } from '../../src/lib/site/urls.ts';
import { loadSource } from '../../src/lib/validate/load.ts';
import { page, text } from './html.ts';

const content = buildContentGraph(loadSource(process.cwd()).entries);

// Section pages exist only where the organization has content in them (no empty lists).
const organizationPages = content.organizations.flatMap((o) => {
  const sections = sectionsWithContent(content, o.id);
  return [...(sections.has('plans') ? [urls.plans(o.id)] : []), urls.about(o.id), ...(sections.has('reports') ? [urls.reports(o.id)] : [])];
});
const planPages = content.plans.map((p) => urls.plan(p.id));
const textPages = content.pages.map((p) => urls.page(p.id));
const reportPages = content.reports.map((r) => urls.report(r.id));
const allPages = [...organizationPages, ...planPages, ...textPages, ...reportPages];

describe('plan pages', () => {
  const plan2021 = content.plans.find((p) => p.id === 'anci-toscana/2021');
  const $ = page('/anci-toscana/piani/2021/');

  test('the 2021 plan shows its 26 objectives, each at its own anchor', () => {
    const ids = plan2021?.sections.flatMap((s) => s.objectives.map((o) => `obiettivo-${o.id}`)) ?? [];
    expect(ids).toHaveLength(26);
    const shown = $('li.objective')
      .toArray()
      .map((el) => $(el).attr('id'));
    expect(shown).toEqual(ids);
    expect(new Set(shown).size).toBe(26);
  });

  test('the contents list links every section', () => {
    const links = $('nav.plan-toc a')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(links).toHaveLength(plan2021?.sections.length ?? -1);
    for (const href of links) expect($(href)).toHaveLength(1);
  });

  test('the CAL reform of 2021 links back to 2018, and 2018 links forward to it', () => {
    const continues = content.plans
      .flatMap((p) => p.sections.flatMap((s) => s.objectives))
      .find((o) => o.globalId === 'anci-toscana/2021/riforma-cal')?.continues;
    expect(continues).toBe('anci-toscana/2018/riforma-cal');

    const back = $('#obiettivo-riforma-cal');
    expect(text($, '#obiettivo-riforma-cal dl')).toContain('Ripreso da');
    expect(back.find('a').attr('href')).toBe('/anci-toscana/piani/2018/#obiettivo-riforma-cal');
    expect(text($, '#obiettivo-riforma-cal dl')).toContain('entro il primo semestre 2021');

    const $2018 = page('/anci-toscana/piani/2018/');
    const forward = $2018('#obiettivo-riforma-cal');
    expect(forward).toHaveLength(1);
    expect(text($2018, '#obiettivo-riforma-cal dl')).toContain('Prosegue in');
    expect(forward.find('a[href="/anci-toscana/piani/2021/#obiettivo-riforma-cal"]')).toHaveLength(1);
    expect(text($2018, '#obiettivo-riforma-cal dl')).toContain('In corso');
  });

  test('the plans index lists each plan with its counts', () => {
    const $index = page('/anci-toscana/piani/');
    const rows = $index('tbody tr')
      .toArray()
      .map((tr) =>
        $index(tr)
          .find('th, td')
          .toArray()
          .map((c) => $index(c).text().trim()),
      );
    expect(rows).toEqual([
      ['2021', 'Piano attività 2021', String(plan2021?.sections.length), '26'],
      ['2018', 'Priorità politiche 2018', expect.any(String), expect.any(String)],
    ]);
    expect($index('tbody a').first().attr('href')).toBe('/anci-toscana/piani/2021/');
  });
});

describe('organization page', () => {
  const $ = page('/anci-lombardia/organizzazione/');

  test('shows the governance members with their role and office', () => {
    const row = $('tr')
      .toArray()
      .find((tr) => $(tr).find('th[scope=row]').text().trim() === 'Giacomo Ghilardi');
    expect(row).toBeDefined();
    expect($(row).find('td').first().text().trim()).toBe('Vice Presidente Vicario');
    expect($(row).find('td').last().text().trim()).toBe('Sindaco di Cinisello Balsamo');
    expect(text($, 'main')).toContain('Mauro Guerra');
  });

  test('shows the membership figures as the data gives them', () => {
    const figures = $('.figure')
      .toArray()
      .map((f) => $(f).text().replace(/\s+/g, ' ').trim());
    expect(figures).toContain('1.401 Comuni associati');
    expect(figures).toContain('93% dei Comuni del territorio');
  });

  test('links contacts and the related organizations of the source', () => {
    expect($('a[href="mailto:posta@anci.lombardia.it"]').length).toBeGreaterThan(0);
    expect($('main a[href="/ancilab/"]').text()).toBe('AnciLab');
    expect(text($, 'main')).toContain('Dipartimento Città Metropolitana');
    expect(text($, 'main')).toContain('Aree tematiche');
  });
});

describe('report pages', () => {
  test.each(reportPages)('%s: every contents link points at an id of the page', (url) => {
    const $ = page(url);
    const links = $('nav.report-toc a')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href).toMatch(/^#/);
      expect($(`[id="${href.slice(1)}"]`), href).toHaveLength(1);
    }
  });

  const catalogue = content.reports.find((r) => r.id === 'anci-lombardia/catalogo-attivita');
  const cardsChapters = (catalogue?.chapters ?? []).flatMap((c) => (c.type === 'cards' ? [c] : []));

  test.each(cardsChapters.map((c) => [c.id ?? '', c] as const))(
    'catalogue chapter %s lists the cards its filter selects',
    (_id, chapter) => {
      const $ = page(urls.report('anci-lombardia/catalogo-attivita'));
      const expected = content.projects.filter(
        (card) => card.organization.id === 'anci-lombardia' && (chapter.filter.status ?? []).includes(card.status),
      );
      const listed = $(`section[data-chapter="${chapter.id ?? ''}"] li.card-list__item`)
        .toArray()
        .map((li) => $(li).attr('data-card'));
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toHaveLength(expected.length);
      expect(text($, `section[data-chapter="${chapter.id ?? ''}"] .card-list__count`)).toBe(`${expected.length} schede`);
      expect(new Set(listed)).toEqual(new Set(expected.map((c) => c.id)));
      // The printed order comes first.
      expect(listed.slice(0, chapter.order?.length ?? 0)).toEqual((chapter.order ?? []).filter((id) => listed.includes(id)));
      const first = $(`section[data-chapter="${chapter.id ?? ''}"] li.card-list__item`).first();
      expect(first.find('a').attr('href')).toBe(urls.card(listed[0] ?? ''));
    },
  );

  test('the bilancio sociale contains its statistics tables', () => {
    const report = content.reports.find((r) => r.id === 'anci-toscana/bilancio-sociale-2019-2024');
    const tableIds = (report?.chapters ?? []).flatMap((c) => (c.type === 'stats' ? c.tables : []));
    expect(tableIds.length).toBeGreaterThanOrEqual(10);
    const $ = page(urls.report('anci-toscana/bilancio-sociale-2019-2024'));
    // Tables with rows print as data tables; tables with headline figures only print as figures.
    const withRows = tableIds.filter((id) => (content.stats.find((s) => s.id === id)?.rows.length ?? 0) > 0);
    expect($('section.report-chapter--stats table')).toHaveLength(withRows.length);
    const headings = $('section.report-chapter--stats :is(h2, h3, h4)')
      .toArray()
      .map((h) => $(h).text().trim());
    for (const id of tableIds) {
      const table = content.stats.find((s) => s.id === id);
      expect(headings).toContain(table?.title);
    }
    expect(text($, 'main')).toContain('dal 2019 a giugno 2024');
  });

  test('a part heading opens a part before its chapter', () => {
    const $ = page(urls.report('anci-toscana/bilancio-sociale-2019-2024'));
    expect($('h2.report-part#parte-rappresentanza').text().trim()).toBe('Cosa facciamo');
    expect($('h3#rappresentanza').text().trim()).toBe('Rappresentanza');
  });

  test('the plan report shows the plan with its objectives', () => {
    const $ = page(urls.report('anci-toscana/piano-attivita-2021'));
    expect($('li.objective')).toHaveLength(26);
    expect(text($, 'nav.report-toc')).toContain('Piano attività 2021');
  });

  test('the reports index lists every report of the organization', () => {
    const $ = page(urls.reports('anci-toscana'));
    const links = $('main a.tile')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(links.sort()).toEqual(
      content.reports
        .filter((r) => r.organization.id === 'anci-toscana')
        .map((r) => urls.report(r.id))
        .sort(),
    );
  });
});

test('an organization with nothing published has no empty section pages', () => {
  expect(sectionsWithContent(content, 'ifel').size).toBe(0);
  for (const url of [urls.catalogue('ifel'), urls.plans('ifel'), urls.statsIndex('ifel'), urls.reports('ifel')]) {
    expect(() => page(url)).toThrow(/pagina non costruita/);
  }
  expect(page(urls.about('ifel'))('h1').length).toBe(1);
});

describe('text pages', () => {
  test('a letter shows its title, kind, body and signature', () => {
    const $ = page('/anci-lombardia/testi/lettera-presidente/');
    expect(text($, 'h1')).toBe('Presidente');
    expect(text($, 'main')).toContain('Lettera');
    expect(text($, '.signature')).toContain('Mauro Guerra');
    expect($('.prose p').length).toBeGreaterThan(2);
  });
});

describe.each(allPages)('%s', (url) => {
  const $ = page(url);

  test('has one h1 and headings that never skip a level', () => {
    const levels = $('main :is(h1, h2, h3, h4, h5, h6)')
      .toArray()
      .map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `h${levels[i - 1] ?? 0} → h${level}`).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
    });
  });

  test('has breadcrumbs ending with the current page', () => {
    expect($('nav.breadcrumb li').length).toBeGreaterThanOrEqual(2);
    expect($('nav.breadcrumb li').last().find('[aria-current=page]')).toHaveLength(1);
  });

  test('has unique ids', () => {
    const ids = $('[id]')
      .toArray()
      .map((el) => $(el).attr('id'));
    expect(ids.length).toBe(new Set(ids).size);
  });

  test('ships no JavaScript', () => {
    expect($('script[src], script:not([type="application/json"])').length).toBe(0);
  });
});

test('every text of the content has a page', () => {
  expect(textPages).toHaveLength(content.pages.length);
  expect(textPages.every((u) => u.endsWith(`/${localSlug(u.split('/testi/')[1]?.replace(/\/$/, '') ?? '')}/`))).toBe(true);
});
