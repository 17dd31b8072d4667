import { describe, expect, test } from 'vitest';
import { feedbackContacts } from '../../src/lib/site/accessibility.ts';
import { robotsTxt } from '../../src/lib/site/robots.ts';

describe('robots.txt', () => {
  test.each([
    [new URL('https://annuario.test'), 'User-agent: *\nAllow: /\n\nSitemap: https://annuario.test/sitemap-index.xml\n'],
    [
      new URL('https://www.anci.example/annuario/'),
      'User-agent: *\nAllow: /\n\nSitemap: https://www.anci.example/annuario/sitemap-index.xml\n',
    ],
    [undefined, 'User-agent: *\nAllow: /\n'],
  ])('%s', (site, expected) => {
    expect(robotsTxt(site)).toBe(expected);
  });

  test('the sitemap under the sub-path the site is built for', () => {
    expect(robotsTxt(new URL('https://annuario.test'), '/annuario/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://annuario.test/annuario/sitemap-index.xml\n',
    );
  });
});

test('feedback contacts: organizations with a public e-mail, in order', () => {
  expect(
    feedbackContacts([
      { id: 'a', name: { full: 'Associazione A' }, contacts: { email: 'info@a.example' } },
      { id: 'b', name: { full: 'Associazione B' } },
      { id: 'c', name: { full: 'Associazione C' }, contacts: {} },
      { id: 'd', name: { full: 'Associazione D' }, contacts: { email: 'posta@d.example' } },
    ]),
  ).toEqual([
    { name: 'Associazione A', email: 'info@a.example' },
    { name: 'Associazione D', email: 'posta@d.example' },
  ]);
});
