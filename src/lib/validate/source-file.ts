/**
 * Reads a content file the way an editor sees it: as text with lines and columns. YAML is parsed
 * with the `yaml` package (core schema: dates stay strings, so `2025-02-30` is caught rather than
 * rolled into March) keeping every node's position, so each problem points into the file itself.
 */
import fs from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Problem } from './problem.ts';
import { invisibleCharacters } from './invisible-characters.ts';

/** Larger content files are refused: nobody writes a 5 MB card, and parsing it would stall. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SourceText {
  /** Path relative to the source root. */
  rel: string;
  text: string;
}

export interface ParsedSource {
  rel: string;
  /** Full file text (BOM removed). */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML starts in the file (front matter: 1 for the opening `---`). */
  lineOffset: number;
  data: unknown;
  /** Markdown body after the front matter. */
  body?: string;
  /** Line where the body starts. */
  bodyLine?: number;
}

export interface Position {
  line: number;
  column: number;
}

function fileProblem(rel: string, code: string, message: string, fix?: string): Problem {
  return { severity: 'error', file: rel, line: 1, column: 1, field: '', message, fix, code };
}

/**
 * Unsaved files by path relative to the source root (`/`-separated): read in place of the file on
 * disk, or as a new file when there is none. The web editor checks a draft this way without writing it.
 */
export type SourceOverlay = ReadonlyMap<string, string>;

/** Reads a file as UTF-8 text, or explains why it cannot be content. Never throws. */
export function readSourceText(abs: string, rel: string, overlay?: SourceOverlay): SourceText | Problem {
  const draft = overlay?.get(rel);
  if (draft !== undefined) return { rel, text: draft.charCodeAt(0) === 0xfeff ? draft.slice(1) : draft };
  let bytes: Buffer;
  try {
    const stat = fs.statSync(abs);
    if (stat.size > MAX_FILE_BYTES) {
      const mb = (stat.size / 1024 / 1024).toFixed(1).replace('.', ',');
      return fileProblem(
        rel,
        'file-troppo-grande',
        `il file è troppo grande (${mb} MB, il massimo è 5 MB): non sembra un contenuto scritto a mano`,
        'dividi il contenuto in più file o rimuovi il file dalla cartella dei contenuti',
      );
    }
    bytes = fs.readFileSync(abs);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'errore sconosciuto';
    return fileProblem(rel, 'file-illeggibile', `impossibile leggere il file (${reason})`, 'controlla che il file esista e sia leggibile');
  }
  if (bytes.includes(0)) {
    return fileProblem(
      rel,
      'file-binario',
      "il file non è un testo (contiene dati binari): forse è un'immagine o un documento salvato con l'estensione sbagliata",
      'salva il contenuto come testo semplice UTF-8, o sposta il file fuori dalla cartella dei contenuti',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem(
      rel,
      'codifica',
      'il file non è codificato in UTF-8 (forse Windows-1252 o Latin-1): le lettere accentate sarebbero illeggibili',
      "salva il file con la codifica UTF-8 (nell'editor: «Salva con codifica» → UTF-8)",
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { rel, text };
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'in YAML il rientro si fa con gli spazi, non con il tasto Tab',
  BAD_INDENT: 'rientro sbagliato: questa riga non è allineata con le altre dello stesso livello',
  DUPLICATE_KEY: 'questo campo compare due volte nello stesso blocco',
  MULTILINE_IMPLICIT_KEY: 'un campo non può andare a capo prima dei due punti: forse manca una virgoletta di chiusura o un rientro',
  BLOCK_AS_IMPLICIT_KEY: 'struttura non valida: forse manca un rientro o i due punti dopo il nome del campo',
  MISSING_CHAR: 'manca un carattere di chiusura (virgolette, parentesi quadra o graffa)',
  UNEXPECTED_TOKEN: 'carattere inatteso: forse un testo che contiene ": " o inizia con un simbolo va messo tra virgolette',
  BAD_SCALAR_START: 'un testo che inizia con questo simbolo va messo tra virgolette',
  BAD_DQ_ESCAPE: 'sequenza con barra rovesciata non valida dentro le virgolette doppie',
  BAD_ALIAS: 'alias YAML non valido (i testi che iniziano con * vanno tra virgolette)',
  BAD_DIRECTIVE: 'direttiva YAML non valida',
  BLOCK_IN_FLOW: 'un blocco su più righe non può stare dentro [ ] o { }',
  MISSING_ANCHOR: 'alias YAML senza ancora (i testi che iniziano con * vanno tra virgolette)',
  MULTIPLE_DOCS: 'il file contiene più documenti separati da ---: deve essercene uno solo',
  KEY_OVER_1024_CHARS: 'nome di campo troppo lungo',
  IMPOSSIBLE: 'struttura YAML non valida',
  UNEXPECTED_END: 'il file finisce a metà: forse manca una virgoletta o una parentesi di chiusura',
};

/** Offset of the quote that opens a string still unclosed at `end`, e.g. the `"` of `summary: "Un progetto…`. */
function openingQuote(text: string, end: number, quote: '"' | "'"): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === "'") {
      // Inside '…' a quote is escaped by doubling it.
      if (text[i - 1] !== "'") return i;
      i--;
      continue;
    }
    // Inside "…" a quote is escaped by a backslash (itself escapable).
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return undefined;
}

/** Offset of the `[` or `{` still unclosed at `end`. */
function openingBracket(text: string, end: number, open: '[' | '{', close: ']' | '}'): number | undefined {
  let depth = 0;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return undefined;
}

/** Where a YAML error really is and what to tell the editor: the library points at where it gave up. */
function describeYamlError(error: YAMLError, text: string): { offset: number; message: string; fix: string; newLine?: string } {
  const at = error.pos[0];
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1] as '"' | "'" | undefined;
  if (quote) {
    return {
      offset: openingQuote(text, at, quote) ?? at,
      message: `le virgolette «${quote}» aperte qui non vengono mai chiuse`,
      fix: `aggiungi «${quote}» alla fine del testo, sulla stessa riga`,
    };
  }
  const flow = /Flow (sequence|map) in block collection must be sufficiently indented and end with a ([\]}])/.exec(error.message);
  if (flow) {
    const [open, close] = flow[1] === 'sequence' ? (['[', ']'] as const) : (['{', '}'] as const);
    return {
      offset: openingBracket(text, at, open, close) ?? at,
      message: `la ${flow[1] === 'sequence' ? 'lista' : 'serie di campi'} aperta con «${open}» non viene chiusa`,
      fix: `aggiungi «${close}» alla fine della riga (oppure correggi il rientro della riga seguente)`,
    };
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const rest = line.slice(at - lineStart);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /:(?:\s|$)/.test(rest) && !/^["']/.test(rest)) {
    const newLine = `${line.slice(0, at - lineStart)}${JSON.stringify(rest.trim())}`;
    return {
      offset: at,
      message: 'un testo che contiene «: » (due punti e spazio) va messo tra virgolette',
      fix: newLine.trim(),
      newLine,
    };
  }
  const key = /^\s*(?:- )?([^:]+):/.exec(line)?.[1]?.trim();
  const fixes: Record<string, string> = {
    TAB_AS_INDENT: 'sostituisci i Tab a inizio riga con spazi, allineando la riga alle altre dello stesso livello',
    ...(key === undefined ? {} : { DUPLICATE_KEY: `tieni un solo «${key}»: cancella o rinomina una delle due righe` }),
  };
  return {
    offset: at,
    message: YAML_MESSAGES[error.code] ?? 'struttura non valida',
    fix: fixes[error.code] ?? 'correggi la riga indicata (controlla rientri, due punti e virgolette)',
  };
}

