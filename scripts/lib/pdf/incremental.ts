/**
 * The document information written as a PDF incremental update: the few changed objects (the
 * information dictionary, the catalogue with the language, for the print shop each page with
 * its TrimBox and BleedBox) appended after Chromium's file with a new cross-reference section,
 * instead of parsing and rewriting the whole file with pdf-lib (most of a second for a long
 * report). Everything Chromium wrote (structure tree, bookmarks, fonts) stays byte for byte,
 * except what PDF/UA-1 needs changed: the XMP metadata, each link annotation's description
 * (`/Contents`), and the page content drawn outside the structure tree marked as artifacts
 * (artifacts.ts; the page's content stream is written again under the same object number).
 * It reads the classic cross-reference table Chromium writes; for anything else it answers
 * `undefined` and the caller uses pdf-lib (document.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { markUntaggedAsArtifacts } from './artifacts.ts';
import { PDF_CREATOR, PDF_LANGUAGE, type PdfMetadata } from './document.ts';
import { mergeSplitTables, structKids } from './tables.ts';
import { xmpPacket } from './xmp.ts';

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** Crop marks: standard length, starting at the bleed's edge (outside it) on the trim lines, hairline. */
export const CROP_MARK_MM = 5;
/** The sheet around the bleed, room for the crop marks: the page's MediaBox grows by this on each side. */
export const SLUG_MM = CROP_MARK_MM + 2;

/** The output intent's profile: sRGB IEC 61966-2.1 (Debian's icc-profiles-free, Zlib licence; see sRGB.icc.LICENSE). */
const SRGB_PROFILE = path.join(import.meta.dirname, 'sRGB.icc');

/**
 * The crop marks of a page whose bleed box is `[0 0 width height]` and whose trim box is
 * `bleed` inside it: two lines at each corner, on the trim lines, from the bleed's edge outwards,
 * marked as artifacts. It starts with `Q`: the page's own content is put between `q` (a stream
 * of its own before it) and this, as Chromium leaves its transformation in effect at the end.
 */
export function cropMarks(width: number, height: number, bleed: number): string {
  const length = CROP_MARK_MM * PT_PER_MM;
  const n = (v: number) => Number(v.toFixed(3));
  const line = (x1: number, y1: number, x2: number, y2: number) => `${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l`;
  const lines: string[] = [];
  for (const x of [bleed, width - bleed]) {
    lines.push(line(x, 0, x, -length), line(x, height, x, height + length));
  }
  for (const y of [bleed, height - bleed]) {
    lines.push(line(0, y, -length, y), line(width, y, width + length, y));
  }
  return `Q\n/Artifact BMC\nq\n0.25 w\n0 G\n${lines.join('\n')}\nS\nQ\nEMC\n`;
}

/** A parsed single-revision PDF: each object's offset, the catalogue and information dictionary numbers, the file as text. */
interface PdfIndex {
  text: string;
  offsets: Map<number, number>;
  size: number;
  root: number;
  info: number | undefined;
  startxref: number;
  trailer: string;
}

/** Reads the cross-reference table and trailer; `undefined` for xref streams or files already updated. */
function indexPdf(bytes: Uint8Array): PdfIndex | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const at = text.lastIndexOf('startxref');
  const startxref = Number(/^startxref\s+(\d+)/.exec(text.slice(at))?.[1]);
  if (at === -1 || !Number.isInteger(startxref) || !text.startsWith('xref', startxref)) return undefined;
  const trailerAt = text.indexOf('trailer', startxref);
  if (trailerAt === -1) return undefined;
  const offsets = new Map<number, number>();
  const lines = text
    .slice(startxref + 4, trailerAt)
    .trim()
    .split(/\r?\n|\r/);
  for (let i = 0; i < lines.length;) {
    const [first, count] = (lines[i] ?? '').trim().split(/\s+/).map(Number);
    if (first === undefined || count === undefined || !Number.isInteger(first) || !Number.isInteger(count)) return undefined;
    for (let n = 0; n < count; n++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec((lines[i + 1 + n] ?? '').trim());
      if (!entry) return undefined;
      if (entry[3] === 'n') offsets.set(first + n, Number(entry[1]));
    }
    i += 1 + count;
  }
  const trailer = text.slice(trailerAt, at);
  if (/\/Prev\b/.test(trailer)) return undefined;
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = Number(/\/Root\s+(\d+)\s+0\s+R/.exec(trailer)?.[1]);
  const info = /\/Info\s+(\d+)\s+0\s+R/.exec(trailer)?.[1];
  if (!Number.isInteger(size) || !Number.isInteger(root)) return undefined;
  return { text, offsets, size, root, info: info === undefined ? undefined : Number(info), startxref, trailer };
}

