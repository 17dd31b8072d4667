/**
 * The project's own check of PDF/UA-1's machine-checkable rules (ISO 14289-1, the Matterhorn
 * Protocol's machine checks), for the PDFs the PDF step makes: veraPDF is not available from
 * npm or Debian here. pdf-lib reads the objects (catalogue, XMP, structure tree, annotations,
 * fonts), pdfjs-dist the content streams as operator lists (form XObjects included), so that
 * content drawn outside the structure tree and not marked as an artifact is counted.
 *
 * It answers counts (what the tests assert to be 0) and the problems in Italian, each with its
 * pages where they are known.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What the check found: counts, and every problem worded for the editor. */
export interface PdfUaReport {
  /** Drawing operations (text, paths, images) neither in the structure tree nor marked as artifacts. */
  untaggedOperations: number;
  /** Pages (1-based) with such operations. */
  untaggedPages: number[];
  /** `Figure` elements with neither `/Alt` nor `/ActualText`. */
  figuresWithoutAlt: number;
  /** Link annotations without `/Contents`, or not the child of a `Link` element. */
  linksWithoutDescription: number;
  /** `TH` cells without a `/Scope` attribute. */
  headerCellsWithoutScope: number;
  /** Tables cut in several `Table` elements (consecutive `Table` elements with the same header row, see `splitTables`). */
  splitTables: number;
  /** Every problem, the counted ones included, in Italian. */
  problems: string[];
}

const name = (value: string) => PDFName.of(value);

/** A text string of the PDF (literal or hex, PDFDocEncoding or UTF-16) as JavaScript text. */
function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** Drawing operators of pdfjs's operator list: what puts marks on the page. */
const DRAWING = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.fill,
  OPS.eoFill,
  OPS.stroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.shadingFill,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

/** A path construction that ends in painting (pdfjs folds the painting operator into it); `n` (clip only) paints nothing. */
function constructPathPaints(args: unknown): boolean {
  const paint = Array.isArray(args) ? (args[0] as unknown) : undefined;
  return typeof paint === 'number' && DRAWING.has(paint);
}

/** A marked-content tag of pdfjs's operator list (`Artifact`, `P`…), whether it comes as a string or a name object. */
function tagOf(args: unknown): string {
  const first = Array.isArray(args) ? (args[0] as unknown) : undefined;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'name' in first) return String(first.name);
  return '';
}

/**
 * Drawing operations per page outside any marked content that is either an artifact or a
 * structure element's (a tag with an MCID). Marked content nests: an operation counts as tagged
 * when any enclosing sequence is.
 */
async function untaggedOperations(bytes: Uint8Array): Promise<number[]> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  try {
    const counts: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { fnArray, argsArray } = await page.getOperatorList({ intent: 'print' });
      /** For each open marked-content sequence: whether it (or one around it) tags its content. */
      const open: boolean[] = [];
      let untagged = 0;
      fnArray.forEach((fn, i) => {
        const args: unknown = argsArray[i];
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
          const tag = tagOf(args);
          const mcid = fn === OPS.beginMarkedContentProps && Array.isArray(args) ? (args[1] as unknown) : null;
          open.push(open.at(-1) === true || tag === 'Artifact' || typeof mcid === 'number');
        } else if (fn === OPS.endMarkedContent) {
          open.pop();
        } else if ((DRAWING.has(fn) || (fn === OPS.constructPath && constructPathPaints(args))) && open.at(-1) !== true) {
          untagged++;
        }
      });
      counts.push(untagged);
    }
    return counts;
  } finally {
    await task.destroy();
  }
}

/** The XMP packet of the catalogue's `/Metadata`, as text (empty when there is none). */
function xmpOf(doc: PDFDocument): string {
  const stream = doc.catalog.lookup(name('Metadata'));
  if (!(stream instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
}

/** The values of a number tree (the structure tree's `/ParentTree`), by key. */
function numberTree(doc: PDFDocument, node: PDFDict | undefined, into = new Map<number, PDFObject>(), depth = 0): Map<number, PDFObject> {
  if (!node || depth > 32) return into;
  const nums = node.lookup(name('Nums'));
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) into.set(key.asNumber(), nums.get(i + 1));
    }
  }
  const kids = node.lookup(name('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) numberTree(doc, kids.lookupMaybe(i, PDFDict), into, depth + 1);
  }
  return into;
}

/** A structure element with its type and the page numbers its content is on, in reading order. */
interface StructElement {
  dict: PDFDict;
  type: string;
  children: StructElement[];
}

