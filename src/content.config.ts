/**
 * Wires Astro's loaders to the schemas in `src/schemas/`; nothing else happens here.
 *
 * The pages read the content through the validator's own loading (src/lib/site/content.ts), so
 * Astro's collections are here for two things only: the YAML collections give editors JSON
 * Schemas (.astro/collections/*.schema.json, mapped in .vscode/settings.json), and `images`
 * puts content images through astro:assets. Cards, plans and texts (Markdown) are not Astro
 * collections: the glob loader would parse and render every body a second time for nothing.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { FundingProgrammeSchema } from './schemas/funding.ts';
import { OrganizationSchema } from './schemas/organization.ts';
import { ReportSchema } from './schemas/report.ts';
import { StatsTableSchema } from './schemas/stats.ts';
import { contentImageLoader } from './lib/site/image-loader.ts';
import { sourceLayout, sourceRoot } from './lib/source.ts';

const source = sourceLayout(sourceRoot());

export const collections = {
  organizations: defineCollection({ loader: glob({ pattern: '*.yaml', base: source.organizations }), schema: OrganizationSchema }),
  funding: defineCollection({ loader: file(source.funding), schema: FundingProgrammeSchema }),
  stats: defineCollection({ loader: glob({ pattern: '*/*.yaml', base: source.stats }), schema: StatsTableSchema }),
  reports: defineCollection({ loader: glob({ pattern: '*/*.yaml', base: source.reports }), schema: ReportSchema }),
  /** Card covers and organization logos, resolved by Astro's image() for astro:assets. */
  images: defineCollection({ loader: contentImageLoader(), schema: ({ image }) => z.strictObject({ src: image(), alt: z.string() }) }),
};