/** The dictionary of object `num` as text, `<<` to the matching `>>`, skipping strings. */
export function objectDict(text: string, offset: number): string | undefined {
  const start = text.indexOf('<<', offset);
  const header = text.slice(offset, start);
  if (start === -1 || !/^\s*\d+\s+\d+\s+obj\s*$/.test(header)) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let nested = 0;
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nested++;
        else if (text[i] === ')' && nested-- === 0) break;
      }
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

/** A text string for the information dictionary: UTF-16BE with a byte order mark, in hex. */
export function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A PDF date string (`(D:20261122174500Z)`, Chromium's `(D:20261122174500+00'00')`) as a date; `undefined` if unreadable. */
export function parsePdfDate(value: string): Date | undefined {
  const m = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2})'?)?/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const shift = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  return new Date(utc - shift);
}

/** A date as PDF writes it, in UTC: `D:20261122174500Z`. */
export function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

/** A dictionary without the entries named `keys` whose value is a string, a name, a number list or a reference. */
function withoutKeys(dict: string, keys: readonly string[]): string {
  let out = dict;
  for (const key of keys) {
    out = out.replace(new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f\\s]*>|\\[[^\\]]*\\]|/\\w+|\\d+\\s+\\d+\\s+R|true|false)`, 'g'), '');
  }
  return out;
}

/** A dictionary with `entries` added before its closing `>>`. */
const withEntries = (dict: string, entries: string): string => `${dict.slice(0, -2)}\n${entries}>>`;

/** The page objects in order, each with its MediaBox (inherited from the page tree if need be). */
function pageObjects(index: PdfIndex): { num: number; dict: string; mediaBox: number[] }[] | undefined {
  const catalog = objectDict(index.text, index.offsets.get(index.root) ?? -1);
  const pagesRoot = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  if (!pagesRoot) return undefined;
  const pages: { num: number; dict: string; mediaBox: number[] }[] = [];
  const visit = (num: number, inherited: number[] | undefined, depth: number): boolean => {
    const dict = objectDict(index.text, index.offsets.get(num) ?? -1);
    if (!dict || depth > 32) return false;
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(dict)?.[1]?.trim().split(/\s+/).map(Number) ?? inherited;
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
      return [...kids.matchAll(/(\d+)\s+0\s+R/g)].every((kid) => visit(Number(kid[1]), box, depth + 1));
    }
    if (!box || box.length !== 4 || box.some((n) => !Number.isFinite(n))) return false;
    pages.push({ num, dict, mediaBox: box });
    return true;
  };
  return visit(Number(pagesRoot), undefined, 0) ? pages : undefined;
}

/** Names of the fonts whose program is not in the file (Type 3 fonts are drawn, not embedded). */
function unembeddedFonts(index: PdfIndex): string[] {
  const missing = new Set<string>();
  for (const offset of index.offsets.values()) {
    const head = index.text.slice(offset, offset + 40);
    if (!/^\s*\d+\s+\d+\s+obj\s*<</.test(head)) continue;
    const dict = objectDict(index.text, offset);
    if (!dict || !/\/Type\s*\/Font\b/.test(dict)) continue;
    const subtype = /\/Subtype\s*\/(\w+)/.exec(dict)?.[1] ?? '';
    if (subtype === 'Type0' || subtype === 'Type3') continue;
    const descriptor = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
    const descriptorDict = descriptor ? objectDict(index.text, index.offsets.get(Number(descriptor)) ?? -1) : undefined;
    if (!descriptorDict || !/\/FontFile[23]?\s+\d+\s+0\s+R/.test(descriptorDict)) {
      missing.add((/\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? '?').replace(/^[A-Z]{6}\+/, ''));
    }
  }
  return [...missing];
}

/** The data of the stream object `num`, decompressed when it is Flate-encoded; `undefined` for other filters. */
function streamData(index: PdfIndex, num: number): { dict: string; data: Buffer } | undefined {
  const offset = index.offsets.get(num);
  if (offset === undefined) return undefined;
  const dict = objectDict(index.text, offset);
  if (!dict) return undefined;
  const dictEnd = index.text.indexOf(dict, offset) + dict.length;
  const keyword = /^\s*stream\r?\n/.exec(index.text.slice(dictEnd, dictEnd + 20));
  if (!keyword) return undefined;
  const lengthRef = /\/Length\s+(\d+)\s+0\s+R/.exec(dict)?.[1];
  const length = lengthRef
    ? Number(/^\s*\d+\s+\d+\s+obj\s*(\d+)/.exec(index.text.slice(index.offsets.get(Number(lengthRef)) ?? -1))?.[1])
    : Number(/\/Length\s+(\d+)/.exec(dict)?.[1]);
  if (!Number.isInteger(length)) return undefined;
  const start = dictEnd + keyword[0].length;
  const raw = Buffer.from(index.text.slice(start, start + length), 'latin1');
  const filter = /\/Filter\s*(\/\w+|\[[^\]]*\])/.exec(dict)?.[1]?.replace(/[[\]\s]/g, '');
  if (filter === undefined) return { dict, data: raw };
  if (filter !== '/FlateDecode') return undefined;
  return { dict, data: zlib.inflateSync(raw) };
}

/** A stream object's body: its dictionary (Flate-encoded, with its length) and data. */
function streamObject(entries: string, data: Buffer, compress: boolean): string {
  const body = compress ? zlib.deflateSync(data) : data;
  return `<<${entries}${compress ? '\n/Filter /FlateDecode' : ''}\n/Length ${body.length}>>\nstream\n${body.toString('latin1')}\nendstream`;
}

/** The content streams of a page (its `/Contents`, one reference or an array of them). */
function contentRefs(pageDict: string): number[] {
  const contents = /\/Contents\s*(\d+\s+0\s+R|\[[^\]]*\])/.exec(pageDict)?.[1] ?? '';
  return [...contents.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
}

/** Every structure element's dictionary, by object number. */
function structDicts(index: PdfIndex): Map<number, string> {
  const dicts = new Map<number, string>();
  for (const [num, offset] of index.offsets) {
    if (index.text.slice(offset, offset + 60).indexOf('/StructElem') === -1) continue;
    const dict = objectDict(index.text, offset);
    if (dict) dicts.set(num, dict);
  }
  return dicts;
}

/**
 * `Figure` elements without alternative text that only group other figures which have one (an
 * HTML `<figure>` around an `<img alt>` and its caption): retagged `Div`, so that the image is
 * the figure and its alternative text is read once. A figure with no alternative text below it
 * is left as it is: the checker reports it.
 */
function groupingFigures(dicts: ReadonlyMap<number, string>): Map<number, string> {
  const hasAlt = (dict: string) => /\/(Alt|ActualText)\s*(\(|<)/.test(dict);
  const describedFigureBelow = (num: number, depth: number): boolean =>
    depth < 64 &&
    structKids(dicts.get(num) ?? '').some((kid) => {
      const dict = dicts.get(kid);
      if (!dict) return false;
      return (/\/S\s*\/Figure\b/.test(dict) && hasAlt(dict)) || describedFigureBelow(kid, depth + 1);
    });
  const retagged = new Map<number, string>();
  for (const [num, dict] of dicts) {
    if (/\/S\s*\/Figure\b/.test(dict) && !hasAlt(dict) && describedFigureBelow(num, 0)) {
      retagged.set(num, dict.replace(/\/S\s*\/Figure\b/, '/S /Div'));
    }
  }
  return retagged;
}

/** The key a link annotation is described by: its named destination, or its URI. */
export function linkKey(annotation: string): string | undefined {
  const dest = /\/Dest\s*(\/[^\s/<>[\]()]+|\([^)]*\))/.exec(annotation)?.[1];
  if (dest) return dest.startsWith('/') ? decodeURIComponent(dest.slice(1).replace(/#([0-9A-Fa-f]{2})/g, '%$1')) : dest.slice(1, -1);
  return /\/URI\s*\(([^)]*)\)/.exec(annotation)?.[1];
}

/**
 * Appends the document information (and, with `bleedMm`, each page's TrimBox and BleedBox) to a
 * PDF printed by Chromium. Returns the new file and the names of fonts not embedded, or
 * `undefined` when the file is not the single-revision, classic-xref PDF this expects.
 */
export function appendDocumentInfo(
  bytes: Uint8Array,
  metadata: PdfMetadata,
  options: {
    bleedMm?: number;
    now?: Date;
    /** Each link's description by its key (`linkKey`: the target's id, or the URL), from the page's links. */
    links?: ReadonlyMap<string, string>;
  } = {},
): { bytes: Uint8Array; unembeddedFonts: string[] } | undefined {
  const index = indexPdf(bytes);
  if (!index) return undefined;
  const now = options.now ?? new Date();
  const catalog = objectDict(index.text, index.offsets.get(index.root) ?? -1);
  if (!catalog) return undefined;
  const objects = new Map<number, string>();

  const oldInfo = index.info === undefined ? undefined : objectDict(index.text, index.offsets.get(index.info) ?? -1);
  const created = oldInfo && /\/CreationDate\s*(\([^)]*\))/.exec(oldInfo)?.[1];
  const info = [
    `/Title ${pdfTextString(metadata.title)}`,
    `/Author ${pdfTextString(metadata.author)}`,
    `/Subject ${pdfTextString(metadata.subject)}`,
    // Commas keep multi-word keywords (`ANCI Lombardia`) apart, as with pdf-lib before.
    ...(metadata.keywords && metadata.keywords.length > 0 ? [`/Keywords ${pdfTextString(metadata.keywords.join(', '))}`] : []),
    `/Creator ${pdfTextString(PDF_CREATOR)}`,
    `/Producer ${pdfTextString(`${PDF_CREATOR} (Chromium, Paged.js)`)}`,
    `/CreationDate ${created ?? pdfDate(now)}`,
    `/ModDate ${pdfDate(now)}`,
  ];
  let next = index.size;
  const infoNum = index.info ?? next++;
  objects.set(infoNum, `<<${info.join('\n')}>>`);

  const xmpNum = next++;
  const createdDate = created ? parsePdfDate(created) : undefined;
  const xmp = Buffer.from(xmpPacket(metadata, { created: createdDate ?? now, modified: now }), 'utf8');
  objects.set(xmpNum, streamObject('/Type /Metadata\n/Subtype /XML', xmp, false));

  let newCatalog = withEntries(withoutKeys(catalog, ['Lang', 'Metadata']), `/Lang (${PDF_LANGUAGE})\n/Metadata ${xmpNum} 0 R`);
  if (!/\/ViewerPreferences\b/.test(newCatalog)) newCatalog = withEntries(newCatalog, '/ViewerPreferences <</DisplayDocTitle true>>');
  objects.set(index.root, newCatalog);

  const pages = pageObjects(index);
  if (!pages) return undefined;
  for (const page of pages) {
    for (const num of contentRefs(page.dict)) {
      const stream = streamData(index, num);
      if (!stream) return undefined;
      const marked = markUntaggedAsArtifacts(stream.data);
      if (marked) objects.set(num, streamObject('', Buffer.from(marked), true));
    }
  }

  for (const [num, offset] of index.offsets) {
    if (index.text.slice(offset, offset + 80).indexOf('/Annot') === -1) continue;
    const dict = objectDict(index.text, offset);
    if (!dict || !/\/Subtype\s*\/Link\b/.test(dict)) continue;
    const key = linkKey(dict);
    const description = (key && options.links?.get(key)) || (key && /^https?:/.test(key) ? key : undefined) || 'Collegamento';
    objects.set(num, withEntries(withoutKeys(dict, ['Contents']), `/Contents ${pdfTextString(description)}`));
  }

  const elements = structDicts(index);
  for (const [num, dict] of groupingFigures(elements)) objects.set(num, dict);
  const treeRoot = /\/StructTreeRoot\s+(\d+)\s+0\s+R/.exec(catalog)?.[1];
  const treeRootDict = treeRoot === undefined ? undefined : objectDict(index.text, index.offsets.get(Number(treeRoot)) ?? -1);
  if (treeRootDict) for (const [num, dict] of mergeSplitTables(elements, structKids(treeRootDict))) objects.set(num, dict);

  const bleed = (options.bleedMm ?? 0) * PT_PER_MM;
  if (bleed > 0) {
    // The print shop's page: the sheet Chromium printed (trim and bleed) is the BleedBox, the
    // TrimBox is the bleed inside it, the MediaBox grows around it for the crop marks, and the
    // colours are declared sRGB by an output intent, as PDF/X-4 asks.
    const slug = SLUG_MM * PT_PER_MM;
    const box = (values: number[]) => `[${values.map((v) => Number(v.toFixed(4))).join(' ')}]`;
    const marksNums = new Map<string, number>();
    const saveNum = next++;
    objects.set(saveNum, streamObject('', Buffer.from('q\n', 'latin1'), false));
    for (const page of pages) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = page.mediaBox;
      const key = `${x2 - x1}x${y2 - y1}`;
      let marksNum = marksNums.get(key);
      if (marksNum === undefined) {
        marksNum = next++;
        marksNums.set(key, marksNum);
        objects.set(marksNum, streamObject('', Buffer.from(cropMarks(x2 - x1, y2 - y1, bleed), 'latin1'), true));
      }
      const contents = contentRefs(page.dict).map((num) => `${num} 0 R`);
      objects.set(
        page.num,
        withEntries(
          withoutKeys(page.dict, ['BleedBox', 'TrimBox', 'MediaBox', 'Contents']),
          [
            `/MediaBox ${box([x1 - slug, y1 - slug, x2 + slug, y2 + slug])}`,
            `/BleedBox ${box([x1, y1, x2, y2])}`,
            `/TrimBox ${box([x1 + bleed, y1 + bleed, x2 - bleed, y2 - bleed])}`,
            `/Contents [${[`${saveNum} 0 R`, ...contents, `${marksNum} 0 R`].join(' ')}]`,
          ].join('\n'),
        ),
      );
    }
    const profileNum = next++;
    objects.set(profileNum, streamObject('/N 3', fs.readFileSync(SRGB_PROFILE), true));
    newCatalog = withEntries(
      withoutKeys(newCatalog, ['OutputIntents']),
      `/OutputIntents [<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile ${profileNum} 0 R>>]`,
    );
    objects.set(index.root, newCatalog);
  }

  const parts: string[] = ['\n'];
  let position = bytes.byteLength + 1;
  const written = new Map<number, number>();
  for (const [num, dict] of [...objects].sort((a, b) => a[0] - b[0])) {
    const object = `${num} 0 obj\n${dict}\nendobj\n`;
    written.set(num, position);
    parts.push(object);
    position += Buffer.byteLength(object, 'latin1');
  }
  const xref = ['xref', '0 1', '0000000000 65535 f\r'];
  const nums = [...written.keys()];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] as number) + 1) j++;
    xref.push(`${nums[i]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) xref.push(`${String(written.get(nums[k] as number)).padStart(10, '0')} 00000 n\r`);
    i = j + 1;
  }
  const size = Math.max(index.size, next);
  const id = index.trailer.match(/\/ID\s*\[[^\]]*\]/)?.[0];
  parts.push(
    `${xref.join('\n')}\ntrailer\n<</Size ${size}\n/Root ${index.root} 0 R\n/Info ${infoNum} 0 R\n${id ? `${id}\n` : ''}/Prev ${index.startxref}>>\nstartxref\n${position}\n%%EOF\n`,
  );
  const update = Buffer.from(parts.join(''), 'latin1');
  const out = new Uint8Array(bytes.byteLength + update.byteLength);
  out.set(bytes, 0);
  out.set(update, bytes.byteLength);
  return { bytes: out, unembeddedFonts: unembeddedFonts(index) };
}
