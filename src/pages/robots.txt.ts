/** `/robots.txt`, built from `site` in astro.config.mjs (see src/lib/site/robots.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/site/robots.ts';
import { urls } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site, urls.sitemap()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
