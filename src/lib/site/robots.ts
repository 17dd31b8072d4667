/** The site's robots.txt: everything may be crawled; the sitemap index is announced by absolute URL. */
export function robotsTxt(site: URL | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL('sitemap-index.xml', site).href}`);
  return `${lines.join('\n')}\n`;
}
