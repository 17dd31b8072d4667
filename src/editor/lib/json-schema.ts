/**
 * What the browser editor reads of a JSON Schema (the ones the editor API serves, generated from
 * the zod schemas by src/lib/editor-schemas.ts): which form control a node becomes, and the value
 * a new item starts with. Pure, so the rules are tested without a browser.
 */

/** The editor's hint on a field, set with `withEditor()` / `.meta({ editor })` in src/schemas/. */
export interface EditorHint {
  widget: 'partial-date' | 'amount' | 'markdown' | 'image' | 'color' | 'ref' | 'stats-grid';
  ref?: 'projects' | 'objectives' | 'areas' | 'funding' | 'organizations' | 'documents';
}

/** The part of JSON Schema (draft-07, as zod writes it) the forms use. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  examples?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  format?: string;
  editor?: EditorHint;
  title?: string;
}

/** The control a node becomes. */
export type FieldKind =
  | EditorHint['widget']
  | 'object'
  | 'array'
  | 'enum'
  | 'const'
  | 'boolean'
  | 'number'
  | 'text'
  /** A union of plain values (a page as `24` or `24-25`): one text box, a number when it reads as one. */
  | 'scalar-union'
  /** A union with an object among its forms (a chapter's types, a whole or partial period): a choice of form, then its fields. */
  | 'union';

/** The alternatives of a union node, or none. */
export function alternatives(node: SchemaNode): SchemaNode[] {
  return node.anyOf ?? node.oneOf ?? [];
}

function types(node: SchemaNode): string[] {
  if (Array.isArray(node.type)) return node.type;
  return node.type === undefined ? [] : [node.type];
}

function isScalar(node: SchemaNode): boolean {
  if (node.const !== undefined || node.enum !== undefined) return true;
  const own = types(node);
  return own.length > 0 && own.every((type) => ['string', 'number', 'integer', 'null', 'boolean'].includes(type));
}

export function fieldKind(node: SchemaNode): FieldKind {
  if (node.editor) return node.editor.widget;
  if (node.enum) return 'enum';
  if (node.const !== undefined) return 'const';
  const options = alternatives(node);
  if (options.length > 0) return options.every(isScalar) ? 'scalar-union' : 'union';
  const own = types(node);
  if (own.includes('object') || node.properties) return 'object';
  if (own.includes('array')) return 'array';
  if (own.includes('boolean')) return 'boolean';
  if (own.includes('number') || own.includes('integer')) return 'number';
  return 'text';
}

/** Whether a union (or a plain node) takes a number. */
export function acceptsNumber(node: SchemaNode): boolean {
  const all = [node, ...alternatives(node)];
  return all.some((option) => types(option).some((type) => type === 'number' || type === 'integer'));
}

/** The text constant a union allows besides its main form, e.g. the budget's «in definizione». */
export function constAlternative(node: SchemaNode): string | undefined {
  const constant = alternatives(node).find((option) => typeof option.const === 'string');
  return constant?.const as string | undefined;
}

/**
 * The form of a union `value` has: the object whose discriminator (`type`) matches, the object
 * form for an object, the plain form matching its type otherwise.
 */
export function matchingAlternative(node: SchemaNode, value: unknown): number {
  const options = alternatives(node);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const discriminator = (value as Record<string, unknown>)['type'];
    const byType = options.findIndex((option) => option.properties?.['type']?.const === discriminator);
    if (byType >= 0 && discriminator !== undefined) return byType;
    return Math.max(
      0,
      options.findIndex((option) => fieldKind(option) === 'object'),
    );
  }
  if (typeof value === 'number') {
    const numeric = options.findIndex((option) => types(option).some((type) => type === 'number' || type === 'integer'));
    if (numeric >= 0) return numeric;
  }
  if (typeof value === 'string') {
    const text = options.findIndex((option) => types(option).includes('string'));
    if (text >= 0) return text;
  }
  return 0;
}

/**
 * The value a new item or a newly added group starts with: the required fields, each empty (a
 * required text as '' so the validator names it), nothing for optional ones (the file stays as
 * short as the editor leaves it); a discriminated object keeps its `type`.
 */
export function emptyValue(node: SchemaNode): unknown {
  switch (fieldKind(node)) {
    case 'object':
    case 'image': {
      const value: Record<string, unknown> = {};
      for (const key of node.required ?? []) {
        const child = node.properties?.[key];
        if (!child) continue;
        const empty = child.const === undefined ? emptyValue(child) : child.const;
        if (empty !== undefined) value[key] = empty;
      }
      return value;
    }
    case 'array':
    case 'stats-grid':
      return [];
    case 'union': {
      const first = alternatives(node)[0];
      return first ? emptyValue(first) : undefined;
    }
    case 'const':
      return node.const;
    case 'text':
    case 'markdown':
    case 'color':
    case 'ref':
      return '';
    default:
      return undefined;
  }
}

/** A short title for an item of a list, from the fields that name it, e.g. a section's title. */
export function itemTitle(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['title', 'label', 'name', 'text', 'id', 'file', 'year', 'type']) {
    const field = record[key];
    if (typeof field === 'string' && field !== '') return field.length > 60 ? `${field.slice(0, 57)}…` : field;
    if (typeof field === 'number') return String(field);
    if (field !== null && typeof field === 'object' && typeof (field as Record<string, unknown>)['short'] === 'string') {
      return (field as Record<string, string>)['short'];
    }
  }
  return undefined;
}
