/**
 * Checks across entries, which no single schema can see: references between collections and
 * organizations, duplicate ids, statistics that do not fit their periods, declared figures that
 * differ from their tables, missing images, and status contradicting dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Organization } from '../../schemas/organization.ts';
import type { Plan } from '../../schemas/plan.ts';
import type { ProjectCard } from '../../schemas/project.ts';
import type { Report } from '../../schemas/report.ts';
import type { StatsTable } from '../../schemas/stats.ts';
import { earliestDay, latestDay, parsePartialDate } from '../partial-date.ts';
import { computeHeadline, tablePeriods } from '../stats.ts';
import { formatNumberPlain } from '../format.ts';
import { decimalCommaList } from './italian-numbers.ts';
import { outOfRange } from './value-ranges.ts';
import { closest } from './schema-introspect.ts';
import { nodeAt, sourceOf } from './source-file.ts';
import { problemAt, type Entry, type LoadedSource } from './load.ts';
import type { Problem } from './problem.ts';
import { replaceNode, type LineFix } from './edits.ts';
import type { SiteConfig } from '../../schemas/site.ts';
import { missingDeclarations } from '../site/accessibility.ts';
import { catalogGaps, catalogPublisher } from '../site/dcat-ap-it.ts';

export interface CheckOptions {
  /** Today as `AAAA-MM-GG`, for status-versus-dates checks. */
  today: string;
  /**
   * The site's public address, when it has one: only then is the open-data catalogue for
   * dati.gov.it written (it needs absolute links), and checked.
   */
  siteUrl?: string | undefined;
}

const COMPUTATION_LABELS = { sum: 'somma', mean: 'media', last: 'ultimo valore', change: 'variazione' } as const;

type Ctx = {
  problems: Problem[];
  byCollection: Map<string, Map<string, Entry>>;
  root: string;
  assets: Set<string>;
  invalid: Set<string>;
  options: CheckOptions;
  /** Built once per collection: every check of every entry reads these. */
  known: Map<string, KnownEntries>;
  objectives?: Map<string, { plan: Entry<Plan>; year: number }>;
  headlines?: Set<string>;
  /** Files of `data/documents/`, or null when the source has no such folder. */
  documents?: string[] | null;
};

/** Valid entries by id; `has` is also true for files that exist but failed validation (reported on their own). */
class KnownEntries extends Map<string, Entry> {
  private readonly invalid: ReadonlySet<string>;

  constructor(entries: Map<string, Entry> | undefined, invalid: ReadonlySet<string>) {
    super(entries);
    this.invalid = invalid;
  }
  override has(id: string): boolean {
    return super.has(id) || this.invalid.has(id);
  }
}

function ids(ctx: Ctx, collection: string): KnownEntries {
  let known = ctx.known.get(collection);
  if (!known) {
    const invalid = new Set(
      [...ctx.invalid].filter((key) => key.startsWith(`${collection}:`)).map((key) => key.slice(collection.length + 1)),
    );
    known = new KnownEntries(ctx.byCollection.get(collection), invalid);
    ctx.known.set(collection, known);
  }
  return known;
}

function err(
  ctx: Ctx,
  entry: Entry,
  at: readonly PropertyKey[],
  message: string,
  fix: string | LineFix | undefined,
  code: string,
  severity: Problem['severity'] = 'error',
): void {
  const lineFix = typeof fix === 'object' ? fix : { fix };
  ctx.problems.push(problemAt(entry.parsed, [...entry.at, ...at], { severity, message, code, ...lineFix }));
}

/** The line to copy that writes `value` in place of the field at `at`; the instruction when there is no single line. */
function setValue(entry: Entry, at: readonly PropertyKey[], value: unknown, otherwise: string): LineFix | string {
  return replaceNode(entry.parsed, nodeAt(entry.parsed.doc, [...entry.at, ...at]).node, value) ?? otherwise;
}

/**
 * The existing id the editor most likely meant. For a reference with parts (`anci-prova/sportelo`,
 * `anci-prova/2021/riforma-cal`) only the last part may differ: a near spelling with another
 * organization or year is another entry, not a typo.
 */
function suggestion(value: string, options: Iterable<string>): string | undefined {
  const cut = value.lastIndexOf('/') + 1;
  if (cut === 0) return closest(value, [...options]);
  const prefix = value.slice(0, cut);
  const same = [...options].filter((option) => option.startsWith(prefix)).map((option) => option.slice(cut));
  const last = closest(value.slice(cut), same);
  return last === undefined ? undefined : `${prefix}${last}`;
}

/** The reference the editor most likely meant, as the line to copy; else the list or what to create. */
function refFix(entry: Entry, at: readonly PropertyKey[], value: string, options: Iterable<string>, what: string): LineFix | string {
  const s = suggestion(value, options);
  const list = [...options];
  if (s) return setValue(entry, at, s, `forse intendevi «${s}»`);
  return list.length > 0 && list.length <= 12 ? `usa uno di: ${list.join(', ')}` : `crea ${what} oppure correggi il riferimento`;
}

