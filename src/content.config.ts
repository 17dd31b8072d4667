/**
 * Wires Astro's loaders to the content; nothing else happens here.
 *
 * `annuario` holds the validated content graph (src/integration/loader.ts runs the validator's
 * own reading, schemas and cross-file checks); the pages read it through src/lib/site/content.ts.
 * `images` puts the content's images (card covers, organization logos) through astro:assets.
 * The content files are not Astro collections of their own: Astro's glob and file loaders would
 * parse every file a second time, and stop `astro dev` with an English error on a YAML mistake
 * the validator words in Italian.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { annuarioLoader, contentImageLoader } from './integration/loader.ts';

export const collections = {
  annuario: defineCollection({ loader: annuarioLoader() }),
  /** Card covers and organization logos, resolved by Astro's image() for astro:assets. */
  images: defineCollection({ loader: contentImageLoader(), schema: ({ image }) => z.strictObject({ src: image(), alt: z.string() }) }),
};
