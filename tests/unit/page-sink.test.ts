/** The file Astro writes for a page URL, as the build's search index names it (src/integration/page-sink.ts). */
import { describe, expect, test } from 'vitest';
import { builtFile } from '../../src/integration/index.ts';
import { builtPagePath } from '../../src/integration/page-sink.ts';

describe('builtPagePath', () => {
  test.each([
    ['/', '/', 'index.html'],
    ['/anci-toscana/', '/', 'anci-toscana/index.html'],
    ['/anci-toscana/attivita/sportello/', '/', 'anci-toscana/attivita/sportello/index.html'],
    ['/anci-toscana/attivita/sportello', '/', 'anci-toscana/attivita/sportello/index.html'],
    ['/404', '/', '404.html'],
    ['/404.html', '/', '404.html'],
    ['/annuario/', '/annuario/', 'index.html'],
    ['/annuario/anci-toscana/', '/annuario/', 'anci-toscana/index.html'],
    ['/annuario/anci-toscana/', '/annuario', 'anci-toscana/index.html'],
    ['/annuario/404', '/annuario/', '404.html'],
    ['/cerca/', '/', 'cerca/index.html'],
    ['/citt%C3%A0/', '/', 'città/index.html'],
    ['/%E0%A4%A/', '/', '%E0%A4%A/index.html'],
  ])('%s under %s is %s', (pathname, base, expected) => {
    expect(builtPagePath(pathname, base)).toBe(expected);
  });
});

describe('the same name builtFile finds on disk', () => {
  test('for the pages of the example site', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-sink-'));
    try {
      for (const file of ['index.html', '404.html', 'anci-toscana/index.html', 'anci-toscana/attivita/x/index.html']) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), '<html></html>');
      }
      for (const pathname of ['/', '/404', '/anci-toscana/', '/anci-toscana/attivita/x/']) {
        expect(builtPagePath(pathname, '/')).toBe(builtFile(dir, pathname));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
