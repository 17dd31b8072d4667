/** UI sentences with slots: `tf('stats.method.sum', { row: 'eventi' })`, the same as `t` with values (kept for readability where every call fills slots). */
import { t } from '../../i18n/t.ts';

/** The text of `key` with each `{name}` replaced by `vars.name`; a slot without a value fails loudly. */
export function tf(key: string, vars: Readonly<Record<string, string>>): string {
  return t(key, vars);
}
