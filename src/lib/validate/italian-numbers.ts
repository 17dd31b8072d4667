/**
 * Numbers written the Italian way where YAML expects a plain number. YAML reads `1.400` as 1.4
 * and `1.714.067,00 €` as text: both are caught on the raw text of the file, with the number to
 * write instead.
 */

export interface NumberTrap {
  /** The number the editor meant. */
  value: number;
  /** How to write it in YAML. */
  yaml: string;
  /** Why the written form is wrong. */
  reason: string;
}

const THOUSANDS_ONLY = /^[-+]?\d{1,3}(?:\.\d{3})+$/;
const ITALIAN_FULL = /^[-+]?(?:€\s*)?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*(?:€|euro|eur)?$/i;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

function formatYamlNumber(value: number, decimals: number): string {
  return decimals > 0 ? value.toFixed(decimals) : String(value);
}

/**
 * Reads a scalar as written in the file. Returns the trap when it is an Italian-formatted
 * number, or null when it is either a correct YAML number or not a number at all.
 */
export function detectNumberTrap(raw: string): NumberTrap | null {
  const text = raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
  if (THOUSANDS_ONLY.test(text)) {
    const value = Number(text.replace(/\./g, ''));
    return {
      value,
      yaml: String(value),
      reason: `scritto così, ${text} vale ${String(Number(text)).replace('.', ',')}: nei file il punto separa i decimali, non le migliaia`,
    };
  }
  if (DECIMAL_COMMA.test(text)) {
    const [int, dec] = text.split(',');
    const yaml = `${int}.${dec}`;
    return { value: Number(yaml), yaml, reason: 'in YAML i decimali si scrivono con il punto, non con la virgola' };
  }
  if (/\d/.test(text) && (text.includes('€') || /euro|eur$/i.test(text) || /,\d+$/.test(text)) && ITALIAN_FULL.test(text)) {
    const core = text.replace(/€|euro|eur/gi, '').trim();
    const [intPart, decPart] = core.split(',');
    const digits = (intPart ?? '').replace(/\./g, '');
    const decimals = decPart?.length ?? 0;
    const value = Number(decPart === undefined ? digits : `${digits}.${decPart}`);
    return {
      value,
      yaml: formatYamlNumber(value, Math.min(decimals, 2) === decimals ? decimals : 2),
      reason: 'un importo va scritto come numero: senza «€», senza punti delle migliaia e con il punto per i decimali',
    };
  }
  return null;
}

/**
 * A list written in brackets with decimal commas, \`[4,33, 4,5]\`: YAML reads four numbers (4, 33,
 * 4, 5). When the text has a digit, a comma and a digit with nothing between them, returns the
 * values the editor meant, taking a comma followed by a space as the separator (\`null\` stays
 * null); undefined when the text is not such a list or cannot be read that way.
 */
export function decimalCommaList(raw: string): (number | null)[] | undefined {
  const text = raw.trim();
  if (!text.startsWith('[') || !text.endsWith(']') || !/\d,\d/.test(text)) return undefined;
  const values = text
    .slice(1, -1)
    .split(/,\s+/)
    .map((item) => item.trim())
    .map((item) =>
      item === 'null' || item === '~' ? null : /^[-+]?\d+(?:,\d+)?$/.test(item) ? Number(item.replace(',', '.')) : Number.NaN,
    );
  return values.some((value) => value !== null && Number.isNaN(value)) ? undefined : values;
}
