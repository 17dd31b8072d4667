/**
 * The site's settings (`data/site.yaml`, see src/schemas/site.ts), read through the validator's
 * own file check so that an error names the file, line and field. Absent file: no settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SiteConfigSchema, type SiteConfig } from '../../schemas/site.ts';
import { sourceRoot } from '../source.ts';
import { SITE_FILE, validateFile } from '../validate/load.ts';

let cached: SiteConfig | undefined;

export function siteConfig(): SiteConfig {
  if (cached) return cached;
  const abs = path.join(sourceRoot(), SITE_FILE);
  if (!fs.existsSync(abs)) return (cached = {});
  const { data, problems } = validateFile(abs, SITE_FILE, 'yaml', SiteConfigSchema);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || data === undefined) {
    const lines = errors.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.field ? `${p.field}: ` : ''}${p.message}`);
    throw new Error(`Le impostazioni del sito non sono valide: esegui "npm run validate" per i dettagli.\n${lines.join('\n')}`);
  }
  cached = SiteConfigSchema.parse(data);
  return cached;
}
