/**
 * The widgets the schemas ask for with `editor: { widget }`: a date at its precision, a euro
 * amount, Markdown with its preview (the site's own renderer), an uploaded image with its
 * required text alternative, a colour, a picker over a vocabulary.
 */
import { t } from '../../i18n/t.ts';
import { formatDecimal } from '../../lib/format.ts';
import { renderMarkdownPlain } from '../../lib/markdown-processor.ts';
import type { Precision } from '../../lib/partial-date.ts';
import { constAlternative, type SchemaNode } from '../lib/json-schema.ts';
import { changePrecision, dateParts, dateValue, fieldId, parseTypedNumber } from '../lib/values.ts';
import { button, h } from './dom.ts';
import { frame, read, write, type FormContext } from './field.ts';
import type { FieldSpec } from './form.ts';

const PRECISIONS: readonly Precision[] = ['year', 'month', 'day'];
const DATE_INPUT: Record<Precision, string> = { year: 'number', month: 'month', day: 'date' };

/** A date at the precision it was printed: year, month or day, each with its own control. */
export function dateField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const parts = dateParts(read(ctx, spec.path));
    let precision = parts.precision;
    const input = h('input', {
      id,
      type: DATE_INPUT[precision],
      'aria-describedby': describedBy,
      min: precision === 'year' ? 1900 : undefined,
      max: precision === 'year' ? 2100 : undefined,
    });
    input.value = parts.text;
    const precisionId = `${id}-precisione`;
    const select = h('select', { id: precisionId, 'aria-label': t('editor.date.precisionOf', { label }) });
    for (const option of PRECISIONS)
      select.append(h('option', { value: option, selected: option === precision }, t(`editor.date.${option}`)));
    const store = () => write(ctx, spec.path, dateValue(precision, input.value) ?? (spec.required ? '' : undefined));
    input.addEventListener('input', store);
    input.addEventListener('change', store);
    select.addEventListener('change', () => {
      const next = select.value as Precision;
      const carried = input.value === '' ? '' : changePrecision(input.value, next);
      precision = next;
      input.type = DATE_INPUT[next];
      input.min = next === 'year' ? '1900' : '';
      input.max = next === 'year' ? '2100' : '';
      input.value = carried;
      store();
    });
    return h('div', { class: 'data' }, select, input);
  });
}

/** Euro amount: typed as Italians write it (`1.400,50`), shown back formatted, stored as a number. */
export function amountField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const tbd = constAlternative(spec.node);
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const input = h('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': describedBy });
    const shown = (amount: unknown) =>
      typeof amount === 'number' ? formatDecimal(amount, 2) : typeof amount === 'string' && amount !== tbd ? amount : '';
    input.value = shown(value);
    const wrapper = h('div', { class: 'importo' }, h('span', { 'aria-hidden': 'true' }, '€'), input);
    let checkbox: HTMLInputElement | undefined;
    input.addEventListener('input', () => {
      const text = input.value.trim();
      if (checkbox) checkbox.checked = false;
      write(ctx, spec.path, text === '' ? undefined : (parseTypedNumber(text) ?? text));
    });
    input.addEventListener('blur', () => (input.value = shown(read(ctx, spec.path))));
    if (tbd !== undefined) {
      const tbdId = `${id}-da-definire`;
      checkbox = h('input', { id: tbdId, type: 'checkbox', checked: value === tbd });
      const box = checkbox;
      input.disabled = value === tbd;
      box.addEventListener('change', () => {
        input.disabled = box.checked;
        if (box.checked) input.value = '';
        write(ctx, spec.path, box.checked ? tbd : undefined);
      });
      wrapper.append(h('span', { class: 'casella' }, box, h('label', { for: tbdId }, tbd)));
    }
    return wrapper;
  });
}

