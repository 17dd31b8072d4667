/**
 * The accessibility statement on the AgID model, shaped from `data/site.yaml` (`accessibility`)
 * and the content: what the organization declares, what annuario guarantees by construction, and
 * — for each part not yet declared — a plain sentence saying so (never a placeholder). The same
 * list of missing parts feeds the validator's warnings.
 */
import { t } from '../../i18n/t.ts';
import type { AccessibilityConfig } from '../../schemas/site.ts';
import { formatPartialDate } from '../format.ts';

/** The organizations with a public e-mail address, in content order, for the feedback section. */
export function feedbackContacts(
  organizations: readonly { id: string; name: { full: string }; contacts?: { email?: string | undefined } | undefined }[],
): { name: string; email: string }[] {
  return organizations.flatMap((org) => (org.contacts?.email ? [{ name: org.name.full, email: org.contacts.email }] : []));
}

/** The guarantees listed on the statement, as keys of `accessibility.guarantees.*` in it.json. */
export const ACCESSIBILITY_GUARANTEES = ['structure', 'contrast', 'reflow', 'tables', 'noScript', 'checks'] as const;

/** The three headings of non-accessible content in the AgID model, by their key in the configuration. */
export const NON_ACCESSIBLE_KINDS = ['nonCompliance', 'disproportionateBurden', 'outOfScope'] as const;

/** A part of the statement the configuration does not declare: where it goes, what it is, a line to copy. */
export interface MissingDeclaration {
  key: 'conformity' | 'method' | 'nonAccessible' | 'feedback' | 'preparedOn';
  at: PropertyKey[];
  message: string;
  fix: string;
}

const REQUIRED: readonly { key: MissingDeclaration['key']; declared: (a: AccessibilityConfig) => boolean; fix: string }[] = [
  { key: 'conformity', declared: (a) => a.conformity !== undefined, fix: 'conformity: parzialmente-conforme' },
  { key: 'method', declared: (a) => a.method !== undefined, fix: 'method: autovalutazione' },
  {
    key: 'nonAccessible',
    declared: (a) => NON_ACCESSIBLE_KINDS.every((kind) => a.nonAccessible?.[kind] !== undefined),
    fix: 'nonAccessible: { nonCompliance: [], disproportionateBurden: [], outOfScope: [] }',
  },
  {
    key: 'feedback',
    declared: (a) => a.feedback?.email !== undefined || a.feedback?.url !== undefined,
    fix: 'feedback: { email: accessibilita@esempio.it, responsible: "Nome Cognome, RTD" }',
  },
  { key: 'preparedOn', declared: (a) => a.preparedOn !== undefined, fix: 'preparedOn: 2026-09-20' },
];

/** The parts of the statement AgID requires that the configuration leaves undeclared. */
export function missingDeclarations(config: AccessibilityConfig | undefined): MissingDeclaration[] {
  const declared = config ?? {};
  return REQUIRED.filter((part) => !part.declared(declared)).map((part) => ({
    key: part.key,
    at: config === undefined ? [] : ['accessibility'],
    message: t(`accessibility.missing.${part.key}`),
    fix:
      config === undefined
        ? `aggiungi in data/site.yaml il blocco «accessibility:» con ${part.fix}`
        : `aggiungi sotto «accessibility:» ${part.fix}`,
  }));
}

/** The statement's variable parts as sentences, each either declared or plainly not yet declared. */
export function accessibilityStatement(config: AccessibilityConfig | undefined) {
  const a = config ?? {};
  const notDeclared = (key: MissingDeclaration['key']): string => t(`accessibility.notDeclared.${key}`);
  return {
    conformity: a.conformity ? t(`accessibility.conformity.${a.conformity}`) : notDeclared('conformity'),
    method: a.method ? t(`accessibility.methods.${a.method}`) : notDeclared('method'),
    nonAccessible: NON_ACCESSIBLE_KINDS.map((kind) => {
      const items = a.nonAccessible?.[kind];
      return {
        kind,
        items: items ?? [],
        text: items === undefined ? notDeclared('nonAccessible') : items.length === 0 ? t('accessibility.none') : null,
      };
    }),
    feedback:
      a.feedback?.email || a.feedback?.url ? { email: a.feedback.email, url: a.feedback.url, responsible: a.feedback.responsible } : null,
    feedbackMissing: a.feedback?.email || a.feedback?.url ? null : notDeclared('feedback'),
    prepared: a.preparedOn ? t('accessibility.preparedOn', { date: formatPartialDate(a.preparedOn) }) : notDeclared('preparedOn'),
    reviewed: a.reviewedOn ? t('accessibility.reviewedOn', { date: formatPartialDate(a.reviewedOn) }) : null,
    agidUrl: a.agidUrl ?? null,
  };
}
