/**
 * Every built page as its readers get it (web pages and the print pages the PDFs are made of):
 * no editors' provenance (file names, internal ids, readings, transcription notes), Italian
 * plurals, dates and brand names written right, and no two words run together.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, inject, test } from 'vitest';

const ELEMENT = 1;
const TEXT = 3;
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'label',
  'mark',
  'q',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
]);

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || !entry.name.endsWith('.html')) return [];
    return [path.join(entry.parentPath, entry.name)];
  });
}

/** The page's text as a reader sees it: block elements on their own lines, inline ones run on. */
function visibleText($: cheerio.CheerioAPI): string {
  const parts: string[] = [];
  const walk = (node: AnyNode): void => {
    if (node.nodeType === TEXT && 'data' in node) parts.push(node.data);
    if (node.nodeType !== ELEMENT || !('name' in node)) return;
    if (['script', 'style', 'template', 'noscript'].includes(node.name)) return;
    const block = !INLINE.has(node.name);
    if (block) parts.push('\n');
    $(node)
      .contents()
      .each((_, child) => walk(child));
    if (block) parts.push('\n');
  };
  $('body').each((_, body) => walk(body));
  return parts.join('').replace(/[ \t]+/g, ' ');
}

/** Inline siblings with no space between them whose texts meet letter to letter or letter to digit. */
function gluedPairs($: cheerio.CheerioAPI): string[] {
  const found: string[] = [];
  const textOf = (node: AnyNode): string => $(node).text();
  $('body *').each((_, parent: Element) => {
    if (['script', 'style', 'template'].includes(parent.name)) return;
    const children = parent.children.filter((c) => c.nodeType === TEXT || ('name' in c && INLINE.has(c.name)));
    for (let i = 1; i < parent.children.length; i += 1) {
      const left = parent.children[i - 1];
      const right = parent.children[i];
      if (!left || !right || !children.includes(left) || !children.includes(right)) continue;
      if (left.nodeType === TEXT && right.nodeType === TEXT) continue;
      const before = textOf(left);
      const after = textOf(right);
      if (/[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(after)) found.push(`${before.slice(-30)}|${after.slice(0, 30)}`);
    }
  });
  return found;
}

const RULES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'nome di un file sorgente', pattern: /\b\d{3}_[0-9a-f]{16}\.txt\b/ },
  { name: 'identificativo interno', pattern: /\((?:obiettivo|scheda|piano|tabella) [a-z0-9-]+\/[^)]*\)|\b[a-z0-9-]+\/\d{4}\/[a-z0-9-]+\b/ },
  {
    name: 'nota di redazione',
    pattern:
      /Letture di valori|Passaggi incerti|indice OCR|testo OCR|non è compilato|Cifra come stampata nel documento|I componenti non sono indicati|non sono leggibili nella fonte|\[Da completare\]/,
  },
  {
    name: 'plurale dopo «1»',
    pattern:
      /(?<![\d.,])\b1 (?:schede|organizzazioni|pubblicazioni|piani|voci|tabelle|obiettivi|risultati|pagine|righe|periodi|programmi|comuni)\b/i,
  },
  {
    name: 'data senza ordinale o elisione',
    pattern:
      /\b(?:dal|al|nel) (?:1|8|11) (?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\b/,
  },
  { name: 'marchio scritto male', pattern: /\b(?:Linkedin|Youtube|Whatsapp|Facebook\.com|Instagram\.com)\b/ },
];

const siteDir = inject('siteDir');
const pages = htmlFiles(siteDir).map((file) => {
  const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
  return { path: `/${path.relative(siteDir, file).split(path.sep).join('/')}`, $, text: visibleText($) };
});

describe('what readers see on every built page', () => {
  test('the site has pages to scan', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  test.each(RULES)('no $name', ({ pattern }) => {
    const hits = pages.flatMap((page) => {
      const match = pattern.exec(page.text);
      return match ? [`${page.path}: «${match[0]}»`] : [];
    });
    expect(hits).toEqual([]);
  });

  test('no two words run together across elements', () => {
    const hits = pages.flatMap((page) => gluedPairs(page.$).map((pair) => `${page.path}: ${pair}`));
    expect(hits).toEqual([]);
  });
});
