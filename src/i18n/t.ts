/**
 * UI strings: `t('home.title')` reads `src/i18n/it.json`; `t('x.count', { count: '3' })` fills
 * `{count}` placeholders. A missing key, or a placeholder left without a value when values are
 * given, fails loudly at build time. Without values the raw template comes back (for the
 * browser scripts that fill it themselves).
 */
import it from './it.json' with { type: 'json' };

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
