/**
 * The editor's page (`/redazione/`, only in `npm run dev`): the lists of entries by type and
 * organization with search, the form of the open entry, validation as the editor types (the
 * validator's own problems, at their field and in a summary), saving with the diff, the preview.
 */
import { t, tn } from '../../i18n/t.ts';
import { emptyValue, type SchemaNode } from '../lib/json-schema.ts';
import { fieldId } from '../lib/values.ts';
import { newEntryPath } from '../lib/entry-path.ts';
import { api, ApiError, type Draft, type Option, type Problem, type TypeInfo } from './api.ts';
import { button, h } from './dom.ts';
import { optionalText, type FormContext } from './field.ts';
import { objectFields, renderField } from './form.ts';
import { missingAltTexts, showProblemsIn } from './problems.ts';
import { markdownEditor } from './widgets.ts';

const root = document.getElementById('redazione');
if (!root) throw new Error('redazione: manca il contenitore della pagina');
const dirs = JSON.parse(root.dataset['dirs'] ?? '{}') as Record<string, string>;

const listPanel = document.getElementById('elenco')!;
const editorPanel = document.getElementById('scheda')!;

let types: TypeInfo[] = [];
let organizations: { id: string; name: string }[] = [];

/** The entry open in the form. */
interface OpenEntry {
  type: TypeInfo;
  path: string;
  org: string | undefined;
  create: boolean;
  ctx: FormContext;
  problems: Problem[];
  dirty: boolean;
  /** The version of the files the form shows (undefined for a new entry): saving refuses any other. */
  version: string | undefined;
  /** The field to show first when a list file is opened to add an item. */
  focusPath?: string;
}
let open: OpenEntry | undefined;

const VERIFY_DELAY_MS = 500;
let verifyTimer: ReturnType<typeof setTimeout> | undefined;
let verifyRound = 0;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** «Nuova scheda», «Nuovo piano»: the word's gender is the type's, so each type has its own text. */
function newLabel(type: TypeInfo): string {
  return optionalText(`editor.newByType.${type.name}`) ?? t('editor.list.new', { label: type.label });
}

function typeByName(name: string): TypeInfo | undefined {
  return types.find((type) => type.name === name);
}

// ——— The lists ————————————————————————————————————————————————————————————————

const typeSelect = h('select', { id: 'filtro-tipo' });
const orgSelect = h('select', { id: 'filtro-org' });
const search = h('input', { id: 'filtro-cerca', type: 'search', autocomplete: 'off' });
const newButton = button('', () => startNew());
const listStatus = h('p', { class: 'stato', role: 'status' });
const list = h('ul', { class: 'elenco-voci' });

function renderListPanel(): void {
  for (const type of types) typeSelect.append(h('option', { value: type.name }, type.label));
  orgSelect.append(h('option', { value: '' }, t('editor.list.allOrgs')));
  for (const org of organizations) orgSelect.append(h('option', { value: org.id }, org.name));
  const params = new URLSearchParams(location.search);
  typeSelect.value = params.get('tipo') ?? types.find((type) => type.name === 'projects')?.name ?? types[0]?.name ?? '';
  orgSelect.value = params.get('org') ?? '';
  listPanel.replaceChildren(
    h('h2', {}, t('editor.list.title')),
    h('div', { class: 'campo' }, h('label', { for: typeSelect.id }, t('editor.list.type')), typeSelect),
    h('div', { class: 'campo' }, h('label', { for: orgSelect.id }, t('editor.list.org')), orgSelect),
    h('div', { class: 'campo' }, h('label', { for: search.id }, t('editor.list.search')), search),
    newButton,
    listStatus,
    list,
  );
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  typeSelect.addEventListener('change', () => void loadList());
  orgSelect.addEventListener('change', () => void loadList());
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void loadList(), 250);
  });
}

async function loadList(): Promise<void> {
  const type = typeByName(typeSelect.value);
  if (!type) return;
  newButton.textContent = newLabel(type);
  listStatus.textContent = t('editor.list.loading');
  try {
    const { entries } = await api.entries(type.name, orgSelect.value || undefined, search.value.trim() || undefined);
    list.replaceChildren(
      ...entries.map((entry) => {
        const link = h(
          'a',
          { href: `?voce=${encodeURIComponent(entry.path)}`, 'aria-current': entry.path === open?.path ? 'true' : undefined },
          entry.title,
        );
        link.addEventListener('click', (event) => {
          event.preventDefault();
          void openEntry(entry.path);
        });
        const details = [entry.id, entry.status].filter((part) => part !== undefined && part !== '').join(' · ');
        return h('li', {}, link, h('span', { class: 'dettagli' }, details));
      }),
    );
    listStatus.textContent = tn('editor.list.count', entries.length);
  } catch (error) {
    listStatus.textContent = message(error);
  }
}

