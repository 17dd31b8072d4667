/** Wires Astro's loaders to the schemas in `src/schemas/`; nothing else happens here. */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { FundingProgrammeSchema } from './schemas/funding.ts';
import { OrganizationSchema } from './schemas/organization.ts';
import { PageSchema } from './schemas/page.ts';
import { PlanSchema } from './schemas/plan.ts';
import { ProjectSchema } from './schemas/project.ts';
import { ReportSchema } from './schemas/report.ts';
import { StatsTableSchema } from './schemas/stats.ts';
import { contentImageLoader } from './lib/site/image-loader.ts';
import { sourceLayout, sourceRoot } from './lib/source.ts';

const source = sourceLayout(sourceRoot());

export const collections = {
  organizations: defineCollection({ loader: glob({ pattern: '*.yaml', base: source.organizations }), schema: OrganizationSchema }),
  funding: defineCollection({ loader: file(source.funding), schema: FundingProgrammeSchema }),
  stats: defineCollection({ loader: glob({ pattern: '*/*.yaml', base: source.stats }), schema: StatsTableSchema }),
  projects: defineCollection({ loader: glob({ pattern: '*/*.md', base: source.projects }), schema: ProjectSchema }),
  plans: defineCollection({ loader: glob({ pattern: '*/*.md', base: source.plans }), schema: PlanSchema }),
  reports: defineCollection({ loader: glob({ pattern: '*/*.yaml', base: source.reports }), schema: ReportSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*/*.md', base: source.pages }), schema: PageSchema }),
  /** Card covers and organization logos, resolved by Astro's image() for astro:assets. */
  images: defineCollection({ loader: contentImageLoader(), schema: ({ image }) => z.strictObject({ src: image(), alt: z.string() }) }),
};
