/**
 * The register of source documents: one entry per document the content was transcribed from
 * (the OCR text files live in `data/documents/`). Content cites a document by its file name in
 * `source.document`; readers see the entry's title and edition instead («Catalogo delle attività
 * 2024, p. 24»), never the file name. File: `data/documents.yaml`, a list.
 */
import { z } from 'astro/zod';
import { PartialDateSchema, SlugSchema, TextSchema, withEditor } from './common.ts';

export const DOCUMENT_KINDS = ['catalogo', 'bilancio-sociale', 'piano', 'altro'] as const;

export const SourceDocumentSchema = z.strictObject({
  /** File name of the transcribed text in `data/documents/`, as content cites it, e.g. `003_212a1361b903dde0.txt`. */
  file: z
    .string({ error: 'atteso il nome di un file (testo)' })
    .regex(/^[\w.-]+\.[a-z]+$/, { error: 'atteso il nome di un file senza cartelle, es. "003_212a1361b903dde0.txt"' })
    .meta({ description: 'Nome del file del documento', examples: ['003_212a1361b903dde0.txt'] }),
  /** Title as readers know the publication, e.g. `Catalogo delle attività`. */
  title: TextSchema.meta({ description: 'Titolo della pubblicazione', examples: ['Catalogo delle attività'] }),
  /** Id of the organization that published it, e.g. `anci-lombardia`. */
  organization: withEditor(SlugSchema, { widget: 'ref', ref: 'organizations' }),
  /** Edition at the precision known, e.g. `2024` or `2024-06`. */
  edition: PartialDateSchema.meta({ description: 'Edizione (anno o anno-mese)', examples: ['2024'] }),
  /** What the publication is, e.g. `catalogo`. */
  kind: z
    .enum(DOCUMENT_KINDS, { error: `atteso uno di: ${DOCUMENT_KINDS.join(', ')}` })
    .meta({ description: 'Tipo di pubblicazione', examples: ['catalogo'] }),
  /** For editors only: how title or edition were established, e.g. `anno dedotto dalle date più recenti`. */
  note: TextSchema.optional(),
});

export const DocumentListSchema = z
  .array(SourceDocumentSchema, { error: 'atteso un elenco di documenti (una lista YAML)' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((doc, index) => {
      if (seen.has(doc.file)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'file'],
          message: `il documento «${doc.file}» è già nel registro: tieni una sola voce per file`,
        });
      }
      seen.add(doc.file);
    });
  });

export type SourceDocument = z.output<typeof SourceDocumentSchema>;
