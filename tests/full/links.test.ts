/**
 * No broken internal link or anchor anywhere in the built example site (linkinator, offline:
 * it serves the folder itself; links to other sites are not followed).
 */
import { LinkChecker, LinkState } from 'linkinator';
import { describe, expect, inject, test } from 'vitest';

describe('internal links', () => {
  test('every internal link and #anchor resolves', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: inject('siteDir'),
      recurse: true,
      checkFragments: true,
      concurrency: 25,
      // On a busy machine the local server can drop a connection (status 0) for a file that
      // exists; a network error is retried, a 404 is not (linkinator retries only errors).
      retryErrors: true,
      retryErrorsCount: 3,
      // Offline: only the local server's own pages are checked.
      linksToSkip: (link) => Promise.resolve(!/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link)),
    });
    const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (${l.status ?? '?'}) ← ${l.parent ?? ''}`);
    expect(broken).toEqual([]);
    // Each page is reached (links are counted once per target).
    expect(result.links.filter((l) => l.state === LinkState.OK).length).toBeGreaterThan(250);
  });
});
