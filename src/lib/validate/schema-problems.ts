/**
 * Turns zod issues into editor problems pointing into the file. A line to copy is offered only
 * when it is certain: the value the editor wrote, repaired (an Italian date in ISO form, a number
 * that lost its quotes, a spelling of an allowed value) and accepted by the field's own schema.
 * Otherwise the fix says what to do, and never shows another entry's example as the value.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { renameKey, insertLines, replaceNode, type LineFix } from './edits.ts';
import { readItalianDate } from './italian-dates.ts';
import { fieldPath, type Problem } from './problem.ts';
import { allowedKeys, closest, closestChoice, descriptionAt, exampleAt, fieldAccepts, isImageAt } from './schema-introspect.ts';
import { nodeAt, positionOf, sourceOf, type ParsedSource } from './source-file.ts';

/** What the file's place tells about its fields: values derived from its name, the key that is its name. */
export interface FileContext {
  /** Values a missing field certainly has, e.g. a plan's `year` from `2025.md`. */
  derived?: Record<string, string | number>;
  /** The file name, when it is the entry's identifier (`nuovo.md` is the card `nuovo`). */
  idFromName?: string;
  /** The organization folder, for references written without it. */
  organization?: string | undefined;
  /** Whether an objective `organizzazione/anno/obiettivo` exists: a reference is completed only towards one that does. */
  objectiveExists?: (ref: string) => boolean;
}

/**
 * A union ("a number or «in definizione»") reports one generic message. When exactly one branch
 * accepted the value's type and failed on a finer rule (three decimals, a negative amount, a bad
 * month), that branch's message is the useful one.
 */
export function specificIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors)) return issue;
  const typeMatched = (issue.errors as z.core.$ZodIssue[][]).filter(
    (branch) =>
      branch.length > 0 && branch.every((sub) => sub.path.length > 0 || (sub.code !== 'invalid_type' && sub.code !== 'invalid_value')),
  );
  const branch = typeMatched.length === 1 ? typeMatched[0] : undefined;
  const first = branch?.[0];
  return first ? specificIssue({ ...first, path: [...issue.path, ...first.path] }) : issue;
}

/** Zod's own English defaults, for shapes no schema message covers (an object or a list given as text). */
function italianDefault(issue: z.core.$ZodIssue, schema: z.ZodType): z.core.$ZodIssue {
  if (!/^(Invalid input|Invalid option|Too (small|big))/.test(issue.message)) return issue;
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  const keys = allowedKeys(schema, issue.path);
  const message =
    expected === 'object' && issue.path.length === 0
      ? 'attesi dei campi nella forma «nome: valore», uno per riga'
      : expected === 'object'
        ? `attesi dei campi su righe rientrate sotto questo (${keys.map((k) => `«${k}»`).join(', ')}), non un testo`
        : expected === 'array'
          ? 'attesa una lista: [a, b] oppure una voce per riga che inizia con «- »'
          : expected === 'string'
            ? 'atteso un testo'
            : expected === 'number'
              ? 'atteso un numero'
              : 'valore non valido qui';
  return { ...issue, message };
}