/** Markdown: the text, and a preview rendered by the site's own Markdown pipeline. */
export function markdownEditor(id: string, describedBy: string, value: string, onInput: (text: string) => void): HTMLElement {
  const area = h('textarea', { id, rows: 8, 'aria-describedby': describedBy, class: 'markdown' });
  area.value = value;
  const preview = h('div', { class: 'anteprima-md', id: `${id}-anteprima`, hidden: true, 'aria-live': 'polite' });
  const toggle = button(
    t('editor.markdown.show'),
    () => {
      const showing = preview.hidden;
      preview.hidden = !showing;
      toggle.setAttribute('aria-expanded', String(showing));
      toggle.textContent = showing ? t('editor.markdown.hide') : t('editor.markdown.show');
      if (showing) render();
    },
    { 'aria-controls': preview.id, 'aria-expanded': 'false', class: 'secondario' },
  );
  // The preview's HTML comes out of rehype-sanitize (GitHub's allow-list), as on the site.
  const render = () => preview.replaceChildren(...parseSanitized(renderMarkdownPlain(area.value)));
  area.addEventListener('input', () => {
    onInput(area.value);
    if (!preview.hidden) render();
  });
  return h('div', { class: 'editor-md' }, area, toggle, preview);
}

function parseSanitized(html: string): Node[] {
  return [...new DOMParser().parseFromString(html, 'text/html').body.childNodes];
}

export function markdownField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const value = read(ctx, spec.path);
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) =>
    markdownEditor(id, describedBy, typeof value === 'string' ? value : '', (text) =>
      write(ctx, spec.path, text === '' && !spec.required ? undefined : text),
    ),
  );
}

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/svg+xml';

/** An image: upload next to the entry, and its text alternative (required: the validator and the page ask for it). */
export function imageField(ctx: FormContext, spec: FieldSpec, label: string): HTMLElement {
  const base = fieldId(spec.path);
  const value = read(ctx, spec.path);
  const present = value !== null && typeof value === 'object';
  if (!present && !spec.required) {
    return h(
      'div',
      { class: 'campo assente', 'data-campo': base },
      button(t('editor.form.addGroup', { label }), () => write(ctx, spec.path, { src: '', alt: '' }, true), {
        id: base,
        class: 'aggiungi',
      }),
      h('p', { class: 'errore-campo', id: `${base}-errore` }),
    );
  }
  const image = (present ? value : {}) as Record<string, unknown>;
  const fileInput = h('input', { id: `${base}-file`, type: 'file', accept: IMAGE_TYPES, 'aria-describedby': `${base}-src-errore` });
  const srcText = h(
    'output',
    { id: `${base}-src`, for: fileInput.id },
    typeof image['src'] === 'string' && image['src'] !== '' ? image['src'] : t('editor.image.none'),
  );
  const preview = h('img', { class: 'anteprima-immagine', alt: '', hidden: true });
  const status = h('p', { class: 'stato', role: 'status' });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    status.textContent = t('editor.image.uploading');
    ctx
      .uploadImage(file)
      .then((src) => {
        write(ctx, [...spec.path, 'src'], src);
        srcText.textContent = src;
        fileInput.closest('.immagine')?.setAttribute('data-con-immagine', 'true');
        preview.src = URL.createObjectURL(file);
        preview.hidden = false;
        status.textContent = t('editor.image.uploaded', { src });
      })
      .catch((error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)));
  });
  const altId = `${base}-alt`;
  const alt = h('textarea', {
    id: altId,
    rows: 2,
    required: true,
    'aria-required': 'true',
    'aria-describedby': `${altId}-aiuto ${altId}-errore`,
  });
  alt.value = typeof image['alt'] === 'string' ? image['alt'] : '';
  alt.addEventListener('input', () => write(ctx, [...spec.path, 'alt'], alt.value));
  const fieldset = h(
    'fieldset',
    {
      class: 'gruppo immagine',
      id: base,
      'data-campo': base,
      'data-con-immagine': typeof image['src'] === 'string' && image['src'] !== '' ? 'true' : undefined,
    },
    h('legend', {}, label),
    h('p', { class: 'errore-campo', id: `${base}-errore` }),
    h(
      'div',
      { class: 'campo', 'data-campo': `${base}-src` },
      h('label', { for: fileInput.id }, t('editor.image.file')),
      fileInput,
      h('p', {}, t('editor.image.current'), ' ', srcText),
      preview,
      status,
      h('p', { class: 'errore-campo', id: `${base}-src-errore` }),
    ),
    h(
      'div',
      { class: 'campo', 'data-campo': altId },
      h('label', { for: altId }, t('editor.image.alt'), h('span', { class: 'obbligatorio' }, ` ${t('editor.form.required')}`)),
      alt,
      h('p', { class: 'aiuto', id: `${altId}-aiuto` }, t('editor.image.altHelp')),
      h('p', { class: 'errore-campo', id: `${altId}-errore` }),
    ),
  );
  if (!spec.required)
    fieldset.append(button(t('editor.form.removeGroup', { label }), () => write(ctx, spec.path, undefined, true), { class: 'rimuovi' }));
  return fieldset;
}

