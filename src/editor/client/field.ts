/**
 * The frame every field of the form shares: a label tied to its control, the schema's hint, and
 * the place where the validator's problem for that field appears (tied with aria-describedby,
 * so a screen reader reads it with the field).
 */
import { t } from '../../i18n/t.ts';
import type { CsvTable, Option } from './api.ts';
import type { SchemaNode } from '../lib/json-schema.ts';
import { fieldId, getIn, setIn, type PathSegment } from '../lib/values.ts';
import { h } from './dom.ts';

/** What the controls of one open entry share. */
export interface FormContext {
  /** The draft: `state.data` is the file's YAML or front matter as plain JSON. */
  state: { data: unknown; body?: string; csv?: CsvTable };
  /** The entry's path and organization, for the pickers and the image upload. */
  entryPath: string;
  org: string | undefined;
  /** A value changed: validate again; `structural` (an item added, removed or moved) also redraws the form. */
  changed: (structural: boolean) => void;
  options: (ref: string) => Promise<Option[]>;
  uploadImage: (file: File) => Promise<string>;
  /** Adds an area to the organization's vocabulary; resolves with its id. */
  addArea: (id: string, label: string) => Promise<string>;
}

export function read(ctx: FormContext, path: readonly PathSegment[]): unknown {
  return getIn(ctx.state.data, path);
}

export function write(ctx: FormContext, path: readonly PathSegment[], value: unknown, structural = false): void {
  place(ctx, path, value);
  ctx.changed(structural);
}

/** Puts a value in the draft without counting it as the editor's change (a required group the form fills in as it draws). */
export function place(ctx: FormContext, path: readonly PathSegment[], value: unknown): void {
  if (path.length === 0) ctx.state.data = value;
  else setIn(ctx.state, ['data', ...path], value);
}

/** A UI text, or undefined when it.json has none for this key. */
export function optionalText(key: string): string | undefined {
  try {
    return t(key);
  } catch {
    return undefined;
  }
}

/** The Italian name of a field: the editor's own word for the key, else the schema's description, else the key. */
export function fieldLabel(key: PathSegment | undefined, node: SchemaNode): string {
  if (typeof key === 'string') {
    const own = optionalText(`editor.fields.${key}`);
    if (own !== undefined) return own;
  }
  return node.description ?? (key === undefined ? '' : String(key));
}

export interface FieldFrame {
  wrapper: HTMLElement;
  id: string;
  /** ids for aria-describedby: the hint (if any) and the problem's place. */
  describedBy: string;
}

/**
 * A labelled field: `<div data-campo>` with the label, the control and, below, the hint and the
 * problem's place. `control` is built with the id and aria-describedby it must carry.
 */
export function frame(
  path: readonly PathSegment[],
  label: string,
  hint: string | undefined,
  required: boolean,
  control: (id: string, describedBy: string) => HTMLElement,
): HTMLElement {
  const id = fieldId(path);
  const hintId = `${id}-aiuto`;
  const errorId = `${id}-errore`;
  const describedBy = hint ? `${hintId} ${errorId}` : errorId;
  return h(
    'div',
    { class: 'campo', 'data-campo': id },
    h('label', { for: id }, label, required ? h('span', { class: 'obbligatorio' }, ` ${t('editor.form.required')}`) : undefined),
    control(id, describedBy),
    hint ? h('p', { class: 'aiuto', id: hintId }, hint) : undefined,
    h('p', { class: 'errore-campo', id: errorId, 'aria-live': 'off' }),
  );
}

/** A group of fields (an object, a list): a fieldset whose legend names it, with its problem's place. */
export function group(
  path: readonly PathSegment[],
  legend: string,
  hint: string | undefined,
  ...children: (Node | undefined)[]
): HTMLFieldSetElement {
  const id = fieldId(path);
  const errorId = `${id}-errore`;
  const describedBy = hint ? `${id}-aiuto ${errorId}` : errorId;
  const fieldset = h('fieldset', { class: 'gruppo', id, 'data-campo': id, 'aria-describedby': describedBy }, h('legend', {}, legend));
  if (hint) fieldset.append(h('p', { class: 'aiuto', id: `${id}-aiuto` }, hint));
  fieldset.append(h('p', { class: 'errore-campo', id: errorId }));
  for (const child of children) if (child) fieldset.append(child);
  return fieldset;
}
