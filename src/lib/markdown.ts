/**
 * Markdown from the content to safe HTML, for the site and the PDFs alike. Raw HTML written in a
 * card or a page is parsed and then sanitized (GitHub's allow-list: no script, no event handler,
 * no `javascript:` or `data:` link), so content can never inject code; external links open
 * with `rel="noopener noreferrer"`.
 */
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface MarkdownOptions {
  /** Shift headings so that a body's `#` fits under the page's own `<h1>` (1 turns `#` into `<h2>`). */
  headingOffset?: number;
}

function shiftHeadings(offset: number) {
  return () => (tree: import('hast').Root) => {
    if (offset === 0) return;
    const visit = (node: import('hast').Nodes): void => {
      if (node.type === 'element') {
        const level = /^h([1-6])$/.exec(node.tagName)?.[1];
        if (level) node.tagName = `h${Math.min(6, Number(level) + offset)}`;
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();

/**
 * `withRaw` parses raw HTML (rehype-raw runs the whole tree through an HTML parser, the costly
 * step) so that it can be sanitized; text without any `<` has no raw HTML and skips it. Both
 * paths sanitize.
 */
function makeProcessor(offset: number, withRaw: boolean) {
  const base = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: withRaw });
  return (withRaw ? base.use(rehypeRaw) : base)
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'md-' })
    .use(shiftHeadings(offset))
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
    .use(rehypeStringify);
}

/** Renders Markdown to sanitized HTML. Synchronous and deterministic. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const offset = options.headingOffset ?? 1;
  const withRaw = markdown.includes('<');
  const key = `${offset}:${withRaw}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = makeProcessor(offset, withRaw);
    processors.set(key, processor);
  }
  return String(processor.processSync(markdown));
}