/** The structure tree below the root, depth first; annotations and marked content are not elements. */
function structTree(doc: PDFDocument): StructElement[] {
  const root = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  const seen = new Set<PDFDict>();
  const element = (value: PDFObject | undefined, depth: number): StructElement[] => {
    const dict = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(dict instanceof PDFDict) || seen.has(dict) || depth > 200) return [];
    const type = dict.lookupMaybe(name('S'), PDFName);
    if (!type) return [];
    seen.add(dict);
    return [{ dict, type: type.decodeText(), children: children(dict, depth) }];
  };
  const children = (dict: PDFDict, depth: number): StructElement[] => {
    const k = dict.get(name('K'));
    const list = k instanceof PDFRef ? doc.context.lookup(k) : k;
    if (list instanceof PDFArray) {
      const out: StructElement[] = [];
      for (let i = 0; i < list.size(); i++) out.push(...element(list.get(i), depth + 1));
      return out;
    }
    return element(k, depth + 1);
  };
  return root ? children(root, 0) : [];
}

function* allElements(elements: readonly StructElement[]): Generator<StructElement> {
  for (const el of elements) {
    yield el;
    yield* allElements(el.children);
  }
}

/** The attribute dictionaries of an element (`/A`: one, or an array with revision numbers). */
function attributes(doc: PDFDocument, dict: PDFDict): PDFDict[] {
  const a = dict.get(name('A'));
  const value = a instanceof PDFRef ? doc.context.lookup(a) : a;
  if (value instanceof PDFDict) return [value];
  if (value instanceof PDFArray) {
    const out: PDFDict[] = [];
    for (let i = 0; i < value.size(); i++) {
      const item = value.lookup(i);
      if (item instanceof PDFDict) out.push(item);
    }
    return out;
  }
  return [];
}

/** The text of a table's header row, as the structure tree gives it: the `TH` cells' count and position. */
function headerSignature(table: StructElement): string | undefined {
  const rows = [...allElements(table.children)].filter((el) => el.type === 'TR');
  const first = rows[0];
  if (!first || !first.children.every((cell) => cell.type === 'TH')) return undefined;
  return `${first.children.length} TH`;
}

/**
 * Checks `bytes` against PDF/UA-1's machine-checkable rules: XMP with `dc:title` and
 * `pdfuaid:part` 1, tagged (`/MarkInfo /Marked true`), language, title shown, no untagged
 * content, `Figure` with alternative text, link annotations described and in a `Link` element,
 * `TH` with a scope, one `Table` per table, headings without skipped levels, fonts embedded
 * with a `ToUnicode` map.
 */
