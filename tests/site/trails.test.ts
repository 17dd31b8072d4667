/**
 * Objectives and figures across years on the seed content: the CAL reform as one objective
 * carried from 2018 to 2021, the previous-plan annex, the 2018 → 2021 comparison, the printed
 * figures that differ from their table (552 vs 569) and the year-over-year table, where
 * "gen–giu 2024" is never compared with the whole of 2023.
 */
import { describe, expect, test } from 'vitest';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { objectiveTrails } from '../../src/lib/site/objective-trails.ts';
import { sourceRoot } from '../../src/lib/source.ts';
import { validateSource } from '../../src/lib/validate/index.ts';
import { page, text } from './html.ts';

const graph = buildContentGraph(validateSource(sourceRoot()).loaded.entries);
const trails = objectiveTrails(graph.plans, 'anci-toscana');
const CAL = '#obiettivo-2018-riforma-cal';

describe('/anci-toscana/obiettivi/', () => {
  const $ = page('/anci-toscana/obiettivi/');

  test('one h1, one entry per trail (not per plan occurrence)', () => {
    expect($('h1')).toHaveLength(1);
    expect($('[data-objectives-list] > li')).toHaveLength(trails.length);
    const occurrences = graph.plans.filter((p) => p.id.startsWith('anci-toscana/')).flatMap((p) => p.sections.flatMap((s) => s.objectives));
    expect(trails.length).toBeLessThan(occurrences.length);
    expect(text($, '#objectives-count')).toBe(`${trails.length} obiettivi`);
  });

  test('the CAL reform is one objective, first seen in 2018, carried by 2 plans, in progress as of its latest outcome', () => {
    expect($(CAL)).toHaveLength(1);
    expect($('#obiettivo-2021-riforma-cal')).toHaveLength(0);
    const entry = text($, CAL);
    expect(entry).toContain('Primo anno 2018');
    expect(entry).toContain('2 piani (2018 e 2021)');
    expect(entry).toContain('Esito attuale In corso al 2021');
    expect(entry).toContain('Riteniamo non più rinviabile');
    expect(entry).toContain('Definizione e approvazione da parte del Consiglio regionale della riforma del CAL');
    expect($(`${CAL} a[href="/anci-toscana/piani/2018/#obiettivo-riforma-cal"]`)).toHaveLength(1);
    expect($(`${CAL} a[href="/anci-toscana/piani/2021/#obiettivo-riforma-cal"]`)).toHaveLength(1);
    expect($(CAL).attr('data-stato')).toBe('in-corso');
    expect($(CAL).attr('data-anno')).toBe('2018 2021');
  });

  test('without JavaScript the filters stay hidden and the whole list shows', () => {
    expect($('[data-objectives-filters]').attr('hidden')).toBeDefined();
    expect($('[data-objectives-list] > li[hidden]')).toHaveLength(0);
    expect($('button[data-filter="stato"][data-value="in-corso"]')).toHaveLength(1);
  });
});

describe('plan pages', () => {
  const plan2021 = page('/anci-toscana/piani/2021/');
  const plan2018 = page('/anci-toscana/piani/2018/');

  test('each links the objectives page and the comparison of 2018 and 2021', () => {
    for (const $ of [plan2021, plan2018]) {
      expect($('a[href="/anci-toscana/obiettivi/"]').length).toBeGreaterThan(0);
      expect($('a[href="/anci-toscana/confronto/2018-2021/"]').length).toBeGreaterThan(0);
    }
  });

  test('a carried objective links its trail from both plans', () => {
    expect(plan2021('#obiettivo-riforma-cal a[href="/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal"]')).toHaveLength(1);
    expect(plan2018('#obiettivo-riforma-cal a[href="/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal"]')).toHaveLength(1);
  });

  test('2021 ends with the status of the 2018 objectives; 2018, the first plan, has none', () => {
    expect(plan2021('#piano-precedente').text()).toBe('Stato degli obiettivi del piano precedente');
    const row = plan2021('.previous-plan tbody tr').filter(
      (_, tr) => plan2021(tr).find('a[href="/anci-toscana/piani/2018/#obiettivo-riforma-cal"]').length > 0,
    );
    expect(row).toHaveLength(1);
    expect(row.find('td').eq(0).text()).toContain('In corso');
    expect(row.find('td').eq(1).find('a').attr('href')).toBe('/anci-toscana/piani/2021/#obiettivo-riforma-cal');
    expect(plan2021('.previous-plan tbody tr')).toHaveLength(
      graph.plans.find((p) => p.id === 'anci-toscana/2018')?.sections.flatMap((s) => s.objectives).length ?? -1,
    );
    expect(plan2018('#piano-precedente')).toHaveLength(0);
  });

  test('the plans index links the objectives page and each comparison', () => {
    const $ = page('/anci-toscana/piani/');
    expect($('a[href="/anci-toscana/obiettivi/"]')).toHaveLength(1);
    expect($('a[href="/anci-toscana/confronto/2018-2021/"]')).toHaveLength(1);
  });
});

