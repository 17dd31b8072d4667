/**
 * Every built page of the example site is valid HTML (html-validate, recommended rules), so
 * browsers, screen readers and search engines all read the same document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Titles are "<content title> · <organization>": a card's or a report's own title can be
    // long, and cutting it would hide what the page is; search engines truncate by themselves.
    'long-title': 'off',
  },
});

describe('HTML validity', () => {
  const siteDir = inject('siteDir');
  const files = fs.readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

  test('the site has pages to check', () => expect(files.length).toBeGreaterThan(100));

  test('every page is valid', async () => {
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(fs.readFileSync(path.join(siteDir, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
