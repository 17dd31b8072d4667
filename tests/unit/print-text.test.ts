/** The print version's HTML made fit for paper (src/lib/site/print-text.ts): links, typography, hyphenation, repeats. */
import { describe, expect, test } from 'vitest';
import { hyphenateItalian, nonBreakingSpaces, printedHref, printHtml, typographicQuotes } from '../../src/lib/site/print-text.ts';

const SHY = '\u00AD';
const NBSP = '\u00A0';

describe('typographicQuotes', () => {
  test.each([
    ["l'associazione", 'l’associazione'],
    ["un po' di tempo", 'un po’ di tempo'],
    ["la 'rivoluzione', dal 2023", 'la ‘rivoluzione’, dal 2023'],
    ['un anno "particolare" dovuto', 'un anno “particolare” dovuto'],
    ['già “curve”', 'già “curve”'],
  ])('%s', (input, expected) => {
    expect(typographicQuotes(input)).toBe(expected);
  });
});

describe('nonBreakingSpaces', () => {
  test.each([
    ['legge n. 239/2004', `legge n.${NBSP}239/2004`],
    ['a p. 12 e art. 5', `a p.${NBSP}12 e art.${NBSP}5`],
    ['il 93 % dei Comuni', `il 93${NBSP}% dei Comuni`],
    ['525.000,00 €', `525.000,00${NBSP}€`],
    ['€ 1.400', `€${NBSP}1.400`],
    ['12 km di costa', `12${NBSP}km di costa`],
    ['Comuni n. e p. senza numero', 'Comuni n. e p. senza numero'],
  ])('%s', (input, expected) => {
    expect(nonBreakingSpaces(input)).toBe(expected);
  });
});

describe('hyphenateItalian', () => {
  test('Italian break points as soft hyphens', () => {
    expect(hyphenateItalian('amministrazione')).toBe(['am', 'mi', 'ni', 'stra', 'zio', 'ne'].join(SHY));
  });
  test.each([
    ['posta@anci.lombardia.it'],
    ['www.anci.lombardia.it'],
    ['239/2004'],
    ['PNRR'],
    ['ATTIVO'],
    ['casa'],
    ['WhatsApp:'],
    ['LinkedIn'],
  ])('%s untouched', (word) => {
    expect(hyphenateItalian(word)).toBe(word);
  });
});

describe('printedHref', () => {
  test.each([
    ['#capitolo-1', undefined, '#capitolo-1'],
    ['https://www.anci.lombardia.it', undefined, 'https://www.anci.lombardia.it'],
    ['mailto:posta@anci.lombardia.it', undefined, 'mailto:posta@anci.lombardia.it'],
    ['/anci-toscana/piani/2018/#obiettivo-x', undefined, null],
    ['/anci-toscana/piani/2018/#obiettivo-x', 'https://annuario.anci.it', 'https://annuario.anci.it/anci-toscana/piani/2018/#obiettivo-x'],
    ['//altro.it/x', 'https://annuario.anci.it', null],
  ])('%s with %s → %s', (href, site, expected) => {
    expect(printedHref(href, site)).toBe(expected);
  });
});

describe('printHtml', () => {
  test('a site link without a public address prints as its words', () => {
    expect(printHtml('<p><a href="/anci-toscana/piani/2018/">Piano</a> e <a href="#a">qui</a></p>')).toBe(
      '<p>Piano e <a href="#a">qui</a></p>',
    );
  });
  test('a site link with a public address points there and is marked as the site', () => {
    expect(printHtml('<p><a href="/x/">Piano</a></p>', { siteUrl: 'https://annuario.anci.it' })).toBe(
      '<p><a href="https://annuario.anci.it/x/" data-print-site="">Piano</a></p>',
    );
  });
  test('the trail link is left off paper', () => {
    expect(printHtml('<li><p>Testo</p><p class="objective__trail"><a href="/obiettivi/">Segui</a></p></li>')).toBe('<li><p>Testo</p></li>');
  });
  test('a short parenthetical never breaks; headings are not hyphenated', () => {
    expect(printHtml('<h2>Amministrazione</h2><p>Roma (MI-LO)</p>')).toBe(
      '<div class="print-keep"><h2>Amministrazione</h2><p>Roma <span class="print-nowrap">(MI-LO)</span></p></div>',
    );
  });
  test('a long paragraph printed twice in a report is printed once', () => {
    const long = 'La nostra attività istituzionale è diventata sempre più itinerante, '.repeat(3).trim();
    const html = printHtml(`<p>${long}</p><h2>Organi</h2><p>${long}</p><p>Nota.</p><p>Nota.</p>`);
    expect(html.match(/<p>/g)).toHaveLength(3);
  });
  test('the organization record gives way to the report page that repeats its paragraph', () => {
    const long =
      'L’Assemblea regionale è l’organo d’indirizzo generale dell’associazione, costituita dai legali rappresentanti dei Comuni associati.';
    const html = printHtml(`<div class="org-governance"><p>${long}</p></div><h2>Assemblea</h2><div class="prose"><p>${long}</p></div>`);
    expect(html.startsWith('<div class="org-governance"></div>')).toBe(true);
    expect(html.match(/<p>/g)).toHaveLength(1);
  });
  test('a heading is boxed with the block after it, also inside the chapter text', () => {
    expect(printHtml('<h3>Soci</h3><p>Testo</p>')).toBe('<div class="print-keep"><h3>Soci</h3><p>Testo</p></div>');
    expect(printHtml('<h2>Nota</h2><div class="prose"><p>Testo</p><p>Poi</p></div>')).toBe(
      '<div class="prose"><div class="print-keep"><h2>Nota</h2><p>Testo</p></div><p>Poi</p></div>',
    );
    expect(printHtml('<h2>Dati</h2><table></table>')).toBe('<h2>Dati</h2><table></table>');
  });
  test('code and scripts are left as they are', () => {
    expect(printHtml('<p><code>l\'id</code></p><script>a = "b";</script>')).toBe('<p><code>l\'id</code></p><script>a = "b";</script>');
  });
});