/** Reports a reference to an entry that does not exist, with the closest existing id as the fix. */
function requireRef(
  ctx: Ctx,
  entry: Entry,
  at: readonly PropertyKey[],
  ref: { key: string; value: string; known: { has(id: string): boolean; keys(): Iterable<string> }; noun: string; create: string },
): void {
  if (ref.known.has(ref.value)) return;
  const s = suggestion(ref.value, ref.known.keys());
  err(
    ctx,
    entry,
    at,
    `${ref.noun} «${ref.value}» inesistente${s ? `: forse intendevi «${s}»?` : ''}`,
    refFix(entry, at, ref.value, ref.known.keys(), ref.create),
    'riferimento',
  );
}

function checkDuplicates(ctx: Ctx, entry: Entry, items: readonly { id: string }[], at: readonly PropertyKey[], what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      err(
        ctx,
        entry,
        [...at, index, 'id'],
        `identificativo duplicato «${item.id}»: ${what} ${first + 1} usa già lo stesso`,
        setValue(entry, [...at, index, 'id'], freeId(item.id, seen), 'scegli un identificativo diverso'),
        'duplicato',
      );
    } else seen.set(item.id, index);
  });
}

/** `riforma-cal-2`, or the first number not taken. */
function freeId(id: string, taken: { has(id: string): boolean }): string {
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

function checkOrganizationFolder(ctx: Ctx, entry: Entry): void {
  if (entry.organization === undefined) return;
  const orgs = ids(ctx, 'organizations');
  // An organization file that exists but has errors is reported on its own: no cascade here.
  const orgFileExists = fs.existsSync(path.join(ctx.root, 'data', 'organizations', `${entry.organization}.yaml`));
  if (!orgs.has(entry.organization) && !orgFileExists) {
    ctx.problems.push({
      severity: 'error',
      file: entry.file,
      line: 1,
      column: 1,
      field: '',
      message: `la cartella «${entry.organization}» non corrisponde a nessuna organizzazione (manca data/organizations/${entry.organization}.yaml)`,
      ...folderFix(entry, suggestion(entry.organization, orgs.keys())),
      code: 'riferimento',
    });
  }
}

function folderFix(entry: Entry, folder: string | undefined): Pick<Problem, 'fix' | 'edit'> {
  if (folder === undefined) return { fix: `crea data/organizations/${entry.organization ?? ''}.yaml` };
  const parts = entry.file.split('/');
  parts[parts.length - 2] = folder;
  return { fix: `sposta il file nella cartella «${folder}»`, edit: { renameTo: parts.join('/') } };
}

function checkImage(ctx: Ctx, entry: Entry, src: string, at: readonly PropertyKey[]): void {
  if (/^https?:\/\//.test(src)) {
    err(
      ctx,
      entry,
      at,
      "le immagini devono stare accanto ai contenuti, non su un altro sito (il sito e i PDF non scaricano nulla dall'esterno)",
      "scarica l'immagine, mettila nella cartella del file e scrivi src: ./nome.jpg",
      'immagine',
    );
    return;
  }
  const abs = path.resolve(path.dirname(entry.abs), src);
  const rel = path.relative(ctx.root, abs).split(path.sep).join('/');
  if (rel.startsWith('..') || !fs.existsSync(abs)) {
    err(
      ctx,
      entry,
      at,
      `immagine non trovata: ${src}`,
      // A path of the editor's computer (`C:\Users\…\foto.jpg`) names the file by its last part.
      `metti il file ${src.split(/[\\/]/).pop() ?? src} nella cartella ${path.dirname(entry.file)}/ e scrivi src: ./${src.split(/[\\/]/).pop() ?? src}`,
      'immagine',
    );
  }
}

function checkOrganization(ctx: Ctx, entry: Entry<Organization>): void {
  const org = entry.data;
  const orgs = ids(ctx, 'organizations');
  if (org.areas) checkDuplicates(ctx, entry, org.areas, ['areas'], "l'area");
  org.related?.forEach((rel, index) => {
    requireRef(ctx, entry, ['related', index, 'organization'], {
      key: 'organization',
      value: rel.organization,
      known: orgs,
      noun: 'organizzazione',
      create: `data/organizations/${rel.organization}.yaml`,
    });
  });
  if (org.parent !== undefined) {
    requireRef(ctx, entry, ['parent'], {
      key: 'parent',
      value: org.parent,
      known: orgs,
      noun: 'organizzazione',
      create: `data/organizations/${org.parent}.yaml`,
    });
  }
  if (org.logo) checkImage(ctx, entry, org.logo.src, ['logo', 'src']);
}

function checkProject(ctx: Ctx, entry: Entry<ProjectCard>): void {
  const card = entry.data;
  const orgs = ids(ctx, 'organizations');
  const org = entry.organization === undefined ? undefined : (orgs.get(entry.organization)?.data as Organization | undefined);
  const vocabulary = new Set(org?.areas?.map((a) => a.id) ?? []);
  if (org) {
    card.areas.forEach((area, index) => {
      if (!vocabulary.has(area)) {
        err(
          ctx,
          entry,
          ['areas', index],
          `area tematica «${area}» non prevista dal vocabolario di ${org.name.short}`,
          suggestion(area, vocabulary)
            ? setValue(entry, ['areas', index], suggestion(area, vocabulary), `usa «${suggestion(area, vocabulary) ?? ''}»`)
            : `aggiungi { id: ${area}, label: … } alle aree di data/organizations/${entry.organization}.yaml, o usa una di: ${[...vocabulary].join(', ') || '(nessuna area definita)'}`,
          'riferimento',
        );
      }
    });
  }
  const funding = ids(ctx, 'funding');
  card.funding.forEach((id, index) => {
    if (!funding.has(id))
      err(
        ctx,
        entry,
        ['funding', index],
        `programma di finanziamento «${id}» non definito in data/funding.yaml`,
        refFix(entry, ['funding', index], id, funding.keys(), `la voce «${id}» in data/funding.yaml`),
        'riferimento',
      );
  });
  card.partners.forEach((partner, index) => {
    if (partner.organization !== undefined && !orgs.has(partner.organization)) {
      err(
        ctx,
        entry,
        ['partners', index, 'organization'],
        `organizzazione «${partner.organization}» inesistente`,
        refFix(
          entry,
          ['partners', index, 'organization'],
          partner.organization,
          orgs.keys(),
          `data/organizations/${partner.organization}.yaml (oppure, per un partner senza scheda, sostituisci «organization» con «name» e il nome)`,
        ),
        'riferimento',
      );
    }
  });
  const projects = ids(ctx, 'projects');
  card.related.forEach((ref, index) => {
    requireRef(ctx, entry, ['related', index], {
      key: 'related',
      value: ref,
      known: projects,
      noun: 'scheda',
      create: `content/projects/${ref}.md`,
    });
    if (ref === entry.id)
      err(ctx, entry, ['related', index], 'una scheda non può essere collegata a se stessa', 'rimuovi questo riferimento', 'riferimento');
  });
  if (card.cover) checkImage(ctx, entry, card.cover.src, ['cover', 'src']);
  const today = ctx.options.today;
  const end = card.end === undefined ? null : parsePartialDate(card.end);
  const start = card.start === undefined ? null : parsePartialDate(card.start);
  if (card.status === 'attivo' && end && latestDay(end) < today) {
    err(
      ctx,
      entry,
      ['status'],
      `lo stato è «attivo» ma la data di fine (${card.end}) è passata: se il progetto è finito è «concluso», altrimenti correggi la data di fine`,
      setValue(entry, ['status'], 'concluso', 'status: concluso'),
      'stato-date',
      'warning',
    );
  }
  if (card.status === 'concluso' && end && earliestDay(end) > today) {
    err(
      ctx,
      entry,
      ['status'],
      `lo stato è «concluso» ma la data di fine (${card.end}) è nel futuro: correggi lo stato («attivo») o la data di fine`,
      'scegli tu quale dei due correggere: solo tu sai se il progetto è finito',
      'stato-date',
    );
  }
  if (card.status === 'in-progettazione' && end && latestDay(end) < today) {
    err(
      ctx,
      entry,
      ['status'],
      `lo stato è «in-progettazione» ma la data di fine (${card.end}) è passata: correggi lo stato o le date`,
      'scegli tu quale dei due correggere: solo tu sai se il progetto è partito',
      'stato-date',
    );
  }
  if (start && earliestDay(start) > today && card.status === 'concluso') {
    err(
      ctx,
      entry,
      ['start'],
      `lo stato è «concluso» ma l'inizio (${card.start}) è nel futuro`,
      'correggi la data di inizio o lo stato',
      'stato-date',
    );
  }
}

function objectiveIndex(ctx: Ctx): Map<string, { plan: Entry<Plan>; year: number }> {
  const out = new Map<string, { plan: Entry<Plan>; year: number }>();
  for (const entry of ids(ctx, 'plans').values()) {
    const plan = entry as Entry<Plan>;
    for (const section of plan.data.sections) {
      for (const objective of section.objectives)
        out.set(`${plan.organization}/${plan.data.year}/${objective.id}`, { plan, year: plan.data.year });
    }
  }
  return out;
}

function headlineIds(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const entry of ids(ctx, 'stats').values()) {
    for (const h of (entry.data as StatsTable).headlines) out.add(`${entry.id}/${h.id}`);
  }
  return out;
}