// ——— Opening and creating ————————————————————————————————————————————————————

const optionCache = new Map<string, Promise<Option[]>>();

function contextFor(entry: { path: string; org: string | undefined }, state: FormContext['state']): FormContext {
  return {
    state,
    entryPath: entry.path,
    org: entry.org,
    changed: (structural) => {
      if (!open) return;
      open.dirty = true;
      if (structural) renderEditor();
      scheduleVerify();
    },
    options: (ref) => {
      const key = `${ref}|${entry.org ?? ''}|${entry.path}`;
      let cached = optionCache.get(key);
      if (!cached) {
        cached = api.options(ref, entry.org, entry.path).then(({ options }) => options);
        cached.catch(() => optionCache.delete(key));
        optionCache.set(key, cached);
      }
      return cached;
    },
    uploadImage: async (file) => {
      const data = await readBase64(file);
      const { src } = await api.image(entry.path, file.name, data);
      return src;
    },
    addArea: async (id, label) => {
      if (!entry.org) throw new Error(t('editor.area.noOrg'));
      const orgPath = `${dirs['organizations'] ?? 'data/organizations'}/${entry.org}.yaml`;
      const organization = await api.entry(orgPath);
      const data = (organization.data ?? {}) as Record<string, unknown>;
      const areas = Array.isArray(data['areas']) ? (data['areas'] as unknown[]) : [];
      const result = await api.save({ path: orgPath, data: { ...data, areas: [...areas, { id, label }] }, version: organization.version });
      if (!result.saved) throw new Error(t('editor.area.refused', { problems: result.problems.map((p) => p.message).join('; ') }));
      for (const key of optionCache.keys()) if (key.startsWith('areas|')) optionCache.delete(key);
      return id;
    },
  };
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(new Error(t('editor.image.unreadable', { name: file.name })));
    reader.readAsDataURL(file);
  });
}

async function openEntry(path: string, addItem = false): Promise<void> {
  if (!confirmLeave()) return;
  editorPanel.replaceChildren(h('p', { class: 'stato', role: 'status' }, t('editor.entry.loading')));
  try {
    const entry = await api.entry(path);
    const type = typeByName(entry.type);
    if (!type) throw new Error(t('editor.entry.unknownType', { type: entry.type }));
    // The list follows the open entry: its type, so that its neighbours are one click away.
    typeSelect.value = type.name;
    const state: FormContext['state'] = { data: entry.data };
    if (entry.body !== undefined) state.body = entry.body;
    if (entry.csv) state.csv = entry.csv;
    open = {
      type,
      path,
      org: entry.org,
      create: false,
      ctx: contextFor({ path, org: entry.org }, state),
      problems: entry.problems,
      dirty: false,
      version: entry.version,
    };
    if (addItem && Array.isArray(state.data)) {
      const items = state.data as unknown[];
      items.push(emptyValue(type.schema.items ?? {}));
      open.dirty = true;
      open.focusPath = fieldId([items.length - 1]);
    }
    history.replaceState(null, '', `?voce=${encodeURIComponent(path)}`);
    renderEditor();
    if (open.focusPath) document.getElementById(open.focusPath)?.scrollIntoView();
    showProblems(entry.problems);
    void loadList();
  } catch (error) {
    editorPanel.replaceChildren(h('p', { class: 'errore', role: 'alert' }, message(error)));
  }
}

/** «Nuova scheda»: organization and identifier first (they make the file's name), then the form. */
function startNew(): void {
  const type = typeByName(typeSelect.value);
  if (!type || !confirmLeave()) return;
  const dir = dirs[type.name] ?? '';
  if (type.layout === 'list-file') {
    void openEntry(dir, true);
    return;
  }
  if (type.layout === 'single-file') {
    void openEntry(dir);
    return;
  }
  const orgChoice = h('select', { id: 'nuova-org', required: true });
  for (const org of organizations) orgChoice.append(h('option', { value: org.id, selected: org.id === orgSelect.value }, org.name));
  const idInput = h('input', {
    id: 'nuova-id',
    type: 'text',
    required: true,
    autocomplete: 'off',
    'aria-describedby': 'nuova-id-aiuto nuova-errore',
  });
  const error = h('p', { class: 'errore-campo', id: 'nuova-errore', role: 'alert' });
  const form = h(
    'form',
    { class: 'nuova', novalidate: true },
    h('h2', {}, newLabel(type)),
    type.layout === 'per-organization'
      ? h('div', { class: 'campo' }, h('label', { for: orgChoice.id }, t('editor.new.org')), orgChoice)
      : undefined,
    h(
      'div',
      { class: 'campo' },
      h('label', { for: idInput.id }, t('editor.new.id')),
      idInput,
      h('p', { class: 'aiuto', id: 'nuova-id-aiuto' }, t('editor.new.idHelp')),
    ),
    error,
    h('button', { type: 'submit' }, t('editor.new.start')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const org = type.layout === 'per-organization' ? orgChoice.value : undefined;
    const made = newEntryPath({ dir, layout: type.layout, ext: type.ext, org, id: idInput.value.trim() });
    if ('error' in made) {
      error.textContent = made.error;
      idInput.setAttribute('aria-invalid', 'true');
      idInput.focus();
      return;
    }
    const state: FormContext['state'] = { data: emptyValue(type.schema) };
    if (type.frontMatter) state.body = '';
    open = {
      type,
      path: made.path,
      org: org ?? idInput.value.trim(),
      create: true,
      ctx: contextFor({ path: made.path, org }, state),
      problems: [],
      dirty: true,
      version: undefined,
    };
    renderEditor();
    scheduleVerify();
    document.getElementById('modulo')?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });
  editorPanel.replaceChildren(form);
  idInput.focus();
}

