/** The RSS feed of an organization's cards, most recent start first. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { currentYear, feedItems, uiText } from '../../../lib/site/catalogue.ts';
import { siteContent, type SiteOrganization, loadSiteContent } from '../../../lib/site/content.ts';
import { editionYear } from '../../../lib/site/sources.ts';
import { urls } from '../../../lib/site/urls.ts';
import { organizationsWith } from '../../../lib/site/home.ts';

/** RSS links must be absolute: without the site's address (data/site.yaml) there is no feed. */
export async function getStaticPaths() {
  if (!import.meta.env.SITE) return [];
  await loadSiteContent();
  return organizationsWith(siteContent(), 'catalogue').map((org) => ({ params: { org: org.id }, props: { org } }));
}

export function GET(context: APIContext<{ org: SiteOrganization }>) {
  const { org } = context.props;
  const cards = siteContent().projects.filter((p) => p.organization.id === org.id);
  return rss({
    title: uiText('catalogue.feedTitle', { org: org.name.short }),
    description: uiText('catalogue.feedDescription', { org: org.name.full }),
    site: new URL(urls.catalogue(org.id), import.meta.env.SITE).href,
    items: feedItems(cards, editionYear(siteContent().documents, org.id, currentYear())),
    customData: '<language>it-IT</language>',
  });
}
