import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  cards: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${process.env['BENCH_SOURCE'] ?? '.'}/content/projects` }),
    schema: z.object({ title: z.string(), summary: z.string() }).loose(),
  }),
};
