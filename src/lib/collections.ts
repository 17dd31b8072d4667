/** Reads every collection once for the pages, as plain `{ id, data }` entries. */
import { getCollection } from 'astro:content';
import { summarizeOrganizations } from './site-data.ts';

export async function loadOrganizationSummaries() {
  const [organizations, projects, plans, stats, reports, pages] = await Promise.all([
    getCollection('organizations'),
    getCollection('projects'),
    getCollection('plans'),
    getCollection('stats'),
    getCollection('reports'),
    getCollection('pages'),
  ]);
  return summarizeOrganizations({ organizations, projects, plans, stats, reports, pages });
}
