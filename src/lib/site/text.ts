/** UI sentences with slots: `tf('stats.method.sum', { row: 'eventi' })` fills `{row}` in the text from `src/i18n/it.json`. */
import { t } from '../../i18n/t.ts';

/** The text of `key` with each `{name}` replaced by `vars.name`; a slot without a value fails loudly. */
export function tf(key: string, vars: Readonly<Record<string, string>>): string {
  return t(key).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Testo «${key}»: manca il valore per {${name}}`);
    return value;
  });
}