// ——— The form, the problems, saving ——————————————————————————————————————————

const summary = h('section', { class: 'riepilogo', 'aria-labelledby': 'riepilogo-titolo' });
const verifyStatus = h('p', { class: 'stato', role: 'status' });
const saveResult = h('section', { class: 'esito', 'aria-live': 'polite' });

function renderEditor(): void {
  if (!open) return;
  const entry = open;
  const focused = document.activeElement?.id;
  // Folded parts stay as the editor left them across a redraw.
  const unfolded = new Set(
    [...editorPanel.querySelectorAll<HTMLDetailsElement>('details[open]')].map((details) => details.dataset['chiave']),
  );
  const title = h('h2', { id: 'titolo-voce' }, entry.create ? newLabel(entry.type) : t('editor.entry.title', { label: entry.type.label }));
  const form = h('form', { id: 'modulo', class: 'modulo', novalidate: true, 'aria-labelledby': 'titolo-voce' });
  form.addEventListener('submit', (event) => event.preventDefault());
  const schema: SchemaNode = entry.type.schema;
  if (Array.isArray(entry.ctx.state.data) || schema.type === 'array') {
    form.append(renderField(entry.ctx, { path: [], key: undefined, node: schema, required: true, label: entry.type.label }));
  } else {
    if (entry.ctx.state.data === null || typeof entry.ctx.state.data !== 'object') entry.ctx.state.data = {};
    form.append(...objectFields(entry.ctx, schema, []));
  }
  if (entry.type.frontMatter) {
    const id = 'campo-corpo';
    form.append(
      h(
        'div',
        { class: 'campo', 'data-campo': id },
        h('label', { for: id }, t('editor.entry.body')),
        markdownEditor(id, `${id}-aiuto ${id}-errore`, entry.ctx.state.body ?? '', (text) => {
          entry.ctx.state.body = text;
          entry.ctx.changed(false);
        }),
        h('p', { class: 'aiuto', id: `${id}-aiuto` }, t('editor.entry.bodyHelp')),
        h('p', { class: 'errore-campo', id: `${id}-errore` }),
      ),
    );
  }
  const commitInput = h('input', {
    id: 'messaggio-commit',
    type: 'text',
    autocomplete: 'off',
    'aria-describedby': 'messaggio-commit-aiuto',
  });
  const commit = h(
    'div',
    { class: 'campo commit' },
    h('label', { for: commitInput.id }, t('editor.entry.commit')),
    commitInput,
    h('p', { class: 'aiuto', id: 'messaggio-commit-aiuto' }, t('editor.entry.commitHelp')),
  );
  // Save and preview stay in reach at the bottom of the screen, however long the form.
  const actions = h(
    'div',
    { class: 'azioni' },
    button(t('editor.entry.save'), () => void save(commitInput.value.trim())),
    button(t('editor.entry.preview'), () => void preview(), { class: 'secondario' }),
  );
  editorPanel.replaceChildren(
    title,
    h('p', { class: 'percorso' }, h('code', {}, entry.path)),
    verifyStatus,
    summary,
    form,
    commit,
    actions,
    saveResult,
  );
  for (const details of editorPanel.querySelectorAll<HTMLDetailsElement>('details[data-chiave]')) {
    if (unfolded.has(details.dataset['chiave'])) details.open = true;
  }
  showProblems(entry.problems);
  if (focused) document.getElementById(focused)?.focus();
}

function scheduleVerify(): void {
  clearTimeout(verifyTimer);
  verifyTimer = setTimeout(() => void verify(), VERIFY_DELAY_MS);
}