/** Parses YAML text that starts at `lineOffset` lines into the file; YAML errors become problems. */
export function parseYamlText(
  rel: string,
  written: string,
  lineOffset: number,
  writtenFile: string,
): { parsed?: ParsedSource; problems: Problem[] } {
  let text = written;
  let fullText = writtenFile;
  // Look-alike characters first: they are why the YAML below would fail, and cleaned they do not.
  const invisible = invisibleCharacters(rel, text, lineOffset);
  if (invisible.problems.length > 0) {
    const start = fullText.indexOf(text);
    fullText = `${fullText.slice(0, start)}${invisible.cleaned}${fullText.slice(start + text.length)}`;
    text = invisible.cleaned;
  }
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch {
    // The parser recurses once per level: thousands of nested brackets exhaust the stack.
    return {
      problems: [
        ...invisible.problems,
        fileProblem(
          rel,
          'yaml',
          'errore di sintassi YAML: struttura annidata troppo in profondità',
          'controlla parentesi e rientri del file',
        ),
      ],
    };
  }
  const problems: Problem[] = [...invisible.problems];
  // Only the first syntax error: the ones after it are usually its consequences (a bad indent
  // makes the next line "a sequence item without -"), and their messages would mislead.
  const error = doc.errors[0];
  if (error) {
    const { offset, message, fix, newLine } = describeYamlError(error, text);
    const pos = lineCounter.linePos(offset);
    const lineText = text.split(/\r?\n/)[pos.line - 1] ?? '';
    problems.push({
      severity: 'error',
      file: rel,
      line: pos.line + lineOffset,
      column: pos.col,
      field: '',
      message: `errore di sintassi YAML: ${message}`,
      found: lineText.trim() === '' ? undefined : lineText.trim().slice(0, 80),
      fix,
      edit: newLine === undefined ? undefined : { line: pos.line + lineOffset, replace: newLine },
      code: 'yaml',
    });
  }
  if (error) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return {
      problems: [
        ...invisible.problems,
        fileProblem(
          rel,
          'yaml',
          'errore di sintassi YAML: troppi alias o riferimenti circolari',
          'rimuovi gli alias (&nome / *nome) dal file',
        ),
      ],
    };
  }
  return { parsed: { rel, text: fullText, doc, lineCounter, lineOffset, data }, problems };
}

