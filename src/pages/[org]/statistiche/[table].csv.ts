/** A statistics table as CSV, like the printed table: one line per row, one column per period. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteContent, siteContent, type SiteStatsTable } from '../../../lib/site/content.ts';
import { statsTableCsv } from '../../../lib/site/open-data.ts';
import { localSlug } from '../../../lib/site/urls.ts';

export const getStaticPaths = (async () => {
  await loadSiteContent();
  return siteContent()
    .stats.filter((table) => table.rows.length > 0 && table.periods.length > 0)
    .map((table) => ({ params: { org: table.organization.id, table: localSlug(table.id) }, props: { table } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: SiteStatsTable }> = ({ props }) =>
  new Response(statsTableCsv(props.table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
