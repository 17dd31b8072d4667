/**
 * `npm run pdf -- <report-id>`: the PDFs of one report from a site already built (by
 * `npm run build:site` or `npm run build`), written where the site links them; the manifest and
 * the report's web page are updated.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildContentGraph } from '../src/lib/content-graph.ts';
import { sourceRoot } from '../src/lib/source.ts';
import { formatProblems, validateSource } from '../src/lib/validate/index.ts';
import { runMain } from './lib/cli.ts';
import { pdfJobs, PdfSetupError, publishPdfs, renderReportPdfs } from './lib/pdf/publish.ts';
import { PDF_VARIANTS, PdfRenderError, type PdfVariant } from './lib/pdf/render.ts';

const HELP = `Uso: npm run pdf -- <pubblicazione> [opzioni]

Crea i PDF di una pubblicazione (es. anci-toscana/bilancio-sociale-2019-2024) dalla sua pagina
di stampa, in un sito già costruito: prima esegui «npm run build:site». I PDF vanno dove il sito
li collega; l'elenco dei PDF (pubblicazioni-pdf.json) e la pagina web della pubblicazione
vengono aggiornati.

Opzioni:
  --variante <v>  digitale oppure tipografia (predefinito: entrambe)
  --dir <dir>     cartella del sito costruito (predefinita: dist)
  --help          questo aiuto`;

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      variante: { type: 'string' },
      dir: { type: 'string', default: 'dist' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(
      'Indica una pubblicazione, per esempio: npm run pdf -- anci-toscana/bilancio-sociale-2019-2024\nUsa --help per le opzioni.',
    );
    return 1;
  }
  const variant = values.variante;
  if (variant !== undefined && !(PDF_VARIANTS as readonly string[]).includes(variant)) {
    console.error(`Variante «${variant}» sconosciuta: usa ${PDF_VARIANTS.join(' oppure ')}.`);
    return 1;
  }
  const variants: readonly PdfVariant[] = variant ? [variant as PdfVariant] : PDF_VARIANTS;

  const validation = validateSource(sourceRoot());
  if (validation.errors > 0) {
    console.error(formatProblems(validation.problems));
    console.error('\nPDF non creati: correggi gli errori qui sopra e riprova.');
    return 1;
  }
  const graph = buildContentGraph(validation.loaded.entries);
  const jobs = pdfJobs(graph);
  const [wanted] = positionals;
  const job = jobs.find((candidate) => candidate.reportId === wanted);
  if (!job) {
    const known = jobs.map((candidate) => `  ${candidate.reportId}`).join('\n');
    console.error(`Pubblicazione «${wanted}» sconosciuta. Quelle definite in content/reports/ sono:\n${known || '  (nessuna)'}`);
    return 1;
  }

  const siteDir = path.resolve(values.dir);
  try {
    const { reports, warnings } = await renderReportPdfs(siteDir, [job], { variants, log: (line) => console.log(line) });
    const missing = publishPdfs(
      siteDir,
      reports,
      jobs.map((candidate) => candidate.reportId),
    );
    if (missing.length > 0) {
      console.log(`La pagina web di «${job.reportId}» non ha il posto per i link ai PDF: ricostruisci il sito con «npm run build:site».`);
    }
    const rel = path.relative(process.cwd(), siteDir) || '.';
    console.log(`\nPDF di «${job.reportId}» scritti in ${rel}/${warnings > 0 ? ` (${warnings} avvisi qui sopra)` : ''}.`);
    return 0;
  } catch (error) {
    if (error instanceof PdfSetupError || error instanceof PdfRenderError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
});
