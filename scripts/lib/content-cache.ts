/**
 * The hand-over between the validation and Astro in `npm run build`: the content graph and the
 * list of content images, written once as JSON, read by src/lib/site/content.ts and the image
 * loader instead of loading the whole source again.
 */
import fs from 'node:fs';
import { buildContentGraph } from '../../src/lib/content-graph.ts';
import { CONTENT_CACHE_ENV } from '../../src/lib/site/content.ts';
import { imagesOf } from '../../src/lib/site/image-loader.ts';
import type { Entry } from '../../src/lib/validate/load.ts';

export { CONTENT_CACHE_ENV };

export function writeContentCache(file: string, entries: readonly Entry[]): void {
  fs.writeFileSync(file, JSON.stringify({ graph: buildContentGraph(entries), images: imagesOf(entries) }));
}
