/**
 * The Markdown pipeline itself (parse, GitHub extensions, sanitize, external links), without
 * Node's modules: src/lib/markdown.ts runs it for the site and the PDFs (with its caches), and
 * the browser editor (src/editor/) runs the same one for its preview, so a preview shows what
 * the site will print.
 */
import type { Root } from 'hast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * `withRaw` parses raw HTML (rehype-raw runs the whole tree through an HTML parser, the costly
 * step) so that it can be sanitized; text without any `<` has no raw HTML and skips it. Both
 * paths sanitize.
 */
function makeProcessor(withRaw: boolean) {
  const base = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: withRaw });
  return (withRaw ? base.use(rehypeRaw) : base)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'md-' })
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] });
}

export const processors = { raw: makeProcessor(true), plain: makeProcessor(false) };
export const stringifier = unified().use(rehypeStringify);

/** Sanitized HTML of a Markdown text, uncached (the editor's preview). */
export function renderMarkdownPlain(markdown: string): string {
  const processor = markdown.includes('<') ? processors.raw : processors.plain;
  const tree: Root = processor.runSync(processor.parse(markdown));
  return stringifier.stringify(tree);
}
