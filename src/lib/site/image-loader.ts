/**
 * Where the content names its images (card covers, organization logos), for the content loader
 * of images (src/integration/loader.ts), which puts them through astro:assets. Entry ids:
 * `projects:<card id>`, `organizations:<organization id>`.
 */
import type { Entry } from '../validate/load.ts';

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