/**
 * Objectives a mistyped `continues` may have meant: those of the plan it names (same
 * organization and year). A near spelling in another year is another objective, not a typo.
 */
function sameYear(ref: string, objectives: readonly string[]): string[] {
  const plan = ref.slice(0, ref.lastIndexOf('/') + 1);
  return objectives.filter((candidate) => candidate.startsWith(plan));
}

function checkPlan(ctx: Ctx, entry: Entry<Plan>): void {
  const plan = entry.data;
  if (entry.slug !== String(plan.year)) {
    err(
      ctx,
      entry,
      ['year'],
      /^\d{4}$/.test(entry.slug)
        ? `l'anno (${plan.year}) non corrisponde al nome del file (${entry.slug}.md): se è sbagliato il nome, rinomina il file in ${plan.year}.md`
        : `il nome del file di un piano è il suo anno: ${entry.slug}.md va rinominato in ${plan.year}.md`,
      /^\d{4}$/.test(entry.slug)
        ? setValue(entry, ['year'], Number(entry.slug), `year: ${entry.slug}`)
        : { fix: `rinomina il file in ${plan.year}.md`, edit: { renameTo: `${path.posix.dirname(entry.file)}/${plan.year}.md` } },
      'anno-file',
    );
  }
  checkDuplicates(ctx, entry, plan.sections, ['sections'], 'la sezione');
  const allObjectives = plan.sections.flatMap((section, s) => section.objectives.map((o, i) => ({ o, s, i })));
  const seen = new Map<string, string>();
  for (const { o, s, i } of allObjectives) {
    if (seen.has(o.id)) {
      err(
        ctx,
        entry,
        ['sections', s, 'objectives', i, 'id'],
        `obiettivo duplicato «${o.id}»: l'identificativo è già usato in ${seen.get(o.id) ?? ''}`,
        setValue(entry, ['sections', s, 'objectives', i, 'id'], freeId(o.id, seen), 'scegli un identificativo diverso'),
        'duplicato',
      );
    } else seen.set(o.id, `sections[${s}]`);
  }
  const objectives = (ctx.objectives ??= objectiveIndex(ctx));
  // Only objectives of earlier plans can be continued: never suggest one of this year or later.
  const earlierObjectives = [...objectives].filter(([, target]) => target.year < plan.year).map(([ref]) => ref);
  const projects = ids(ctx, 'projects');
  const stats = ids(ctx, 'stats');
  const headlines = (ctx.headlines ??= headlineIds(ctx));
  for (const { o, s, i } of allObjectives) {
    const at = ['sections', s, 'objectives', i];
    if (o.continues !== undefined) {
      const target = objectives.get(o.continues);
      if (!target) {
        err(
          ctx,
          entry,
          [...at, 'continues'],
          `obiettivo «${o.continues}» inesistente`,
          refFix(entry, [...at, 'continues'], o.continues, sameYear(o.continues, earlierObjectives), "l'obiettivo nel piano indicato"),
          'riferimento',
        );
      } else if (target.year >= plan.year) {
        err(
          ctx,
          entry,
          [...at, 'continues'],
          `un obiettivo può continuare solo un obiettivo di un anno precedente (${o.continues} è del ${target.year})`,
          'indica un obiettivo di un piano precedente',
          'riferimento',
        );
      }
    }
    if (o.deadline) {
      const by = parsePartialDate(o.deadline.by);
      if (by && by.year < plan.year)
        err(
          ctx,
          entry,
          [...at, 'deadline', 'by'],
          `la scadenza (${o.deadline.by}) è precedente all'anno del piano (${plan.year})`,
          'correggi la scadenza',
          'date',
          'warning',
        );
    }
    o.outcomes.forEach((outcome, k) => {
      outcome.evidence.forEach((ev, e) => {
        const evAt = [...at, 'outcomes', k, 'evidence', e];
        if (ev.card !== undefined)
          requireRef(ctx, entry, [...evAt, 'card'], {
            key: 'card',
            value: ev.card,
            known: projects,
            noun: 'scheda',
            create: `content/projects/${ev.card}.md`,
          });
        if (ev.stats !== undefined)
          requireRef(ctx, entry, [...evAt, 'stats'], {
            key: 'stats',
            value: ev.stats,
            known: stats,
            noun: 'tabella',
            create: `data/stats/${ev.stats}.yaml`,
          });
        if (ev.headline !== undefined && !headlines.has(ev.headline))
          err(
            ctx,
            entry,
            [...evAt, 'headline'],
            `cifra «${ev.headline}» inesistente (forma: organizzazione/tabella/cifra)`,
            refFix(entry, [...evAt, 'headline'], ev.headline, headlines, 'la cifra nella tabella'),
            'riferimento',
          );
      });
    });
  }
}

