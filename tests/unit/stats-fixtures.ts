/** Statistics tables for unit tests, shaped by the real schema and content graph (as the site gets them). */
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import type { SiteStatsTable } from '../../src/lib/site/content.ts';
import { StatsTableSchema } from '../../src/schemas/stats.ts';

/** A `SiteStatsTable` from raw YAML-like data, e.g. `statsTable('eventi', { title: 'Eventi', … })`. */
export function statsTable(slug: string, data: unknown): SiteStatsTable {
  const graph = buildContentGraph([
    { collection: 'stats', id: `anci-prova/${slug}`, organization: 'anci-prova', data: StatsTableSchema.parse(data) },
  ]);
  const table = graph.stats[0];
  if (!table) throw new Error('no table');
  return table;
}

const SIX_PERIODS = [2019, 2020, 2021, 2022, 2023, { year: 2024, through: '2024-06', label: 'giugno 2024' }];

/** ANCI Toscana's events table: printed headlines (552, 44.850) differ from the row sums (569, 46.715). */
export const eventi = statsTable('eventi', {
  title: 'Eventi',
  periods: SIX_PERIODS,
  rows: [
    { id: 'eventi', label: 'eventi', values: [164, 66, 85, 101, 103, 50] },
    { id: 'partecipanti', label: 'partecipanti', values: [10627, 6956, 7653, 8487, 8520, 4472] },
  ],
  headlines: [
    { id: 'eventi-totali', label: 'eventi', row: 'eventi', compute: 'sum', declared: 552 },
    { id: 'partecipanti-totali', label: 'partecipanti', row: 'partecipanti', compute: 'sum', declared: 44850 },
  ],
  sourceLine: 'Fonte: elaborazione interna',
  notes: ["Per il 2024 si considerano le attività dell'Associazione svolte da gennaio a giugno."],
});

/** Grouped rows with missing values, as in the social-media table. */
export const social = statsTable('social', {
  title: 'La nostra presenza sui social',
  periods: SIX_PERIODS,
  rows: [
    { id: 'facebook-post', group: 'facebook', label: 'post pubblicati', values: [593, 630, 863, 1400, 1450, 815] },
    {
      id: 'facebook-visualizzazioni',
      group: 'facebook',
      label: 'visualizzazioni',
      values: [455658, 3100000, 1749651, 1100000, 1850000, 1020000],
    },
    { id: 'instagram-post', group: 'instagram', label: 'post/stories pubblicati', values: [null, null, 288, 450, 580, 388] },
    { id: 'whatsapp-aggiornamenti', group: 'whatsApp', label: 'aggiornamenti pubblicati', values: [null, null, null, null, null, 36] },
  ],
  headlines: [
    { id: 'ig-media', label: 'post Instagram all’anno', row: 'instagram-post', compute: 'mean', periods: [2019, 2020, 2021, 2022, 2023] },
    { id: 'ig-ultimo', label: 'post Instagram', row: 'instagram-post', compute: 'last' },
    { id: 'fb-crescita', label: 'post Facebook in più', row: 'facebook-post', compute: 'change', periods: [2019, 2023], declared: 857 },
  ],
});

/** Rows of different kinds and units, and a declared-only compact euro figure. */
export const mixed = statsTable('misto', {
  title: 'Formazione e bilancio',
  periods: [2021, 2022, 2023],
  rows: [
    { id: 'ore', label: 'ore di formazione', unit: 'ore', values: [1461, 1734, 1712] },
    { id: 'giornate', label: 'giornate formative', unit: 'giorni', values: [464, 525, 470] },
    { id: 'soddisfazione', label: 'soddisfazione', kind: 'percent', values: [91, 93.5, null] },
    { id: 'spesa', label: 'spesa', kind: 'euro', values: [1200.5, 1300, 1250.25] },
    { id: 'voto', label: 'voto medio', kind: 'rating', scale: { min: 1, max: 5 }, values: [4.2, 4.33, 4.4] },
  ],
  headlines: [
    { id: 'valore', label: 'valore gestito', declared: 8300000, kind: 'euro', display: 'compact' },
    { id: 'voto', label: 'valutazione media', declared: 4.33, kind: 'rating', scale: { min: 1, max: 5 }, description: 'scala 1-5' },
    { id: 'ore-totali', label: 'ore', row: 'ore', compute: 'sum' },
  ],
});