export async function checkPdfUa(bytes: Uint8Array): Promise<PdfUaReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const problems: string[] = [];
  const catalog = doc.catalog;

  const xmp = xmpOf(doc);
  if (!xmp) problems.push('manca il pacchetto XMP dei metadati (/Metadata nel catalogo)');
  else {
    if (!/<dc:title\b[\s\S]*?<rdf:li\b[^>]*>[^<]+<\/rdf:li>/.test(xmp)) problems.push('l’XMP non ha il titolo (dc:title)');
    if (!/pdfuaid:part(?:>\s*1\s*<|\s*=\s*["']1["'])/.test(xmp)) problems.push('l’XMP non dichiara PDF/UA-1 (pdfuaid:part 1)');
  }
  const markInfo = catalog.lookupMaybe(name('MarkInfo'), PDFDict);
  if (markInfo?.get(name('Marked'))?.toString() !== 'true') problems.push('il PDF non è marcato come etichettato (/MarkInfo /Marked true)');
  if (!textOf(catalog.lookup(name('Lang'))) && !catalog.lookupMaybe(name('Lang'), PDFName))
    problems.push('manca la lingua del documento (/Lang)');
  const display = catalog.lookupMaybe(name('ViewerPreferences'), PDFDict)?.get(name('DisplayDocTitle'));
  if (display?.toString() !== 'true') problems.push('il visualizzatore non mostra il titolo (/DisplayDocTitle true)');
  if (!catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)) problems.push('manca l’albero di struttura (/StructTreeRoot)');

  const perPage = await untaggedOperations(bytes);
  const untaggedPages = perPage.flatMap((count, i) => (count > 0 ? [i + 1] : []));
  const untagged = perPage.reduce((sum, count) => sum + count, 0);
  if (untagged > 0) {
    problems.push(`${untagged} operazioni di disegno né etichettate né artefatti, alle pagine ${untaggedPages.join(', ')}`);
  }

  const tree = structTree(doc);
  const elements = [...allElements(tree)];
  let figuresWithoutAlt = 0;
  let headerCellsWithoutScope = 0;
  for (const el of elements) {
    if (el.type === 'Figure' && !textOf(el.dict.lookup(name('Alt')))?.trim() && !textOf(el.dict.lookup(name('ActualText')))?.trim()) {
      figuresWithoutAlt++;
    }
    if (el.type === 'TH' && !attributes(doc, el.dict).some((a) => a.get(name('Scope')) instanceof PDFName)) headerCellsWithoutScope++;
  }
  if (figuresWithoutAlt > 0) problems.push(`${figuresWithoutAlt} figure (Figure) senza testo alternativo (/Alt)`);
  if (headerCellsWithoutScope > 0) problems.push(`${headerCellsWithoutScope} celle d’intestazione (TH) senza /Scope`);

  // A table cut by a page break: the next Table element in reading order repeats its header row
  // and nothing but artifacts and page wrappers lies between them.
  // A table's own descendants (its caption) are not between it and the next table.
  let splitTables = 0;
  const outsideTables = function* (list: readonly StructElement[]): Generator<StructElement> {
    for (const el of list) {
      yield el;
      if (el.type !== 'Table') yield* outsideTables(el.children);
    }
  };
  const inOrder = [...outsideTables(tree)].filter((el) => el.type === 'Table' || /^(H\d?|P|L|Figure|Caption|Lbl|Link)$/.test(el.type));
  inOrder.forEach((el, i) => {
    const next = inOrder[i + 1];
    if (el.type !== 'Table' || next?.type !== 'Table') return;
    const signature = headerSignature(el);
    if (signature !== undefined && signature === headerSignature(next)) splitTables++;
  });
  if (splitTables > 0) problems.push(`${splitTables} tabelle divise in più elementi Table dal cambio pagina`);

  let level = 0;
  for (const el of elements) {
    const heading = /^H([1-6])$/.exec(el.type);
    if (!heading) continue;
    const current = Number(heading[1]);
    if (current > level + 1) problems.push(`titolo H${current} dopo H${level || '(nessuno)'}: livello saltato`);
    level = current;
  }

  const parentTree = numberTree(doc, catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)?.lookupMaybe(name('ParentTree'), PDFDict));
  let linksWithoutDescription = 0;
  const linkPages = new Set<number>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(name('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      const contents = textOf(annot.lookup(name('Contents')))?.trim();
      const key = annot.lookupMaybe(name('StructParent'), PDFNumber)?.asNumber();
      const parentRef = key === undefined ? undefined : parentTree.get(key);
      const parent = parentRef instanceof PDFRef ? doc.context.lookup(parentRef) : parentRef;
      const inLink = parent instanceof PDFDict && parent.lookupMaybe(name('S'), PDFName)?.decodeText() === 'Link';
      if (!contents || !inLink) {
        linksWithoutDescription++;
        linkPages.add(index + 1);
      }
    }
  });
  if (linksWithoutDescription > 0) {
    problems.push(
      `${linksWithoutDescription} collegamenti senza descrizione (/Contents) o fuori da un elemento Link, alle pagine ${[...linkPages].join(', ')}`,
    );
  }

  const fontProblems = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object instanceof PDFStream) continue;
    if (object.lookupMaybe(name('Type'), PDFName)?.decodeText() !== 'Font') continue;
    const subtype = object.lookupMaybe(name('Subtype'), PDFName)?.decodeText() ?? '';
    if (subtype === 'CIDFontType0' || subtype === 'CIDFontType2') continue; // checked through their Type0 font
    const fontName =
      object
        .lookupMaybe(name('BaseFont'), PDFName)
        ?.decodeText()
        .replace(/^[A-Z]{6}\+/, '') ?? subtype;
    if (!object.get(name('ToUnicode'))) fontProblems.add(`carattere ${fontName} senza mappa ToUnicode`);
    if (subtype === 'Type3') continue;
    const descendant = object.lookupMaybe(name('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
    const descriptor = (descendant ?? object).lookupMaybe(name('FontDescriptor'), PDFDict);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(name(key)) !== undefined);
    if (!embedded) fontProblems.add(`carattere ${fontName} non incorporato`);
  }
  problems.push(...fontProblems);

  return {
    untaggedOperations: untagged,
    untaggedPages,
    figuresWithoutAlt,
    linksWithoutDescription,
    headerCellsWithoutScope,
    splitTables,
    problems,
  };
}
