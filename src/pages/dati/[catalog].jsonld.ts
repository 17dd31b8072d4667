/**
 * The DCAT-AP_IT catalogue of the open data (JSON-LD, `/dati/catalogo.jsonld`), for dati.gov.it and
 * other portals to harvest. Every link in it must be absolute: without the site's address
 * (data/site.yaml) there is no catalogue, rather than one pointing at a placeholder domain.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../i18n/t.ts';
import { loadSiteContent, siteContent } from '../../lib/site/content.ts';
import { catalogContact, catalogPublisher, dcatCatalog } from '../../lib/site/dcat-ap-it.ts';
import { openDataFiles } from '../../lib/site/open-data.ts';
import { siteConfig } from '../../lib/site/site-config.ts';
import { urls } from '../../lib/site/urls.ts';
import { today } from '../../lib/validate/index.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.SITE) return [];
  await loadSiteContent();
  return [{ params: { catalog: 'catalogo' } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = () => {
  const content = siteContent();
  const homepage = new URL(urls.openData(), import.meta.env.SITE).href;
  const publisher = catalogPublisher(content.organizations);
  const catalog = dcatCatalog({
    files: openDataFiles(content, homepage),
    homepage,
    publisher: {
      name: publisher?.name.full ?? t('site.name'),
      ipaCode: publisher?.ipaCode,
      homepage: publisher?.website ?? new URL(publisher ? urls.organization(publisher.id) : urls.home(), import.meta.env.SITE).href,
    },
    contact: catalogContact(siteConfig().openData, publisher),
    modified: today(),
    title: t('openData.title'),
    description: t('openData.lead'),
  });
  return new Response(`${JSON.stringify(catalog, null, 2)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
