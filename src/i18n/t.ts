/**
 * UI strings: `t('home.title')` reads `src/i18n/it.json`; `t('x.count', { count: '3' })` fills
 * `{count}` placeholders. A missing key, or a placeholder left without a value when values are
 * given, fails loudly at build time. Without values the raw template comes back (for the
 * browser scripts that fill it themselves).
 */
import it from './it.json' with { type: 'json' };
import { formatCount } from '../lib/format.ts';

// Templates already looked up: every page asks for the same few dozen keys.
const templates = new Map<string, string>();

function template(key: string): string {
  const known = templates.get(key);
  if (known !== undefined) return known;
  let node: unknown = it;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Testo dell'interfaccia mancante: «${key}» non è in src/i18n/it.json`);
  templates.set(key, node);
  return node;
}

export function t(key: string, vars?: Readonly<Record<string, string | number>>): string {
  const node = template(key);
  if (!vars) return node;
  return node.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Testo dell'interfaccia «${key}»: manca il valore per {${name}}`);
    return String(value);
  });
}

/**
 * A count in words by the Italian plural rule: `tn('home.count.cards', 1)` reads the key's `one`
 * form («1 scheda»), any other count its `other` form («3 schede»); `{count}` is the number as
 * Italians write it (1.400), other placeholders come from `vars`.
 */
export function tn(key: string, count: number, vars?: Readonly<Record<string, string | number>>): string {
  const fill = (form: string): string => t(`${key}.${form}`, { ...vars, count: '{count}' });
  return formatCount(count, { one: fill('one'), other: fill('other') });
}
