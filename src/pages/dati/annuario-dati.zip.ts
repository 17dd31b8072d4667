/** «Scarica tutti i dati»: every open-data file in one ZIP archive, made at build time. */
import type { APIRoute } from 'astro';
import { siteContent } from '../../lib/site/content.ts';
import { openDataArchive, openDataFiles } from '../../lib/site/open-data.ts';
import { urls } from '../../lib/site/urls.ts';
import { today } from '../../lib/validate/index.ts';

export const GET: APIRoute = () => {
  const files = openDataFiles(siteContent(), import.meta.env.SITE ? new URL(urls.openData(), import.meta.env.SITE).href : undefined);
  // A copy typed on a plain ArrayBuffer, as Response accepts.
  return new Response(Uint8Array.from(openDataArchive(files, today())), { headers: { 'Content-Type': 'application/zip' } });
};
