/** The open-data files under /dati/: the CSVs, each collection's JSON and datapackage.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteContent, siteContent } from '../../lib/site/content.ts';
import { openDataFiles, type OpenDataFile } from '../../lib/site/open-data.ts';
import { urls } from '../../lib/site/urls.ts';

export const getStaticPaths = (async () => {
  await loadSiteContent();
  return openDataFiles(siteContent(), import.meta.env.SITE ? new URL(urls.openData(), import.meta.env.SITE).href : undefined).map(
    (file) => ({
      params: { file: file.path },
      props: { file },
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: OpenDataFile }> = ({ props }) =>
  new Response(props.file.content, { headers: { 'Content-Type': `${props.file.mediatype}; charset=utf-8` } });
