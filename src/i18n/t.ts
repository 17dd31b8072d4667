/**
 * UI strings: `t('home.title')` reads `src/i18n/it.json`; `t('x.count', { count: '3' })` fills
 * `{count}` placeholders. A missing key or placeholder fails loudly at build time.
 */
import it from './it.json' with { type: 'json' };

export function t(key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = it;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Testo dell'interfaccia mancante: «${key}» non è in src/i18n/it.json`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Testo dell'interfaccia «${key}»: manca il valore per {${name}}`);
    return String(value);
  });
}
