/**
 * The form of an entry, generated from its JSON Schema (itself generated from the zod schema the
 * validator uses): an object becomes a group of fields, a list a list with add, remove and move,
 * an enum a dropdown, a field with an editor hint its widget (src/editor/client/widgets.ts).
 * Controls write into the draft as the editor types; adding, removing or moving an item redraws.
 */
import { t } from '../../i18n/t.ts';
import { acceptsNumber, alternatives, emptyValue, fieldKind, itemTitle, matchingAlternative, type SchemaNode } from '../lib/json-schema.ts';
import { fieldId, parseTypedNumber, type PathSegment } from '../lib/values.ts';
import { button, h } from './dom.ts';
import { fieldLabel, frame, group, optionalText, place, read, write, type FormContext } from './field.ts';
import { statsGrid } from './stats-grid.ts';
import { amountField, colorField, dateField, imageField, markdownField, refField } from './widgets.ts';

/** Provenance and transcription notes: kept, but folded away, since editors rarely touch them. */
const FOLDED_KEYS = new Set(['source', 'readings', 'uncertain']);

export interface FieldSpec {
  path: readonly PathSegment[];
  key: PathSegment | undefined;
  node: SchemaNode;
  required: boolean;
  /** Overrides the label (list items are «Partner n. 2», not the list's name). */
  label?: string;
  /** An item of a list: present by being in the list, so never marked as required, and its type's hint is the list's. */
  item?: boolean;
}

/** The schema's description, when the label does not already say it. */
function hintOf(node: SchemaNode, label: string): string | undefined {
  return node.description && node.description !== label ? node.description : undefined;
}

export function renderField(ctx: FormContext, spec: FieldSpec): HTMLElement {
  const label = spec.label ?? fieldLabel(spec.key, spec.node);
  const hint = spec.item ? undefined : hintOf(spec.node, label);
  switch (fieldKind(spec.node)) {
    case 'object':
      return objectField(ctx, spec, label, hint);
    case 'array':
      return arrayField(ctx, spec, label, hint);
    case 'stats-grid':
      return statsGrid(ctx, spec, (rows) => arrayField(ctx, rows, label, hint));
    case 'union':
      return unionField(ctx, spec, label, hint);
    case 'enum':
      return enumField(ctx, spec, label, hint);
    case 'boolean':
      return booleanField(ctx, spec, label, hint);
    case 'number':
    case 'scalar-union':
      return numberOrTextField(ctx, spec, label, hint);
    case 'const':
      return h('p', { class: 'costante' }, `${label}: `, h('code', {}, String(spec.node.const)));
    // The schema's hint says how the file writes a date or an amount; the widget's says how to fill it in.
    case 'partial-date':
      return dateField(ctx, spec, label, spec.item ? undefined : t('editor.date.help'));
    case 'amount':
      return amountField(ctx, spec, label, spec.item ? undefined : t('editor.amount.help'));
    case 'markdown':
      return markdownField(ctx, spec, label, hint);
    case 'image':
      return imageField(ctx, spec, label);
    case 'color':
      return colorField(ctx, spec, label, hint);
    case 'ref':
      // The picker shows what can be picked: an identifier's format is no help there.
      return refField(ctx, spec, label, undefined);
    case 'text':
      return textField(ctx, spec, label, hint);
  }
}

/** The fields of an object, in the schema's order; an optional group that is absent is one «Aggiungi» button. */
export function objectFields(ctx: FormContext, node: SchemaNode, path: readonly PathSegment[]): HTMLElement[] {
  const required = new Set(node.required ?? []);
  const shown: HTMLElement[] = [];
  const folded: HTMLElement[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const field = renderField(ctx, { path: [...path, key], key, node: child, required: required.has(key) });
    (FOLDED_KEYS.has(key) ? folded : shown).push(field);
  }
  if (folded.length > 0) {
    shown.push(
      h(
        'details',
        { class: 'provenienza', 'data-chiave': `${fieldId(path)}-provenienza` },
        h('summary', {}, t('editor.form.provenance')),
        ...folded,
      ),
    );
  }
  return shown;
}

