/**
 * The print version's HTML made fit for paper, once, at build time: links that lead somewhere a
 * reader can go (the public site, or plain text when no public address is configured; never the
 * build machine's server), nothing that only makes sense on screen, Italian typography
 * (typographic apostrophes and quotes, non-breaking spaces where Italian typography wants them)
 * and Italian hyphenation as soft hyphens from the `hyphen` package's Italian patterns (Chromium
 * has no Italian hyphenation dictionary here, so `hyphens: auto` alone leaves justified lines
 * full of gaps). Pure string and tree functions, tested by tests/unit/print-text.test.ts.
 *
 * The tree is htmlparser2's (domhandler), not a spec-exact HTML5 parse (parse5/hast): the input is
 * Astro's own well-formed output, Chromium parses the result again anyway, and at 5000 cards the
 * catalogue's print page is 24 MB, which parse5 took seconds to read and write back.
 */
import { render } from 'dom-serializer';
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import hyphenItalian from 'hyphen/it';

const NBSP = '\u00A0';
const SHY = '\u00AD';

/**
 * Straight quotes made typographic: an apostrophe inside or at the end of a word (`l'anno`,
 * `po'`) becomes ’, an opening quote after a space or bracket becomes ‘ or “, a closing one ’ or ”.
 */
export function typographicQuotes(text: string): string {
  if (!text.includes("'") && !text.includes('"')) return text;
  return text
    .replace(/(?<=\p{L})'/gu, '’')
    .replace(/(^|[\s([{«—–-])'(?=\S)/gu, '$1‘')
    .replace(/'/g, '’')
    .replace(/(^|[\s([{«—–-])"(?=\S)/gu, '$1“')
    .replace(/"/g, '”');
}

/** Abbreviations that stay on the line of the number after them: `n. 239/2004`, `p. 12`, `art. 5`. */
const NUMBER_ABBREVIATIONS = ['n', 'nn', 'p', 'pp', 'art', 'artt', 'cap', 'fig', 'tab', 'vol', 'comma', 'lett'];
const ABBREVIATION_BEFORE_NUMBER = new RegExp(`(?<![\\p{L}])(${NUMBER_ABBREVIATIONS.join('|')})\\.\\s+(?=\\d)`, 'giu');
/** Units written after a number: `93 %`, `12 km`, `525.000,00 €`. */
const NUMBER_BEFORE_UNIT = /(\d)\s+(%|‰|€|km²?|m²|m³|kg|km|cm|mm|mq|ha|kW|MW|GW|kWh|MWh|t)(?![\p{L}\d])/gu;
/** A currency sign before its amount: `€ 1.400`. */
const CURRENCY_BEFORE_NUMBER = /(€|EUR)\s+(?=\d)/g;

/** Non-breaking spaces where Italian typography keeps words together. */
export function nonBreakingSpaces(text: string): string {
  // Each rule needs a digit after a space or before one: most text has none, and the rules'
  // look-behinds cost at every position of a page of thousands of cards.
  if (!/\d/.test(text)) return text;
  let result = text;
  if (/\.\s+\d/.test(result)) result = result.replace(ABBREVIATION_BEFORE_NUMBER, `$1.${NBSP}`);
  if (/\d\s/.test(result)) result = result.replace(NUMBER_BEFORE_UNIT, `$1${NBSP}$2`);
  if (result.includes('€') || result.includes('EUR')) result = result.replace(CURRENCY_BEFORE_NUMBER, `$1${NBSP}`);
  return result;
}

/** Shortest word the patterns hyphenate: shorter ones break badly and gain little. */
const MIN_WORD_LENGTH = 6;
/**
 * A token never hyphenated: an address, a code or a number (`posta@anci.lombardia.it`, `www.x.it`,
 * `239/2004`), a word in capitals (`PNRR`, `ATTIVO`: acronyms and labels printed as such), or a
 * name with a capital inside (`WhatsApp`, `LinkedIn`: brand names, which the Italian patterns
 * would break as Italian words, «Wha-tsApp»).
 */
const NOT_A_WORD = /[@/\\_\d]|^www\.|\.\p{L}{2,}$|:\/\/|^[^\p{Ll}]+$|\p{Ll}\p{Lu}/u;
const hyphenated = new Map<string, string>();
// A CommonJS module: its functions come through the default export.
const { hyphenateSync } = hyphenItalian;

/** Soft hyphens at the Italian patterns' break points, word by word (addresses, codes and numbers untouched). */
export function hyphenateItalian(text: string): string {
  return text.replace(/\S+/g, (token) => {
    if (token.length < MIN_WORD_LENGTH || NOT_A_WORD.test(token)) return token;
    let result = hyphenated.get(token);
    if (result === undefined) {
      result = hyphenateSync(token, { minWordLength: MIN_WORD_LENGTH, hyphenChar: SHY });
      hyphenated.set(token, result);
    }
    return result;
  });
}

/**
 * A short parenthetical that must not break at its hyphen or space: `(MI-LO)`, `(Co-Ge)`. Found
 * in the text and wrapped in a no-wrap span.
 */
const SHORT_PARENTHETICAL = /\([^()\s]{1,12}\)/g;

export interface PrintHtmlOptions {
  /**
   * The public site's address (`https://www.esempio.it`), or undefined: links to the site's own
   * pages then go there; without one, they print as plain text.
   */
  siteUrl?: string | undefined;
}

/** Elements whose text is left as it is: code, scripts, styles, and the printed short addresses. */
const VERBATIM = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'textarea']);
/** Elements whose text is not hyphenated: headings (their text also makes the bookmarks and running heads), the contents, figures in tables. */
const NOT_HYPHENATED = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'th',
  'td',
  'caption',
  'figcaption',
  'nav',
  'a',
  'dt',
  'title',
  'header',
  'aside',
  'address',
]);
/** Parts of shared components that only mean something on screen: the «Segui l'obiettivo negli anni» link. */
const SCREEN_ONLY_CLASSES = ['objective__trail'];

/** An element's classes. */
const NO_CLASSES: readonly string[] = [];
const classesOf = (element: Element): readonly string[] => {
  const value = element.attribs['class'];
  return value === undefined || value === '' ? NO_CLASSES : value.split(/\s+/);
};

/** Where a link of the print page goes on paper: the same anchor, an absolute address, or nowhere (printed as text). */
export function printedHref(href: string, siteUrl: string | undefined): string | null {
  if (href.startsWith('#') || /^(https?:|mailto:|tel:)/i.test(href)) return href;
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  return siteUrl ? new URL(href, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href : null;
}

/** A text node's words in Italian typography; short parentheticals come back as no-wrap spans. */
function typesetText(value: string, hyphenate: boolean): ChildNode[] {
  // Most text nodes of a page are the spaces between its tags.
  if (!/\S/.test(value)) return [new Text(value)];
  const typed = nonBreakingSpaces(typographicQuotes(value));
  const parts: ChildNode[] = [];
  let last = 0;
  const finish = (text: string) => (hyphenate ? hyphenateItalian(text) : text);
  for (const match of typed.matchAll(SHORT_PARENTHETICAL)) {
    if (!/[-\s]/.test(match[0])) continue;
    if (match.index > last) parts.push(new Text(finish(typed.slice(last, match.index))));
    parts.push(new Element('span', { class: 'print-nowrap' }, [new Text(match[0])]));
    last = match.index + match[0].length;
  }
  if (last < typed.length) parts.push(new Text(finish(typed.slice(last))));
  return parts;
}

/**
 * Shortest paragraph checked for repetition. A report that shows the organization's record and a
 * page written from the same source prints some paragraphs twice (the social report's «Chi siamo»
 * and «Organi»: the organization's description and the governance descriptions were taken from
 * the pages the report also prints); short ones (table notes, one-line summaries) may rightly recur.
 */
const MIN_REPEATED_PARAGRAPH = 120;

/** A paragraph's text, whitespace collapsed: read once for the repeats found before and during the transform. */
const paragraphTexts = new WeakMap<Element, string>();
function paragraphText(p: Element): string {
  let text = paragraphTexts.get(p);
  if (text === undefined) {
    text = textOf(p).replace(/\s+/g, ' ').trim();
    paragraphTexts.set(p, text);
  }
  return text;
}

/** The text of a node. */
function textOf(node: ChildNode): string {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element)) return '';
  return node.children.map(textOf).join('');
}

/** Gives `node` these children, with their links to parent and siblings (the serializer reads them in SVG). */
function setChildren(node: ParentNode, children: ChildNode[]): void {
  node.children = children;
  children.forEach((child, i) => {
    child.parent = node;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
}

interface Context extends PrintHtmlOptions {
  /** Paragraphs printed so far (long ones only): a later identical one is left out. */
  seen: Set<string>;
  /** Long paragraphs of the report's own pages: the organization's record gives way to them. */
  pageParagraphs: Set<string>;
  /** True inside the organization's record (profile, governance). */
  inRecord: boolean;
}

/** Components that print the organization's record (shared with the site). */
const RECORD_CLASSES = ['org-profile', 'org-governance'];

/** The long paragraphs outside the organization's record, as printHtml compares them. */
function pageParagraphs(node: ParentNode, found: Set<string>, inRecord = false): Set<string> {
  for (const child of node.children) {
    if (!(child instanceof Element)) continue;
    const record = inRecord || classesOf(child).some((c) => RECORD_CLASSES.includes(c));
    if (child.name === 'p' && !record) {
      const text = paragraphText(child);
      if (text.length >= MIN_REPEATED_PARAGRAPH) found.add(text);
    }
    pageParagraphs(child, found, record);
  }
  return found;
}

function transform(node: ParentNode, options: Context, hyphenate: boolean): void {
  const children: ChildNode[] = [];
  for (const child of node.children) {
    if (child instanceof Text) {
      children.push(...typesetText(child.data, hyphenate));
      continue;
    }
    if (!(child instanceof Element)) {
      children.push(child);
      continue;
    }
    if (classesOf(child).some((c) => SCREEN_ONLY_CLASSES.includes(c))) continue;
    if (child.name === 'p') {
      const text = paragraphText(child);
      if (text.length >= MIN_REPEATED_PARAGRAPH) {
        // The page written for the report keeps the paragraph; the record's copy goes.
        if (options.seen.has(text) || (options.inRecord && options.pageParagraphs.has(text))) continue;
        options.seen.add(text);
      }
    }
    if (VERBATIM.has(child.name) || classesOf(child).includes('print-url')) {
      children.push(child);
      continue;
    }
    const link = child.name === 'a' ? child.attribs['href'] : undefined;
    if (link !== undefined) {
      const href = printedHref(link, options.siteUrl);
      if (href === null) {
        // A link nobody can follow on paper: its words stay, the link goes.
        transform(child, options, false);
        children.push(...child.children);
        continue;
      }
      // A page of the public site: the link works, its long address is not printed after it.
      if (href !== link && !href.startsWith('#')) child.attribs['data-print-site'] = '';
      child.attribs['href'] = href;
    }
    const inRecord = options.inRecord || classesOf(child).some((c) => RECORD_CLASSES.includes(c));
    transform(child, inRecord === options.inRecord ? options : { ...options, inRecord }, hyphenate && !NOT_HYPHENATED.has(child.name));
    children.push(child);
  }
  setChildren(node, children);
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks a heading is kept with: short enough never to fill a page by themselves. */
const KEEPABLE = new Set(['p', 'ul', 'ol', 'dl', 'blockquote']);

const keepBox = (children: ChildNode[]): Element => {
  const box = new Element('div', { class: 'print-keep' });
  setChildren(box, children);
  return box;
};

/**
 * Each heading boxed with the block after it (\`.print-keep\`, not broken across pages), so no page
 * ends with a heading: Paged.js 0.4 does not honour \`break-after: avoid\` when it breaks a page.
 * When the next block is a wrapper (a chapter's \`.prose\`), the heading goes into it, boxed with
 * the wrapper's first block.
 */
function keepHeadingsWithNext(node: ParentNode): void {
  const out: ChildNode[] = [];
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === undefined) continue;
    if (child instanceof Element) keepHeadingsWithNext(child);
    if (!(child instanceof Element) || !HEADINGS.has(child.name)) {
      out.push(child);
      continue;
    }
    let j = i + 1;
    while (children[j] instanceof Text && (children[j] as Text).data.trim() === '') j++;
    const next = children[j];
    if (next instanceof Element && KEEPABLE.has(next.name)) {
      out.push(keepBox([child, next]));
      i = j;
      continue;
    }
    if (next instanceof Element && next.name === 'div' && classesOf(next).includes('prose')) {
      const first = next.children.findIndex((c) => c instanceof Element);
      const firstBlock = next.children[first];
      if (firstBlock instanceof Element && KEEPABLE.has(firstBlock.name)) {
        const inner = [...next.children];
        inner.splice(first, 1, keepBox([child, firstBlock]));
        setChildren(next, inner);
        out.push(next);
        i = j;
        continue;
      }
    }
    out.push(child);
  }
  setChildren(node, out);
}

/** The print page's body HTML fit for paper (see the module comment). */
export function printHtml(html: string, options: PrintHtmlOptions = {}): string {
  const tree = parseDocument(html, { decodeEntities: true });
  transform(tree, { ...options, seen: new Set(), pageParagraphs: pageParagraphs(tree, new Set()), inRecord: false }, true);
  keepHeadingsWithNext(tree);
  return render(tree, { encodeEntities: 'utf8', emptyAttrs: true });
}