function isIntegerKind(kind: string): boolean {
  return kind === 'integer';
}

function checkStats(ctx: Ctx, entry: Entry<StatsTable>): void {
  const table = entry.data;
  const periods = tablePeriods(table);
  const years = new Map<number, number>();
  table.periods.forEach((p, index) => {
    const n = periods[index]!;
    if (years.has(n.year))
      err(
        ctx,
        entry,
        ['periods', index],
        `l'anno ${n.year} compare due volte tra i periodi`,
        'ogni anno va indicato una sola volta',
        'duplicato',
      );
    years.set(n.year, index);
    if (typeof p === 'object' && p.through !== undefined && Number(p.through.slice(0, 4)) !== p.year) {
      err(
        ctx,
        entry,
        ['periods', index, 'through'],
        `il mese finale (${p.through}) non è nell'anno del periodo (${p.year}): correggi il mese o l'anno`,
        'scegli tu quale dei due correggere',
        'periodo',
      );
    }
    if (index > 0 && n.year <= periods[index - 1]!.year)
      err(ctx, entry, ['periods', index], 'i periodi vanno in ordine cronologico, dal più vecchio', 'riordina i periodi', 'periodo');
  });
  checkDuplicates(ctx, entry, table.rows, ['rows'], 'la riga');
  checkDuplicates(ctx, entry, table.headlines, ['headlines'], 'la cifra');
  const csvRel = `${entry.file.slice(0, -'.yaml'.length)}.csv`;
  table.rows.forEach((row, r) => {
    if (row.values === undefined) {
      if (!ctx.assets.has(csvRel))
        err(
          ctx,
          entry,
          ['rows', r],
          `la riga «${row.id}» non ha valori`,
          `aggiungi a questa riga i valori, uno per periodo (null dove il dato manca), es. values: [${periods.map(() => '…').join(', ')}], oppure scrivili nel file ${path.basename(csvRel)}`,
          'valori',
        );
      return;
    }
    if (row.values.length !== periods.length) {
      const counted = `la riga «${row.id}» ha ${row.values.length} valori ma la tabella ha ${periods.length} periodi (${periods.map((p) => p.id).join(', ')})`;
      const written = sourceOf(entry.parsed, nodeAt(entry.parsed.doc, [...entry.at, 'rows', r, 'values']).node);
      if (written !== undefined && /\d,\d/.test(written)) {
        const meant = decimalCommaList(written);
        // `[4,33, 4,5]`: YAML splits each decimal comma into two values.
        err(
          ctx,
          entry,
          ['rows', r, 'values'],
          `${counted}: i decimali sono scritti con la virgola, e dentro le parentesi quadre la virgola separa i valori (4,33 diventa 4 e 33)`,
          meant?.length === periods.length
            ? setValue(entry, ['rows', r, 'values'], meant, 'scrivi i decimali con il punto (4.33)')
            : 'scrivi i decimali con il punto (4.33) e separa i valori con una virgola e uno spazio',
          'numero-italiano',
        );
      } else {
        err(ctx, entry, ['rows', r, 'values'], counted, `un valore per periodo, nello stesso ordine; null dove il dato manca`, 'valori');
      }
    }
    // Values read from the CSV beside the table have no place in this file: the message names the CSV cell.
    const fromCsv = !nodeAt(entry.parsed.doc, [...entry.at, 'rows', r, 'values']).exact;
    if (row.kind === 'rating' && row.scale === undefined)
      err(ctx, entry, ['rows', r, 'scale'], 'una valutazione deve indicare la scala', 'scale: { min: 1, max: 5 }', 'valori');
    row.values.forEach((value, v) => {
      if (value === null) return;
      if (isIntegerKind(row.kind) && !Number.isInteger(value)) {
        err(
          ctx,
          entry,
          ['rows', r, 'values', v],
          `la riga «${row.id}» contiene numeri interi, ma qui c'è ${formatNumberPlain(value)}`,
          'scrivi un numero intero (senza punto delle migliaia), o imposta kind: decimal',
          'valori',
        );
      }
      const outside = outOfRange(value, row);
      if (outside !== undefined)
        err(
          ctx,
          entry,
          ['rows', r, 'values', v],
          fromCsv ? `${outside}, nel file ${path.basename(csvRel)} (riga «${row.id}», periodo ${periods[v]?.id ?? ''})` : outside,
          'correggi il valore (o il tipo della riga, «kind»)',
          'fuori-intervallo',
        );
    });
  });
  const rowIds = new Set(table.rows.map((r) => r.id));
  table.headlines.forEach((h, index) => {
    const at = ['headlines', index];
    if (h.row !== undefined && !rowIds.has(h.row)) {
      err(
        ctx,
        entry,
        [...at, 'row'],
        `riga «${h.row}» inesistente in questa tabella`,
        refFix(entry, [...at, 'row'], h.row, rowIds, 'la riga'),
        'riferimento',
      );
      return;
    }
    h.periods?.forEach((p, k) => {
      if (!periods.some((period) => period.id === String(p)))
        err(
          ctx,
          entry,
          [...at, 'periods', k],
          `periodo ${p} non presente nella tabella`,
          `usa uno di: ${periods.map((x) => x.id).join(', ')}`,
          'riferimento',
        );
    });
    const row = table.rows.find((candidate) => candidate.id === h.row);
    const kind = h.kind ?? row?.kind;
    const declaredOutside =
      h.declared === undefined || kind === undefined || h.compute === 'change'
        ? undefined
        : outOfRange(h.declared, { kind, scale: h.scale ?? row?.scale, change: row?.change });
    if (declaredOutside !== undefined)
      err(ctx, entry, [...at, 'declared'], declaredOutside, 'correggi il valore stampato o il tipo («kind»)', 'fuori-intervallo');
    const result = computeHeadline(table, h);
    if (result.differs && result.computed !== null && result.declared !== null) {
      const over = result.periodsUsed.join(', ');
      err(
        ctx,
        entry,
        [...at, 'declared'],
        `la cifra dichiarata (${formatNumberPlain(result.declared)}) non corrisponde al calcolo dalla tabella: ${COMPUTATION_LABELS[h.compute ?? 'sum']} della riga «${h.row}» su ${over} = ${formatNumberPlain(result.computed)}`,
        `se il dato stampato è giusto, correggi la tabella; altrimenti scrivi ${result.computed} in «declared». Sul sito compaiono entrambi i valori finché non coincidono.`,
        'cifra-diversa',
        'warning',
      );
    }
  });
}

