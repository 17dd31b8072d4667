/**
 * Data of the accessibility statement that the content already knows: who readers can write to.
 * The rest of the statement is a template the organization completes (see accessibilita.astro).
 */

/** The organizations with a public e-mail address, in content order, for the feedback section. */
export function feedbackContacts(
  organizations: readonly { id: string; name: { full: string }; contacts?: { email?: string | undefined } | undefined }[],
): { name: string; email: string }[] {
  return organizations.flatMap((org) => (org.contacts?.email ? [{ name: org.name.full, email: org.contacts.email }] : []));
}

/** The guarantees listed on the statement, as keys of `accessibility.guarantees.*` in it.json. */
export const ACCESSIBILITY_GUARANTEES = ['structure', 'contrast', 'reflow', 'tables', 'noScript', 'checks'] as const;