/** A front matter: `---`, the YAML (group 1), `---`, at the top of a Markdown file. */
export const FRONT_MATTER_RE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** Splits a Markdown file into front matter (parsed) and body. */
export function parseMarkdownSource(source: SourceText): { parsed?: ParsedSource; problems: Problem[] } {
  const { rel, text } = source;
  const match = text.startsWith('---') ? FRONT_MATTER_RE.exec(text) : null;
  if (!match && /^---[ \t]*\r?\n/.test(text)) {
    return {
      problems: [
        fileProblem(
          rel,
          'intestazione-mancante',
          "l'intestazione (front matter) si apre con «---» alla riga 1 ma non viene mai chiusa: manca un'altra riga «---» dopo i campi",
          "aggiungi una riga «---» dopo l'ultimo campo, prima del testo",
        ),
      ],
    };
  }
  if (!match || match.index !== 0) {
    return {
      problems: [
        fileProblem(
          rel,
          'intestazione-mancante',
          "manca l'intestazione (front matter): il file deve iniziare con una riga «---», i campi, e un'altra riga «---»",
          "aggiungi in cima al file una riga «---», poi i campi, uno per riga nella forma «nome: valore» (copiali da un file dello stesso tipo), e un'altra riga «---»",
        ),
      ],
    };
  }
  const yamlText = match[1] ?? '';
  const result = parseYamlText(rel, yamlText, 1, text);
  if (result.parsed) {
    result.parsed.body = text.slice(match[0].length);
    result.parsed.bodyLine = match[0].split(/\n/).length;
  }
  return result;
}

export function parseYamlSource(source: SourceText): { parsed?: ParsedSource; problems: Problem[] } {
  return parseYamlText(source.rel, source.text, 0, source.text);
}

/** The node at `path`, or the deepest existing ancestor (then `exact` is false), and the key node of the last step. */
export function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[]): { node: Node | null; key: Node | null; exact: boolean } {
  let current: unknown = doc.contents;
  let key: Node | null = null;
  for (const seg of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(seg));
      if (!pair) return { node: current, key, exact: false };
      key = isScalar(pair.key) ? pair.key : null;
      current = pair.value ?? pair.key;
    } else if (isSeq(current) && typeof seg === 'number') {
      const item = current.items[seg];
      if (item === undefined) return { node: current, key, exact: false };
      key = null;
      current = item;
    } else {
      return { node: (current as Node | null) ?? null, key, exact: false };
    }
  }
  return { node: (current as Node | null) ?? null, key, exact: true };
}

export function positionOf(parsed: ParsedSource, offset: number | undefined): Position {
  if (offset === undefined) return { line: 1 + parsed.lineOffset, column: 1 };
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line + parsed.lineOffset, column: pos.col };
}

/** Source text of a node as written in the file (first line, trimmed to 80 characters). */
export function sourceOf(parsed: ParsedSource, node: Node | null): string | undefined {
  const src = nodeSource(parsed, node);
  if (src === undefined) return undefined;
  const firstLine = src.split(/\r?\n/)[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
}

/** Raw text of a node. Offsets are into the YAML text, which starts after `lineOffset` lines. */
export function nodeSource(parsed: ParsedSource, node: Node | null): string | undefined {
  if (!node?.range) return undefined;
  const yamlStart = yamlStartOffset(parsed);
  return parsed.text.slice(yamlStart + node.range[0], yamlStart + node.range[1]).trim();
}

function yamlStartOffset(parsed: ParsedSource): number {
  if (parsed.lineOffset === 0) return 0;
  let offset = 0;
  for (let i = 0; i < parsed.lineOffset; i++) offset = parsed.text.indexOf('\n', offset) + 1;
  return offset;
}