function checkReport(ctx: Ctx, entry: Entry<Report>): void {
  const report = entry.data;
  const pages = ids(ctx, 'pages');
  const stats = ids(ctx, 'stats');
  const plans = ids(ctx, 'plans');
  const projects = ids(ctx, 'projects');
  const orgs = ids(ctx, 'organizations');
  const chapterIds = report.chapters.flatMap((c, index) => (c.id === undefined ? [] : [{ id: c.id, index }]));
  const seen = new Map<string, number>();
  for (const { id, index } of chapterIds) {
    if (seen.has(id))
      err(
        ctx,
        entry,
        ['chapters', index, 'id'],
        `capitolo duplicato «${id}»`,
        setValue(entry, ['chapters', index, 'id'], freeId(id, seen), 'scegli un identificativo diverso'),
        'duplicato',
      );
    seen.set(id, index);
  }
  if (report.cover) checkImage(ctx, entry, report.cover.src, ['cover', 'src']);
  report.chapters.forEach((chapter, index) => {
    const at = ['chapters', index];
    switch (chapter.type) {
      case 'markdown':
        requireRef(ctx, entry, [...at, 'page'], {
          key: 'page',
          value: chapter.page,
          known: pages,
          noun: 'testo',
          create: `content/pages/${chapter.page}.md`,
        });
        break;
      case 'stats':
        chapter.tables.forEach((t, k) => {
          requireRef(ctx, entry, [...at, 'tables', k], {
            key: 'tables',
            value: t,
            known: stats,
            noun: 'tabella',
            create: `data/stats/${t}.yaml`,
          });
        });
        if (chapter.intro !== undefined)
          requireRef(ctx, entry, [...at, 'intro'], {
            key: 'intro',
            value: chapter.intro,
            known: pages,
            noun: 'testo',
            create: `content/pages/${chapter.intro}.md`,
          });
        break;
      case 'plan': {
        const plan = plans.get(chapter.plan) as Entry<Plan> | undefined;
        if (!plan) {
          requireRef(ctx, entry, [...at, 'plan'], {
            key: 'plan',
            value: chapter.plan,
            known: plans,
            noun: 'piano',
            create: `content/plans/${chapter.plan}.md`,
          });
          break;
        }
        const sectionIds = new Set(plan.data.sections.map((s) => s.id));
        chapter.sections?.forEach((s, k) => {
          if (!sectionIds.has(s))
            err(
              ctx,
              entry,
              [...at, 'sections', k],
              `sezione «${s}» inesistente nel piano ${chapter.plan}`,
              refFix(entry, [...at, 'sections', k], s, sectionIds, 'la sezione'),
              'riferimento',
            );
        });
        break;
      }
      case 'cards': {
        const orgId = chapter.filter.organization ?? entry.organization;
        if (chapter.filter.organization !== undefined) {
          requireRef(ctx, entry, [...at, 'filter', 'organization'], {
            key: 'organization',
            value: chapter.filter.organization,
            known: orgs,
            noun: 'organizzazione',
            create: "l'organizzazione",
          });
        }
        const orgData = orgs.get(orgId ?? '')?.data as Organization | undefined;
        const vocabulary = new Set(orgData?.areas?.map((a) => a.id) ?? []);
        chapter.filter.areas?.forEach((a, k) => {
          if (!vocabulary.has(a))
            err(
              ctx,
              entry,
              [...at, 'filter', 'areas', k],
              `area «${a}» non prevista dal vocabolario dell'organizzazione`,
              refFix(entry, [...at, 'filter', 'areas', k], a, vocabulary, "l'area"),
              'riferimento',
            );
        });
        const seenOrder = new Set<string>();
        chapter.order?.forEach((ref, k) => {
          const card = projects.get(ref) as Entry<ProjectCard> | undefined;
          if (!card) {
            if (projects.has(ref)) return;
            err(
              ctx,
              entry,
              [...at, 'order', k],
              `scheda «${ref}» inesistente`,
              refFix(entry, [...at, 'order', k], ref, projects.keys(), `content/projects/${ref}.md`),
              'riferimento',
            );
            return;
          }
          if (seenOrder.has(ref))
            err(ctx, entry, [...at, 'order', k], `la scheda «${ref}» compare due volte`, 'rimuovi il doppione', 'duplicato');
          seenOrder.add(ref);
          const f = chapter.filter;
          const matches =
            (orgId === undefined || card.organization === orgId) &&
            (f.status === undefined || f.status.includes(card.data.status)) &&
            (f.kind === undefined || f.kind.includes(card.data.kind)) &&
            (f.areas === undefined || card.data.areas.some((a) => f.areas?.includes(a)));
          if (!matches)
            err(
              ctx,
              entry,
              [...at, 'order', k],
              `la scheda «${ref}» non rientra nel filtro del capitolo (stato «${card.data.status}»): non verrebbe stampata qui`,
              'correggi lo stato della scheda o spostala nel capitolo giusto',
              'riferimento',
            );
        });
        break;
      }
      default:
        break;
    }
  });
}

