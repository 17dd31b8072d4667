/** UI strings: `t('home.title')` reads `src/i18n/it.json`; a missing key fails loudly at build time. */
import it from './it.json' with { type: 'json' };

export function t(key: string): string {
  let node: unknown = it;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') throw new Error(`Testo dell'interfaccia mancante: «${key}» non è in src/i18n/it.json`);
  return node;
}
