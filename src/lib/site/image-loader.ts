/**
 * An Astro content loader for the content's images (card covers, organization logos), so they go
 * through astro:assets and sharp (responsive sizes, AVIF/WebP) like any Astro image. It reads the
 * validated source, and hands Astro each image path relative to the file that names it; the
 * collection's `image()` schema resolves and checks it. Entry ids: `projects:<card id>`,
 * `organizations:<organization id>`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { sourceRoot } from '../source.ts';
import { loadSource, type Entry } from '../validate/load.ts';
import { readHandOver } from './content.ts';

interface WithImage {
  cover?: { src: string; alt: string };
  logo?: { src: string; alt: string };
}

export interface ContentImage {
  id: string;
  filePath: string;
  image: { src: string; alt: string };
}

/** Where each image is named in loaded entries: collection, entry id, the file (absolute) and the image field. */
export function imagesOf(entries: readonly Entry[]): ContentImage[] {
  return entries.flatMap((entry) => {
    const data = entry.data as WithImage;
    const image = entry.collection === 'projects' ? data.cover : entry.collection === 'organizations' ? data.logo : undefined;
    return image ? [{ id: `${entry.collection}:${entry.id}`, filePath: entry.abs, image }] : [];
  });
}

/** The images of a source: from the build's hand-over file when there is one, else by loading the source. */
export function contentImages(root: string): ContentImage[] {
  const handOver = readHandOver();
  if (handOver !== undefined) return (JSON.parse(handOver) as { images: ContentImage[] }).images;
  return imagesOf(loadSource(root).entries);
}

export function contentImageLoader(): Loader {
  return {
    name: 'annuario-images',
    load: async (context) => {
      const { store, config } = context;
      store.clear();
      const siteRoot = fileURLToPath(config.root);
      for (const { id, filePath: abs, image } of contentImages(sourceRoot())) {
        // Astro wants entry paths relative to the project root (a source elsewhere gives `../…`).
        const filePath = path.relative(siteRoot, path.resolve(abs)).split(path.sep).join('/');
        const data = await context.parseData({ id, data: { ...image }, filePath });
        store.set({ id, data, filePath });
      }
    },
  };
}