describe('/anci-toscana/confronto/2018-2021/', () => {
  const $ = page('/anci-toscana/confronto/2018-2021/');

  test('lists the CAL reform as carried over, linked to its trail', () => {
    expect($('h1').text()).toBe('Cosa è cambiato dal 2018 al 2021');
    const carried = $('[data-category="ripresi"]');
    expect(carried.find('a[href="/anci-toscana/piani/2018/#obiettivo-riforma-cal"]')).toHaveLength(1);
    expect(carried.find('a[href="/anci-toscana/obiettivi/#obiettivo-2018-riforma-cal"]')).toHaveLength(1);
    expect($('[data-category="non-ripresi"] a[href="/anci-toscana/piani/2018/#obiettivo-riforma-cal"]')).toHaveLength(0);
  });

  test('every objective of both plans is counted once', () => {
    const count = (id: string) => graph.plans.find((p) => p.id === id)?.sections.flatMap((s) => s.objectives) ?? [];
    const carriedIn2021 = count('anci-toscana/2021').filter((o) => o.continues?.startsWith('anci-toscana/2018/')).length;
    const listed = $('.comparison__list > li').length;
    expect(listed).toBe(count('anci-toscana/2018').length + count('anci-toscana/2021').length - carriedIn2021);
  });

  test('no table has figures for both 2018 and 2021: it promises none and shows no empty figures section', () => {
    expect(text($, '.lead')).not.toMatch(/cifre|statistiche/);
    expect($('#cifre')).toHaveLength(0);
  });
});

describe('declared figures that differ from their table (bilancio sociale)', () => {
  test('the validator warns the editor with both numbers', () => {
    const warnings = validateSource(sourceRoot()).problems.filter((p) => p.file === 'data/stats/anci-toscana/eventi.yaml');
    expect(warnings.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(warnings[0]?.message).toContain('(552)');
    expect(warnings[0]?.message).toContain('= 569');
  });

  test('the statistics page shows both numbers and how the figure is computed', () => {
    const figures = text(page('/anci-toscana/statistiche/eventi/'), '.headline-figures');
    expect(figures).toContain('Il documento dichiara 552; la somma della tabella dà 569.');
    expect(figures).toContain('Somma di «eventi» 2019 – gen–giu 2024, dalla tabella «Eventi».');
  });
});

describe('year-over-year table of the events', () => {
  const $ = page('/anci-toscana/statistiche/eventi/');
  const headers = $('.yoy thead th[scope=col]')
    .toArray()
    .map((th) => $(th).text().replace(/\s+/g, ' ').trim());

  test('is a table of rows × consecutive period pairs, with caption and row headers', () => {
    expect($('.yoy table caption').text()).toBe('Variazioni anno su anno: Eventi');
    expect(
      $('.yoy tbody th[scope=row]')
        .toArray()
        .map((th) => $(th).text()),
    ).toEqual(['eventi', 'partecipanti']);
    expect(headers).toEqual(['2020 su 2019', '2021 su 2020', '2022 su 2021', '2023 su 2022', 'gen–giu 2024 su 2023 non confrontabile']);
  });

  test('shows absolute and percentage changes of whole years', () => {
    const first = $('.yoy tbody tr').first().find('td');
    expect(first.eq(0).text().replace(/\s+/g, ' ').trim()).toBe('−98 −59,8%');
    expect(first.eq(3).text().replace(/\s+/g, ' ').trim()).toBe('+2 +2%');
  });

  test('"gen–giu 2024" is never compared with 2023 as if whole: no number, a reason, always labelled partial', () => {
    $('.yoy tbody tr').each((_, tr) => {
      const cell = $(tr).find('td').last();
      expect(cell.text().trim()).toBe('non confrontabile');
      expect($(`#${cell.attr('aria-describedby') ?? ''}`).text()).toContain('gennaio–giugno 2024 è un periodo parziale');
    });
    expect(text($, '.yoy__notes')).toContain('Periodo parziale: gennaio–giugno 2024.');
    expect(headers.some((h) => /(^|su )2024\b/.test(h))).toBe(false);
  });
});

describe('across organizations: the national P.I.C.C.O.L.I. card', () => {
  test('lists the regional card that takes part, once, and the regional card points back', () => {
    const national = graph.projects.find((c) => c.id === 'anci-nazionale/piccoli');
    // Both cards name each other: the link shows under "related", not again under "relatedBy".
    expect([...(national?.related ?? []), ...(national?.relatedBy ?? [])].map((r) => r.id)).toEqual(['anci-lombardia/piccoli']);
    const $ = page('/anci-nazionale/attivita/piccoli/');
    expect($('main a[href="/anci-lombardia/attivita/piccoli/"]')).toHaveLength(1);
    expect(page('/anci-lombardia/attivita/piccoli/')('main a[href="/anci-nazionale/attivita/piccoli/"]')).toHaveLength(1);
  });
});