function objectField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const value = read(ctx, spec.path);
  const present = value !== null && typeof value === 'object';
  if (!present && !spec.required) {
    return h(
      'div',
      { class: 'campo assente', 'data-campo': fieldId(spec.path) },
      button(t('editor.form.addGroup', { label }), () => write(ctx, spec.path, emptyValue(spec.node), true), {
        id: fieldId(spec.path),
        class: 'aggiungi',
      }),
      h('p', { class: 'errore-campo', id: `${fieldId(spec.path)}-errore` }),
    );
  }
  if (!present) place(ctx, spec.path, emptyValue(spec.node));
  const fieldset = group(spec.path, label, hint, ...objectFields(ctx, spec.node, spec.path));
  if (!spec.required && spec.path.length > 0 && typeof spec.path[spec.path.length - 1] === 'string') {
    fieldset.append(button(t('editor.form.removeGroup', { label }), () => write(ctx, spec.path, undefined, true), { class: 'rimuovi' }));
  }
  return fieldset;
}

function arrayField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const itemNode = spec.node.items ?? {};
  const value = read(ctx, spec.path);
  const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [];
  const list = h('ol', { class: 'voci-lista' });
  const setItems = (next: unknown[]) => write(ctx, spec.path, next.length === 0 && !spec.required ? undefined : next, true);
  items.forEach((item, index) => {
    const position = t('editor.form.item', { label, n: index + 1 });
    const title = itemTitle(item);
    const itemLabel = title && fieldKind(itemNode) !== 'ref' && typeof item === 'object' ? `${position}: ${title}` : position;
    const controls = h(
      'div',
      { class: 'comandi-voce' },
      button(t('editor.form.up'), () => setItems(swap(items, index, index - 1)), {
        'aria-label': t('editor.form.upLabel', { item: position }),
        disabled: index === 0,
      }),
      button(t('editor.form.down'), () => setItems(swap(items, index, index + 1)), {
        'aria-label': t('editor.form.downLabel', { item: position }),
        disabled: index === items.length - 1,
      }),
      button(t('editor.form.remove'), () => setItems(items.filter((_, i) => i !== index)), {
        'aria-label': t('editor.form.removeLabel', { item: position }),
        class: 'rimuovi',
      }),
    );
    const field = renderField(ctx, {
      path: [...spec.path, index],
      key: undefined,
      node: itemNode,
      required: true,
      label: itemLabel,
      item: true,
    });
    list.append(h('li', { class: 'voce-lista' }, field, controls));
  });
  const add = button(
    t('editor.form.addItem', { label }),
    () => {
      setItems([...items, emptyValue(itemNode)]);
      // The new item's first control takes the focus, so keyboard users go on where they are.
      requestAnimationFrame(() => {
        const added = document.querySelector(`[data-campo="${fieldId([...spec.path, items.length])}"]`);
        for (let details = added?.closest('details'); details; details = details.parentElement?.closest('details')) details.open = true;
        added?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
      });
    },
    { class: 'aggiungi' },
  );
  const footer = h('div', { class: 'comandi-lista' }, add);
  if (itemNode.editor?.ref === 'areas') footer.append(newAreaForm(ctx, spec, items));
  return group(spec.path, label, hint, items.length === 0 ? h('p', { class: 'vuoto' }, t('editor.form.empty')) : list, footer);
}

function swap(items: readonly unknown[], a: number, b: number): unknown[] {
  const next = [...items];
  [next[a], next[b]] = [next[b], next[a]];
  return next;
}

