/**
 * The site's vocabulary (every word of the published content, most frequent first), fetched by
 * the search page only when a query finds nothing, to suggest the word that was meant.
 */
import type { APIRoute } from 'astro';
import { siteContent } from '../../lib/site/content.ts';
import { contentTexts, suggestionWords } from '../../lib/site/search.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(suggestionWords(contentTexts(siteContent()))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
