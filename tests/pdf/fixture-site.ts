/**
 * The print fixture (tests/fixtures/print/) made into a servable site: the HTML and CSS as
 * committed, the fonts copied from @fontsource, the images drawn with sharp (a photo large
 * enough for 300 dpi at 100 mm, and a small one that is not).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'tests', 'fixtures', 'print');

/** Builds the fixture site into `dir` (emptied first) and returns it. */
export async function buildPrintFixture(dir: string): Promise<string> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(fixture, dir, { recursive: true });
  const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/titillium-web/package.json')), 'files');
  fs.mkdirSync(path.join(dir, 'fonts'));
  for (const weight of [400, 700]) {
    fs.copyFileSync(
      path.join(fonts, `titillium-web-latin-${weight}-normal.woff2`),
      path.join(dir, 'fonts', `titillium-web-${weight}.woff2`),
    );
  }
  fs.copyFileSync(path.join(fonts, 'titillium-web-latin-ext-400-normal.woff2'), path.join(dir, 'fonts', 'titillium-web-400-ext.woff2'));
  fs.mkdirSync(path.join(dir, 'immagini'));
  const image = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 40, g: 110, b: 160 } } }).png();
  // 100 mm wide on paper: 1200 px is 305 dpi, 120 px is 30 dpi.
  await image(1200, 800).toFile(path.join(dir, 'immagini', 'foto.png'));
  await image(120, 80).toFile(path.join(dir, 'immagini', 'piccola.png'));
  return dir;
}
