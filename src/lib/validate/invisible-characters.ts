/**
 * Characters Word and web pages leave in pasted text that look like nothing, or like a space or a
 * quote, but change how YAML reads a line: a non-breaking space after `status:` makes the whole
 * line one text, in `120 000` it splits a number, a zero-width space makes `attivo` a different
 * word, curly quotes around a value stay part of it. Each is named, placed and cleaned on the
 * line; the cleaning never changes indentation (one space for one space).
 */
import type { Problem } from './problem.ts';

const NAMES: Record<string, string> = {
  '\u00A0': 'spazio non separabile (U+00A0)',
  '\u202F': 'spazio non separabile stretto (U+202F)',
  '\u2007': 'spazio per cifre (U+2007)',
  '\u2009': 'spazio sottile (U+2009)',
  '\u200B': 'spazio di larghezza zero (U+200B)',
  '\u200C': 'separatore di larghezza zero (U+200C)',
  '\u200D': 'unione di larghezza zero (U+200D)',
  '\u2060': 'unione di parole invisibile (U+2060)',
  '\uFEFF': 'segno BOM (U+FEFF) in mezzo al testo',
  '\u00AD': 'trattino facoltativo invisibile (U+00AD)',
  '\t': 'carattere Tab',
  '“': 'virgolette curve «“ ”»',
  '‘': 'apici curvi «‘ ’»',
};

/** Spaces that look like a space, and characters that look like nothing. */
const SPACE_LIKE = '\u00A0\u202F\u2007\u2009';
// An alternation, not a class: U+200D in a class would join its neighbours.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g;
/** Indentation, list markers and «campo:» with the gap after it: where a look-alike space breaks the structure. */
const HEAD = new RegExp(`^([ \\t${SPACE_LIKE}]*(?:-[ ${SPACE_LIKE}]+)*)((?:[^\\s${SPACE_LIKE}:#"'\\[\\]{},]+:)?)([ \\t${SPACE_LIKE}]*)`);
/** A whole value that is a number with look-alike spaces between thousands: `120 000`, `1 714 067,50`. */
const SPACED_NUMBER = new RegExp(`^[-+]?\\d{1,3}(?:[ ${SPACE_LIKE}]\\d{3})+(?:,\\d+)?\\s*$`);

export interface InvisibleResult {
  /** The YAML text with every reported character cleaned, same line count. */
  cleaned: string;
  problems: Problem[];
}

interface Found {
  char: string;
  /** 1-based column in the line as written. */
  column: number;
}

/** What a line becomes once cleaned, and the characters that made it differ. */
export function cleanLine(line: string): { cleaned: string; found: Found[] } {
  const found: Found[] = [];
  for (const m of line.matchAll(ZERO_WIDTH)) found.push({ char: m[0], column: m.index + 1 });
  const head = HEAD.exec(line);
  const [, indent = '', key = '', gap = ''] = head ?? [];
  const spaceLike = new RegExp(`[${SPACE_LIKE}]`);
  const headText = `${indent}${key}${gap}`;
  [...headText].forEach((c, i) => {
    if (spaceLike.test(c)) found.push({ char: c, column: i + 1 });
  });
  let value = line.slice(headText.length);
  const valueColumn = headText.length + 1;
  const cleanHead = `${indent}${key}${gap}`.replace(new RegExp(`[${SPACE_LIKE}]`, 'g'), ' ').replace(ZERO_WIDTH, '');
  if (SPACED_NUMBER.test(value.replace(ZERO_WIDTH, '')) && spaceLike.test(value)) {
    [...value].forEach((c, i) => {
      if (spaceLike.test(c)) found.push({ char: c, column: valueColumn + i });
    });
    value = value.replace(ZERO_WIDTH, '').replace(new RegExp(`(\\d)[ ${SPACE_LIKE}](?=\\d{3})`, 'g'), '$1');
  } else {
    value = value.replace(ZERO_WIDTH, '');
  }
  // A Tab inside a value (a Tab in the indentation is the YAML parser's to report).
  for (const m of line.slice(headText.length).matchAll(/\t/g)) found.push({ char: '\t', column: valueColumn + m.index });
  value = value.replace(/\t/g, ' ');
  // Curly quotes around a whole value: Word's autocorrect of "…"; YAML would keep them in the text.
  const curly = /^([“‘])(.*)([”’])\s*$/.exec(value);
  if (curly && key !== '' && !/[“”]/.test(curly[2] ?? '')) {
    found.push({ char: curly[1] ?? '“', column: valueColumn });
    value = JSON.stringify(curly[2] ?? '');
  }
  found.sort((a, b) => a.column - b.column);
  return { cleaned: found.length === 0 ? line : `${cleanHead}${value}`, found };
}

/** The line with each invisible character spelt out, e.g. `budget: 120[U+00A0]000`. */
function visible(line: string): string {
  return line.replace(new RegExp(`[${SPACE_LIKE}\t]|${ZERO_WIDTH.source}`, 'g'), (c) =>
    c === '\t' ? '[Tab]' : `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

function describe(found: { char: string; column: number }[], line: number): string {
  const byChar = new Map<string, number[]>();
  for (const f of found) byChar.set(f.char, [...(byChar.get(f.char) ?? []), f.column]);
  return [...byChar]
    .map(
      ([char, columns]) =>
        `${NAMES[char] ?? `carattere U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`} a ${columns.map((c) => `${line}:${c}`).join(', ')}`,
    )
    .join('; ');
}

/**
 * Finds invisible or look-alike characters in YAML text (a whole `.yaml` file or a front matter
 * starting `lineOffset` lines into its file), one problem per line, with the cleaned line as the
 * fix. Tabs in the indentation are left to the YAML parser, whose message covers them.
 */
export function invisibleCharacters(rel: string, text: string, lineOffset: number): InvisibleResult {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  const cleanedLines = lines.map((raw, index) => {
    const eol = raw.endsWith('\r') ? '\r' : '';
    const line = eol ? raw.slice(0, -1) : raw;
    if (/^\s*#/.test(line)) return raw;
    const { cleaned, found } = cleanLine(line);
    if (found.length === 0) return raw;
    const reported = found;
    const lineNo = index + 1 + lineOffset;
    problems.push({
      severity: 'error',
      file: rel,
      line: lineNo,
      column: reported[0]!.column,
      field: '',
      message: `caratteri invisibili o tipografici, di solito incollati da Word: ${describe(reported, lineNo)}. Cambiano il modo in cui il file viene letto`,
      found: visible(line),
      fix: cleaned.trim(),
      edit: { line: lineNo, replace: cleaned },
      code: 'carattere-invisibile',
    });
    return `${cleaned}${eol}`;
  });
  return { cleaned: cleanedLines.join('\n'), problems };
}