/** «Nuova area»: adds an area to the organization's vocabulary and selects it here. */
function newAreaForm(ctx: FormContext, spec: FieldSpec, items: readonly unknown[]): HTMLElement {
  const base = fieldId(spec.path);
  const idInput = h('input', { id: `${base}-nuova-id`, type: 'text', autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const labelInput = h('input', { id: `${base}-nuova-nome`, type: 'text', autocomplete: 'off' });
  const status = h('p', { class: 'stato', role: 'status' });
  const create = async () => {
    const id = idInput.value.trim();
    const name = labelInput.value.trim();
    if (id === '' || name === '') {
      status.textContent = t('editor.area.missing');
      return;
    }
    status.textContent = t('editor.area.saving');
    try {
      const saved = await ctx.addArea(id, name);
      write(ctx, spec.path, [...items, saved], true);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  return h(
    'details',
    { class: 'nuova-area', 'data-chiave': `${base}-nuova-area` },
    h('summary', {}, t('editor.area.new')),
    h('p', { class: 'aiuto' }, t('editor.area.help')),
    h('label', { for: idInput.id }, t('editor.area.id')),
    idInput,
    h('label', { for: labelInput.id }, t('editor.area.label')),
    labelInput,
    button(t('editor.area.create'), () => void create()),
    status,
  );
}

function unionField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const options = alternatives(spec.node);
  const value = read(ctx, spec.path);
  const chosen = value === undefined ? -1 : matchingAlternative(spec.node, value);
  const id = `${fieldId(spec.path)}-forma`;
  const select = h('select', { id });
  if (chosen < 0) select.append(h('option', { value: '' }, t('editor.form.choose')));
  options.forEach((option, index) => {
    select.append(h('option', { value: String(index), selected: index === chosen }, variantLabel(option)));
  });
  select.addEventListener('change', () => {
    const next = options[Number(select.value)];
    if (next) write(ctx, spec.path, emptyValue(next), true);
  });
  const chooser = h('div', { class: 'campo' }, h('label', { for: id }, t('editor.form.form')), select);
  const variant = options[chosen];
  const body = variant ? renderField(ctx, { ...spec, node: variant, label: t('editor.form.details') }) : undefined;
  return group(spec.path, label, hint, chooser, body);
}

function variantLabel(option: SchemaNode): string {
  const discriminator = option.properties?.['type']?.const;
  if (typeof discriminator === 'string') return discriminator;
  const kind = fieldKind(option);
  if (kind === 'object') return t('editor.form.variantObject');
  if (kind === 'number') return t('editor.form.variantNumber');
  return t('editor.form.variantText');
}

function enumField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const select = h('select', { id, 'aria-describedby': describedBy });
    const fallback =
      spec.node.default === undefined
        ? t('editor.form.choose')
        : t('editor.form.default', {
            value: typeof spec.node.default === 'string' ? spec.node.default : JSON.stringify(spec.node.default),
          });
    select.append(h('option', { value: '' }, fallback));
    for (const option of spec.node.enum ?? []) {
      // A value the file spells in English (`integer`, `sum`) gets its Italian meaning beside it.
      const meaning = optionalText(`editor.values.${String(option)}`);
      const text = meaning === undefined ? String(option) : `${meaning} (${String(option)})`;
      select.append(h('option', { value: String(option), selected: option === value }, text));
    }
    if (value !== undefined && !(spec.node.enum ?? []).includes(value)) {
      select.append(
        h('option', { value: String(value as string), selected: true }, t('editor.form.unknownValue', { value: String(value as string) })),
      );
    }
    select.addEventListener('change', () => write(ctx, spec.path, select.value === '' ? undefined : select.value));
    return select;
  });
}

function booleanField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const id = fieldId(spec.path);
  const present = read(ctx, spec.path) !== undefined;
  const checkbox = h('input', {
    id,
    type: 'checkbox',
    checked: read(ctx, spec.path) === true,
    'aria-describedby': hint ? `${id}-aiuto ${id}-errore` : `${id}-errore`,
  });
  // Unticked writes `false` only where the file already said something: a default stays unwritten.
  checkbox.addEventListener('change', () => write(ctx, spec.path, checkbox.checked ? true : present ? false : undefined));
  return h(
    'div',
    { class: 'campo casella', 'data-campo': id },
    checkbox,
    h('label', { for: id }, label),
    hint ? h('p', { class: 'aiuto', id: `${id}-aiuto` }, hint) : undefined,
    h('p', { class: 'errore-campo', id: `${id}-errore` }),
  );
}

/** Text written as is; '' for a required field (the validator then names it), nothing for an optional one. */
function textValue(spec: FieldSpec, text: string): string | undefined {
  return text === '' && !spec.required ? undefined : text;
}

function textField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const long = typeof value === 'string' && (value.length > 90 || value.includes('\n'));
    const type = spec.node.format === 'uri' ? 'url' : spec.node.format === 'email' ? 'email' : 'text';
    const input = long
      ? h('textarea', { id, rows: 3, 'aria-describedby': describedBy })
      : h('input', { id, type, autocomplete: 'off', 'aria-describedby': describedBy });
    input.value = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    input.addEventListener('input', () => write(ctx, spec.path, textValue(spec, input.value)));
    return input;
  });
}

/**
 * A number, or a value that may be a number or text (a page `24` or `24-25`): typed the Italian
 * way (`1.400,5`); what does not read as a number is kept as typed, so the validator names it.
 */
function numberOrTextField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const numeric = fieldKind(spec.node) === 'number';
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const input = h('input', {
      id,
      type: 'text',
      inputmode: numeric ? 'decimal' : undefined,
      autocomplete: 'off',
      'aria-describedby': describedBy,
    });
    input.value = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    input.addEventListener('input', () => {
      const text = input.value.trim();
      if (text === '') {
        write(ctx, spec.path, spec.required ? '' : undefined);
        return;
      }
      const number = acceptsNumber(spec.node) ? parseTypedNumber(text) : null;
      write(ctx, spec.path, number ?? text);
    });
    return input;
  });
}