function draftOf(entry: OpenEntry): Draft {
  const draft: Draft = { path: entry.path, data: entry.ctx.state.data };
  if (entry.ctx.state.body !== undefined) draft.body = entry.ctx.state.body;
  if (entry.ctx.state.csv) draft.csv = { header: entry.ctx.state.csv.header, rows: entry.ctx.state.csv.rows };
  return draft;
}

async function verify(): Promise<void> {
  if (!open) return;
  const entry = open;
  const round = ++verifyRound;
  verifyStatus.textContent = t('editor.verify.running');
  try {
    const { problems } = await api.check(draftOf(entry));
    // An answer to an older draft is of no use once a newer one is on its way.
    if (round !== verifyRound || entry !== open) return;
    entry.problems = problems;
    showProblems(problems);
  } catch (error) {
    if (round === verifyRound) verifyStatus.textContent = message(error);
  }
}

/** The problems of this entry's files, at their fields and in the summary. */
function showProblems(problems: Problem[]): void {
  if (!open) return;
  showProblemsIn({ panel: editorPanel, summary, status: verifyStatus }, problems, [open.path, open.ctx.state.csv?.path]);
}

async function save(commitMessage: string): Promise<void> {
  if (!open) return;
  const entry = open;
  clearTimeout(verifyTimer);
  if (missingAltTexts(editorPanel).length > 0) {
    showProblems(entry.problems);
    saveResult.replaceChildren(h('p', { class: 'errore', role: 'alert' }, t('editor.image.altRefused')));
    return;
  }
  saveResult.replaceChildren(h('p', { class: 'stato', role: 'status' }, t('editor.save.running')));
  try {
    const result = await api.save({
      ...draftOf(entry),
      ...(entry.create ? { create: true } : {}),
      ...(entry.version === undefined ? {} : { version: entry.version }),
      ...(commitMessage === '' ? {} : { commit: { message: commitMessage } }),
    });
    entry.problems = result.problems;
    showProblems(result.problems);
    if (!result.saved) {
      const errors = result.problems.filter((problem) => problem.severity === 'error').length;
      saveResult.replaceChildren(
        h('p', { class: 'errore', role: 'alert' }, t('editor.save.refused', { errors: tn('editor.verify.errors', errors) })),
      );
      summary.querySelector('a')?.focus();
      return;
    }
    entry.create = false;
    entry.dirty = false;
    entry.version = result.version;
    history.replaceState(null, '', `?voce=${encodeURIComponent(entry.path)}`);
    saveResult.replaceChildren(
      h('p', { class: 'riuscito', role: 'status' }, commitMessage === '' ? t('editor.save.done') : t('editor.save.committed')),
      h('h3', {}, t('editor.save.diff')),
      h('pre', { class: 'diff', tabindex: 0 }, result.diff === '' ? t('editor.save.noChange') : result.diff),
    );
    void loadList();
  } catch (error) {
    saveResult.replaceChildren(h('p', { class: 'errore', role: 'alert' }, message(error)));
  }
}

async function preview(): Promise<void> {
  if (!open) return;
  if (open.create) {
    saveResult.replaceChildren(h('p', { class: 'errore', role: 'alert' }, t('editor.entry.previewUnsaved')));
    return;
  }
  try {
    const { url } = await api.preview(open.path);
    window.open(url, '_blank', 'noopener');
  } catch (error) {
    saveResult.replaceChildren(h('p', { class: 'errore', role: 'alert' }, message(error)));
  }
}

function confirmLeave(): boolean {
  return !open?.dirty || window.confirm(t('editor.entry.unsaved'));
}

// Any saved file (here, or by hand) makes Astro's dev server reload every open page so that it
// shows the new content. The editor reads its content through the API, not from its page: a
// reload would only throw away the draft being written (a new card whose area was just added to
// the organization). Vite's client awaits this hook before reloading, so the editor's page holds
// the reload back for good; tests/editor/browser.test.ts fails if a reload comes mid-draft.
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- typed as void, but awaited by Vite's client.
import.meta.hot?.on('vite:beforeFullReload', () => new Promise<void>(() => undefined));

window.addEventListener('beforeunload', (event) => {
  if (open?.dirty) event.preventDefault();
});

async function start(): Promise<void> {
  try {
    ({ types, organizations } = await api.types());
  } catch (error) {
    listPanel.replaceChildren(h('p', { class: 'errore', role: 'alert' }, error instanceof ApiError ? error.message : message(error)));
    return;
  }
  renderListPanel();
  await loadList();
  const path = new URLSearchParams(location.search).get('voce');
  if (path) await openEntry(path);
  else editorPanel.replaceChildren(h('p', { class: 'aiuto' }, t('editor.entry.none')));
}

void start();
