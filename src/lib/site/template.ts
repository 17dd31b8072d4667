/** Fills `{name}` placeholders of a UI string; unknown names stay as they are, so a typo shows. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