/** The value as the editor wrote it, when YAML read something else: `06055` read as 6055, `#0066CC` read as a comment. */
function writtenText(parsed: ParsedSource, node: Node | null, keyNode: Node | null): string | undefined {
  if (isScalar(node) && node.value !== null) return sourceOf(parsed, node)?.replace(/^["']|["']$/g, '');
  // `brandColor: #0066CC`: YAML takes everything after # for a comment; the value is that text.
  const anchor = keyNode?.range?.[1];
  if (anchor === undefined) return undefined;
  const pos = positionOf(parsed, anchor);
  const line = parsed.text.split('\n')[pos.line - 1]?.replace(/\r$/, '') ?? '';
  const after = /^\s*:\s*(#\S.*)$/.exec(line.slice(pos.column - 1))?.[1];
  return after?.trim();
}

/** Values the editor may have meant, from what was written, most faithful first. */
function candidates(written: string, context: FileContext): unknown[] {
  const out: unknown[] = [written];
  const date = readItalianDate(written);
  if (date && 'iso' in date) out.push(date.iso);
  // `2021/presenza-social`: an objective of the same organization, written without it.
  const ownObjective = `${context.organization ?? ''}/${written}`;
  if (context.organization !== undefined && /^\d{4}\/[a-z0-9-]+$/.test(written) && context.objectiveExists?.(ownObjective))
    out.push(ownObjective);
  return out;
}

/** The certain fix for a rejected value: a repair of what was written that the field accepts. */
function repairValue(
  parsed: ParsedSource,
  schema: z.ZodType,
  issuePath: readonly PropertyKey[],
  context: FileContext,
): { fix: LineFix; value: unknown } | { impossibleDate: string } | undefined {
  const { node, key } = nodeAt(parsed.doc, issuePath);
  const written = writtenText(parsed, node, key);
  if (written === undefined) return undefined;
  const date = readItalianDate(written);
  if (date && 'impossible' in date) return { impossibleDate: date.impossible };
  for (const value of candidates(written, context)) {
    if (isScalar(node) && value === node.value) continue;
    if (!fieldAccepts(schema, issuePath, value)) continue;
    const fix = isScalar(node) && node.value !== null ? replaceNode(parsed, node, value) : replaceComment(parsed, key, value);
    if (fix) return { fix, value };
  }
  return undefined;
}

/** `brandColor: #0066CC` → `brandColor: "#0066CC"`: the value YAML took for a comment, quoted. */
function replaceComment(parsed: ParsedSource, keyNode: Node | null, value: unknown): LineFix | undefined {
  if (!keyNode?.range) return undefined;
  const pos = positionOf(parsed, keyNode.range[0]);
  const line = parsed.text.split('\n')[pos.line - 1]?.replace(/\r$/, '');
  if (line === undefined) return undefined;
  const colon = line.indexOf(':', pos.column - 1);
  return {
    fix: `${line.slice(0, colon + 1).trim()} ${JSON.stringify(value)}`,
    edit: { line: pos.line, replace: `${line.slice(0, colon + 1)} ${JSON.stringify(value)}` },
  };
}

/**
 * The fix for a value outside a list of choices: the choice the editor most likely meant, else
 * the instruction to pick one (the message lists them). Never the first choice by default: for
 * «status: chiuso» that would be «attivo».
 */
function choiceFix(parsed: ParsedSource, values: readonly unknown[], node: Node | null): Partial<LineFix> & { fix: string } {
  if (!isScalar(node)) return { fix: 'usa uno dei valori elencati' };
  const written = String(node.value);
  const choice = closestChoice(written, values.map(String));
  const lineFix = choice === undefined ? undefined : replaceNode(parsed, node, choice);
  return lineFix ?? { fix: `sostituisci «${written}» con uno dei valori elencati` };
}

/** What to write for a required field, in words: its description, never another entry's value. */
function missingFieldFix(schema: z.ZodType, issuePath: readonly PropertyKey[]): string {
  const name = String(issuePath[issuePath.length - 1]);
  const description = descriptionAt(schema, issuePath);
  return `aggiungi una riga «${name}: …» con ${description ? `il valore giusto (${description.toLowerCase()})` : 'il valore giusto'}`;
}

/** An image given as a path: what the `{ src, alt }` form is and where the file goes. */
function imageFix(parsed: ParsedSource, written: string, fieldName: string): { message: string; fix: string } {
  const fileName = written.split(/[\\/]/).pop() ?? 'immagine.jpg';
  const folder = parsed.rel.slice(0, parsed.rel.lastIndexOf('/') + 1);
  const own = parsed.rel.slice(folder.length);
  return {
    message: `un'immagine si indica con due campi rientrati sotto «${fieldName}:»: «src», il percorso del file rispetto a questo file (es. ./${fileName}), e «alt», la descrizione per chi non vede l'immagine; un percorso del proprio computer non vale, perché il sito si costruisce altrove`,
    fix: `copia ${fileName} nella cartella ${folder} (accanto a ${own}), poi scrivi al posto di questa riga: «${fieldName}:», sotto «  src: ./${fileName}» e «  alt: » con la descrizione dell'immagine`,
  };
}

/** Turns zod issues into editor problems pointing into the file. */
export function issuesToProblems(
  parsed: ParsedSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  skip: Set<string>,
  context: FileContext = {},
): Problem[] {
  const problems: Problem[] = [];
  /** Unknown keys that look like a misspelt allowed key, by the field path of that key. */
  const misspelt = new Map<string, Problem>();
  // Unknown keys first, so that a required key missing because it is misspelt is known as such.
  const unknownFirst = [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
  for (const rawIssue of unknownFirst) {
    const issue = italianDefault(specificIssue(rawIssue), schema);
    const issuePath = issue.path;
    if (skip.has(fieldPath(issuePath))) continue;
    if (issue.code === 'unrecognized_keys') {
      problems.push(...unknownKeys(parsed, schema, issuePath, issue.keys, context, misspelt));
      continue;
    }
    const { node, exact } = nodeAt(parsed.doc, issuePath);
    const lastKey = issuePath[issuePath.length - 1];
    const missing = !exact;
    if (missing) {
      const typo = misspelt.get(fieldPath(issuePath));
      if (typo) {
        // «titel: …» for the required «title»: one problem, where the editor wrote it.
        typo.message = `${typo.message} «${String(lastKey)}» è obbligatorio e manca`;
        continue;
      }
      const pos = positionOf(parsed, node?.range?.[0]);
      const derived = issuePath.length === 1 && typeof lastKey === 'string' ? context.derived?.[lastKey] : undefined;
      const insert = derived === undefined ? undefined : insertLines(parsed.lineOffset, `${String(lastKey)}: ${String(derived)}`);
      problems.push({
        severity: 'error',
        file: parsed.rel,
        line: pos.line,
        column: pos.column,
        field: fieldPath(issuePath),
        message: `campo obbligatorio mancante: ${issue.message}`,
        fix: insert?.fix ?? missingFieldFix(schema, issuePath),
        edit: insert?.edit,
        code: 'campo-mancante',
      });
      continue;
    }
    problems.push(valueProblem(parsed, schema, issue, node, context));
  }
  return problems;
}

function valueProblem(parsed: ParsedSource, schema: z.ZodType, issue: z.core.$ZodIssue, node: Node | null, context: FileContext): Problem {
  const issuePath = issue.path;
  const lastKey = issuePath[issuePath.length - 1];
  const pos = positionOf(parsed, node?.range?.[0]);
  const base = {
    severity: 'error' as const,
    file: parsed.rel,
    line: pos.line,
    column: pos.column,
    field: fieldPath(issuePath),
    found: sourceOf(parsed, node),
    code: 'schema',
  };
  if (isScalar(node) && typeof node.value === 'string' && typeof lastKey === 'string' && isImageAt(schema, issuePath)) {
    return { ...base, ...imageFix(parsed, node.value, lastKey) };
  }
  const repair = issue.code === 'invalid_value' ? undefined : repairValue(parsed, schema, issuePath, context);
  if (repair && 'impossibleDate' in repair) {
    return {
      ...base,
      message: `la data ${base.found ?? ''} non esiste nel calendario`,
      fix: 'scrivi la data giusta nella forma AAAA-MM-GG (es. 2024-12-31), AAAA-MM oppure AAAA',
    };
  }
  if (repair) return { ...base, message: issue.message, ...repair.fix };
  if (issue.code === 'invalid_value') return { ...base, message: issue.message, ...choiceFix(parsed, issue.values, node) };
  // No certain value: the message says what is expected; an example is shown only as a form to
  // follow, never as the line to copy (it is another entry's value).
  const example = exampleAt(schema, issuePath);
  const form =
    issue.code === 'custom'
      ? undefined
      : issue.message.includes('(es.') || (typeof example !== 'string' && typeof example !== 'number')
        ? issuePath.length === 0
          ? 'metti un campo per riga nella forma «nome: valore» (copia la struttura da un file dello stesso tipo)'
          : 'correggi il valore come indicato'
        : `scrivi il dato giusto nella forma dell'esempio «${String(example)}»`;
  return { ...base, message: issue.message, fix: form };
}

function unknownKeys(
  parsed: ParsedSource,
  schema: z.ZodType,
  issuePath: readonly PropertyKey[],
  keys: readonly string[],
  context: FileContext,
  misspelt: Map<string, Problem>,
): Problem[] {
  const allowed = allowedKeys(schema, issuePath);
  const { node: parent } = nodeAt(parsed.doc, issuePath);
  const present = new Set(isMap(parent) ? parent.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : []);
  // Renaming into a key the block already has would make a duplicate key.
  const free = allowed.filter((key) => !present.has(key));
  return keys.map((key) => {
    const keyPath = [...issuePath, key];
    const { key: keyNode } = nodeAt(parsed.doc, keyPath);
    const pos = positionOf(parsed, keyNode?.range?.[0]);
    const suggestion = closest(key, free);
    const rename = suggestion === undefined ? undefined : renameKey(parsed, keyNode, suggestion);
    const isId = key === 'id' && issuePath.length === 0 && context.idFromName !== undefined;
    const problem: Problem = {
      severity: 'error',
      file: parsed.rel,
      line: pos.line,
      column: pos.column,
      field: fieldPath(keyPath),
      message: isId
        ? `campo sconosciuto «id»: l'identificativo è il nome del file (${context.idFromName ?? ''})`
        : `campo sconosciuto «${key}»${suggestion ? `: forse intendevi «${suggestion}»?` : ''}`,
      fix: isId
        ? `togli la riga «id: …»; per cambiare identificativo rinomina il file`
        : rename
          ? rename.fix
          : `togli «${key}» o spostane il contenuto in un campo previsto: ${allowed.join(', ')}`,
      edit: isId ? undefined : rename?.edit,
      code: 'campo-sconosciuto',
    };
    if (suggestion) misspelt.set(fieldPath([...issuePath, suggestion]), problem);
    return problem;
  });
}