/** The folder of the source documents the content was transcribed from, named by `source.document`. */
const DOCUMENTS_DIR = 'data/documents';

/**
 * Without a register of documents, a `source.document` must still name a file of
 * `data/documents/` when the source keeps its documents there (older sources do not: then the
 * name is only a label).
 */
function checkDocumentFile(ctx: Ctx, entry: Entry): void {
  const source = (entry.data as { source?: { document?: unknown } }).source;
  const document = source?.document;
  if (typeof document !== 'string') return;
  if (ctx.documents === undefined) ctx.documents = listDocuments(ctx.root);
  if (ctx.documents === null || ctx.documents.includes(document)) return;
  const near = suggestion(document, ctx.documents);
  err(
    ctx,
    entry,
    ['source', 'document'],
    `documento di origine «${document}» non presente in ${DOCUMENTS_DIR}/${near ? `: forse intendevi «${near}»?` : ''}`,
    near
      ? setValue(entry, ['source', 'document'], near, `forse intendevi «${near}»`)
      : `metti il documento in ${DOCUMENTS_DIR}/ oppure correggi il nome`,
    'riferimento',
  );
}

function listDocuments(root: string): string[] | null {
  const dir = path.join(root, DOCUMENTS_DIR);
  if (!fs.existsSync(dir)) return null;
  return fs.readdirSync(dir).filter((name) => !name.startsWith('.') && name !== 'README.md');
}