/** A colour: the browser's picker and the hex text, kept in step. */
export function colorField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const text = h('input', { id, type: 'text', autocomplete: 'off', 'aria-describedby': describedBy, placeholder: '#0066CC' });
    text.value = typeof value === 'string' ? value : '';
    const picker = h('input', { type: 'color', 'aria-label': t('editor.color.picker', { label }) });
    if (/^#[0-9a-f]{6}$/i.test(text.value)) picker.value = text.value.toLowerCase();
    text.addEventListener('input', () => {
      if (/^#[0-9a-f]{6}$/i.test(text.value)) picker.value = text.value.toLowerCase();
      write(ctx, spec.path, text.value === '' && !spec.required ? undefined : text.value);
    });
    picker.addEventListener('input', () => {
      text.value = picker.value.toUpperCase();
      write(ctx, spec.path, text.value);
    });
    return h('div', { class: 'colore' }, picker, text);
  });
}

/** A picker over a vocabulary the API offers (`opzioni`): cards, earlier objectives, areas, programmes, organizations, documents. */
export function refField(ctx: FormContext, spec: FieldSpec, label: string, hint: string | undefined): HTMLElement {
  const ref = spec.node.editor?.ref ?? '';
  return frame(spec.path, label, hint, spec.required && !spec.item, (id, describedBy) => {
    const value = read(ctx, spec.path);
    const current = typeof value === 'string' ? value : '';
    const select = h('select', { id, 'aria-describedby': describedBy, 'aria-busy': 'true' });
    select.append(h('option', { value: '' }, t('editor.form.choose')));
    if (current !== '') select.append(h('option', { value: current, selected: true }, current));
    select.addEventListener('change', () => write(ctx, spec.path, select.value === '' ? (spec.required ? '' : undefined) : select.value));
    ctx
      .options(ref)
      .then((options) => {
        const groups = new Map<string, HTMLElement>();
        select.replaceChildren(h('option', { value: '' }, t('editor.form.choose')));
        for (const option of options) {
          const element = h(
            'option',
            { value: option.value, selected: option.value === current },
            option.label === option.value ? option.value : `${option.label} (${option.value})`,
          );
          if (option.group === undefined) select.append(element);
          else {
            let optgroup = groups.get(option.group);
            if (!optgroup) {
              optgroup = h('optgroup', { label: option.group });
              groups.set(option.group, optgroup);
              select.append(optgroup);
            }
            optgroup.append(element);
          }
        }
        if (current !== '' && !options.some((option) => option.value === current)) {
          select.append(h('option', { value: current, selected: true }, t('editor.form.unknownValue', { value: current })));
        }
        select.removeAttribute('aria-busy');
      })
      .catch((error: unknown) => {
        select.removeAttribute('aria-busy');
        select.title = error instanceof Error ? error.message : String(error);
      });
    return select;
  });
}

export type { SchemaNode };
