/**
 * The files `npm run nuovo` writes: one template per content type (scripts/templates/), every
 * field present or commented, filled with the organization, the identifier and today's date.
 * Pure apart from reading the templates, so it is tested without touching a source folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SLUG_RE } from '../../src/schemas/common.ts';

/** The types an editor can create, by their Italian name on the command line. */
export const SCAFFOLD_TYPES = ['scheda', 'piano', 'tabella', 'pagina', 'report', 'organizzazione'] as const;
export type ScaffoldType = (typeof SCAFFOLD_TYPES)[number];

/** Where each type goes and what its third argument is. */
const LAYOUT: Record<ScaffoldType, { template: string; target: (org: string, name: string) => string; argument: string | undefined }> = {
  scheda: { template: 'scheda.md', target: (org, slug) => `content/projects/${org}/${slug}.md`, argument: 'identificativo' },
  piano: { template: 'piano.md', target: (org, year) => `content/plans/${org}/${year}.md`, argument: 'anno' },
  tabella: { template: 'tabella.yaml', target: (org, slug) => `data/stats/${org}/${slug}.yaml`, argument: 'identificativo' },
  pagina: { template: 'pagina.md', target: (org, slug) => `content/pages/${org}/${slug}.md`, argument: 'identificativo' },
  report: { template: 'report.yaml', target: (org, slug) => `content/reports/${org}/${slug}.yaml`, argument: 'identificativo' },
  organizzazione: { template: 'organizzazione.yaml', target: (org) => `data/organizations/${org}.yaml`, argument: undefined },
};

const TEMPLATE_DIR = path.resolve(import.meta.dirname, '..', 'templates');

/** A request that cannot be carried out, worded for the editor with the fix. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** What to write: the path relative to the source folder and the text. */
export interface Scaffold {
  file: string;
  text: string;
  /** What to do next, one line each. */
  next: string[];
}

function isScaffoldType(value: string): value is ScaffoldType {
  return (SCAFFOLD_TYPES as readonly string[]).includes(value);
}

/** Checks the arguments and fills the template; `today` is `AAAA-MM-GG`. */
export function scaffold(args: readonly string[], today: string): Scaffold {
  const [type = '', org = '', name = '', ...extra] = args;
  if (!isScaffoldType(type)) {
    throw new ScaffoldError(
      `tipo «${type}» sconosciuto: scegli tra ${SCAFFOLD_TYPES.join(', ')} (es. npm run nuovo -- scheda anci-lombardia sportello-energia).`,
    );
  }
  const layout = LAYOUT[type];
  if (!SLUG_RE.test(org)) {
    throw new ScaffoldError(
      `manca l'identificativo dell'organizzazione o non è valido («${org}»): minuscole e trattini, es. anci-lombardia.`,
    );
  }
  const expected = layout.argument === undefined ? 0 : 1;
  const given = (name === '' ? 0 : 1) + extra.length;
  if (given !== expected) {
    throw new ScaffoldError(
      layout.argument === undefined
        ? `«${type}» vuole solo l'identificativo dell'organizzazione: npm run nuovo -- ${type} ${org}`
        : `«${type}» vuole l'organizzazione e ${layout.argument === 'anno' ? "l'anno" : "l'identificativo"}: npm run nuovo -- ${type} ${org} ${layout.argument === 'anno' ? today.slice(0, 4) : 'nome-breve'}`,
    );
  }
  if (layout.argument === 'anno' && !/^\d{4}$/.test(name)) {
    throw new ScaffoldError(
      `l'anno del piano va scritto con quattro cifre («${name}»), es. npm run nuovo -- piano ${org} ${today.slice(0, 4)}`,
    );
  }
  if (layout.argument === 'identificativo' && !SLUG_RE.test(name)) {
    throw new ScaffoldError(
      `l'identificativo «${name}» non è valido: minuscole, cifre e trattini, senza spazi né accenti (es. sportello-energia).`,
    );
  }
  const year = layout.argument === 'anno' ? name : today.slice(0, 4);
  const values: Record<string, string> = {
    org,
    slug: name,
    anno: year,
    anno_precedente: String(Number(year) - 1),
    oggi: today,
  };
  const template = fs.readFileSync(path.join(TEMPLATE_DIR, layout.template), 'utf8');
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  const file = layout.target(org, name);
  const next = [
    `Apri ${file} e sostituisci i testi di esempio; togli il # davanti ai campi che ti servono.`,
    ...(type === 'organizzazione'
      ? []
      : [`L'organizzazione deve esistere: data/organizations/${org}.yaml (se manca: npm run nuovo -- organizzazione ${org}).`]),
    'Controlla con: npm run validate     Guarda il risultato con: npm run dev',
  ];
  return { file, text, next };
}