/** Runs every cross-entry check. */
/**
 * A `source.document` names an entry of the register of documents (data/documents.yaml), whose
 * title and edition readers see instead of the file name; a document's organization exists.
 * Without a register there is nothing to check against: pages then cite no document.
 */
function checkSourceDocument(ctx: Ctx, entry: Entry): void {
  const documents = ids(ctx, 'documents');
  if (entry.collection === 'documents') {
    const organization = (entry.data as { organization: string }).organization;
    requireRef(ctx, entry, ['organization'], {
      key: 'organization',
      value: organization,
      known: ids(ctx, 'organizations'),
      noun: 'organizzazione',
      create: `il file data/organizations/${organization}.yaml`,
    });
    const file = (entry.data as { file: string }).file;
    if (!fs.existsSync(path.join(ctx.root, 'data', 'documents', file))) {
      err(
        ctx,
        entry,
        ['file'],
        `il testo del documento «${file}» non è in data/documents/`,
        `copia il file in data/documents/${file} oppure correggi il nome`,
        'documento',
        'warning',
      );
    }
    return;
  }
  const document = (entry.data as { source?: { document?: string } }).source?.document;
  if (document === undefined) return;
  if (documents.size === 0) {
    checkDocumentFile(ctx, entry);
    return;
  }
  requireRef(ctx, entry, ['source', 'document'], {
    key: 'document',
    value: document,
    known: documents,
    noun: 'documento',
    create: `la voce «${document}» in data/documents.yaml (titolo, organizzazione, edizione, tipo)`,
  });
}

