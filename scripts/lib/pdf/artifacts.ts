/**
 * Content Chromium draws outside the structure tree (the page background, Paged.js's margin
 * boxes: running heads and page numbers, the print shop's crop marks) marked as artifacts, as
 * PDF/UA-1 asks (ISO 14289-1, 7.1): Chromium tags what belongs to the document's elements and
 * leaves the rest unmarked, and HTML has no way to ask it for an artifact. Each drawing
 * operation outside any marked-content sequence is wrapped in `/Artifact BMC … EMC`; nothing
 * else of the content stream changes (the tagged content keeps its MCIDs byte for byte).
 */

/** One operation of a content stream: where it starts (its first operand) and ends (after its operator), and the operator. */
interface Operation {
  start: number;
  end: number;
  operator: string;
}

/** Byte classes of PDF syntax (ISO 32000-1, 7.2.2), as a table: 1 white-space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = 2;

/** A regular byte: part of a name, number or operator. */
const regular = (c: number | undefined): boolean => c !== undefined && CLASS[c] === 0;

/** A number starts with a digit, a sign or a point. */
const startsNumber = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;

/** Path construction operators: a path starts with one of them and ends with a painting operator. */
const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint a path. `n` ends a path without painting it (a clipping path). */
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Operators that draw by themselves: text, external objects (images, forms), shadings. */
const DRAWING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh']);

/** Splits a content stream into operations (operands and operator); `undefined` for what it cannot read (inline images). */
export function contentOperations(bytes: Uint8Array): Operation[] | undefined {
  const operations: Operation[] = [];
  let i = 0;
  let operandStart = -1;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i] as number;
    if (CLASS[c] === 1) {
      i++;
      continue;
    }
    if (c === 0x25) {
      // A comment, to the end of the line.
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    const tokenStart = i;
    if (c === 0x28) {
      // A literal string: balanced parentheses, backslash escapes.
      let depth = 0;
      for (; i < n; i++) {
        const d = bytes[i];
        if (d === 0x5c) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      i++;
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      i += 2; // `<<`: the dictionary's entries are read as further operands
    } else if (c === 0x3e && bytes[i + 1] === 0x3e) {
      i += 2;
    } else if (c === 0x3c) {
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
    } else if (c === 0x2f) {
      i++;
      while (i < n && regular(bytes[i])) i++;
    } else {
      while (i < n && regular(bytes[i])) i++;
      if (i === tokenStart) return undefined;
      if (!startsNumber(c)) {
        const word = String.fromCharCode(...bytes.subarray(tokenStart, i));
        if (word === 'BI' || word === 'ID' || word === 'EI') return undefined;
        if (word === 'true' || word === 'false' || word === 'null') {
          if (operandStart === -1) operandStart = tokenStart;
          continue;
        }
        operations.push({ start: operandStart === -1 ? tokenStart : operandStart, end: i, operator: word });
        operandStart = -1;
        continue;
      }
    }
    if (operandStart === -1) operandStart = tokenStart;
  }
  return operations;
}

/**
 * The content stream with every drawing operation outside marked content wrapped as an
 * artifact (a path from its first construction operator to its painting operator), or
 * `undefined` when there is nothing to wrap or the stream cannot be read.
 */
export function markUntaggedAsArtifacts(bytes: Uint8Array): Uint8Array | undefined {
  const operations = contentOperations(bytes);
  if (!operations) return undefined;
  const ranges: [number, number][] = [];
  let depth = 0;
  let pathStart = -1;
  for (const op of operations) {
    const { operator } = op;
    if (operator === 'BMC' || operator === 'BDC') depth++;
    else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (PATH_CONSTRUCTION.has(operator)) {
      if (pathStart === -1) pathStart = op.start;
    } else if (PATH_PAINTING.has(operator) || operator === 'n') {
      if (depth === 0 && operator !== 'n') ranges.push([pathStart === -1 ? op.start : pathStart, op.end]);
      pathStart = -1;
    } else if (operator === 'W' || operator === 'W*') {
      // A clipping operator sits between a path and its `n`: the path continues.
    } else if (DRAWING.has(operator) && depth === 0) {
      ranges.push([op.start, op.end]);
    }
  }
  if (ranges.length === 0) return undefined;
  const parts: Buffer[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(Buffer.from(bytes.subarray(at, start)), Buffer.from('/Artifact BMC\n', 'latin1'));
    parts.push(Buffer.from(bytes.subarray(start, end)), Buffer.from('\nEMC', 'latin1'));
    at = end;
  }
  parts.push(Buffer.from(bytes.subarray(at)));
  return new Uint8Array(Buffer.concat(parts));
}
