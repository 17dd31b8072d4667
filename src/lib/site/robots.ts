/**
 * The site's robots.txt: everything may be crawled; the sitemap index (at `sitemapPath`, under
 * the site's sub-path) is announced by absolute URL, so only when the site has an address.
 */
export function robotsTxt(site: URL | undefined, sitemapPath = '/sitemap-index.xml'): string {
  const lines = ['User-agent: *', 'Allow: /'];
  // Relative to `site`, so an address that carries its own path (`https://ente.it/annuario/`) keeps it.
  if (site) lines.push('', `Sitemap: ${new URL(sitemapPath.replace(/^\/+/, ''), site).href}`);
  return `${lines.join('\n')}\n`;
}