/** Each part of the accessibility statement not yet declared is a warning: the page says so to readers. */
function checkSiteConfig(ctx: Ctx, entry: Entry<SiteConfig>): void {
  for (const missing of missingDeclarations(entry.data.accessibility)) {
    err(ctx, entry, missing.at, missing.message, missing.fix, 'accessibilita', 'warning');
  }
}

/**
 * The open data's catalogue for dati.gov.it (DCAT-AP_IT), written when the site has an address,
 * names its publisher's IPA code and a contact point only when the content gives them: a warning
 * for each one it has to leave out, on the file where it goes (the publishing organization's, or
 * data/site.yaml when there is one for the contact point).
 */
function checkOpenDataCatalog(ctx: Ctx): void {
  if (!ctx.options.siteUrl) return;
  const organizations = [...ids(ctx, 'organizations').values()] as Entry<Organization>[];
  const publisher = catalogPublisher(
    organizations.map((entry) => ({ id: entry.id, kind: entry.data.kind, parent: entry.data.parent, entry })),
  )?.entry;
  if (!publisher) return;
  const site = ctx.byCollection.get('site')?.values().next().value as Entry<SiteConfig> | undefined;
  const name = publisher.data.name.short;
  for (const gap of catalogGaps(site?.data.openData, publisher.data)) {
    if (gap === 'ipaCode') {
      err(
        ctx,
        publisher,
        ['ipaCode'],
        `il catalogo dei dati aperti per dati.gov.it (DCAT-AP_IT) esce senza il codice IPA di ${name}, che li pubblica: i portali lo usano per riconoscere l'ente`,
        `aggiungi «ipaCode: <codice>» con il codice dell'ente su indicepa.gov.it (es. ipaCode: c_f205); se l'ente non è nell'Indice PA, il catalogo resta senza`,
        'dati-aperti',
        'warning',
      );
    } else if (site) {
      err(
        ctx,
        site,
        ['openData'],
        `il catalogo dei dati aperti per dati.gov.it (DCAT-AP_IT) esce senza punto di contatto: né «openData.contactPoint» qui né un'e-mail di ${name}`,
        'aggiungi «openData: { contactPoint: { name: Ufficio comunicazione, email: dati@esempio.it } }»',
        'dati-aperti',
        'warning',
      );
    } else {
      err(
        ctx,
        publisher,
        ['contacts', 'email'],
        `il catalogo dei dati aperti per dati.gov.it (DCAT-AP_IT) esce senza punto di contatto: ${name}, che li pubblica, non ha un'e-mail`,
        `aggiungi «contacts: { email: info@esempio.it }», oppure in data/site.yaml «openData: { contactPoint: { name: Ufficio comunicazione, email: dati@esempio.it } }»`,
        'dati-aperti',
        'warning',
      );
    }
  }
}

export function checkSource(loaded: LoadedSource, options: CheckOptions): Problem[] {
  const byCollection = new Map<string, Map<string, Entry>>();
  const problems: Problem[] = [];
  for (const entry of loaded.entries) {
    let map = byCollection.get(entry.collection);
    if (!map) byCollection.set(entry.collection, (map = new Map<string, Entry>()));
    const existing = map.get(entry.id);
    if (existing) {
      problems.push(
        problemAt(entry.parsed, [...entry.at, 'id'], {
          severity: 'error',
          message: `identificativo duplicato «${entry.id}»: già usato in ${existing.file}`,
          fix: 'scegli un identificativo diverso',
          code: 'duplicato',
        }),
      );
    } else map.set(entry.id, entry);
  }
  const ctx: Ctx = { problems, byCollection, root: loaded.root, assets: loaded.assets, invalid: loaded.invalid, options, known: new Map() };
  for (const entry of loaded.entries) {
    checkOrganizationFolder(ctx, entry);
    checkSourceDocument(ctx, entry);
    switch (entry.collection) {
      case 'organizations':
        checkOrganization(ctx, entry as Entry<Organization>);
        break;
      case 'projects':
        checkProject(ctx, entry as Entry<ProjectCard>);
        break;
      case 'plans':
        checkPlan(ctx, entry as Entry<Plan>);
        break;
      case 'stats':
        checkStats(ctx, entry as Entry<StatsTable>);
        break;
      case 'reports':
        checkReport(ctx, entry as Entry<Report>);
        break;
      case 'site':
        checkSiteConfig(ctx, entry as Entry<SiteConfig>);
        break;
      case 'funding':
      case 'documents':
      case 'pages':
        break;
    }
  }
  checkOpenDataCatalog(ctx);
  return problems;
}
