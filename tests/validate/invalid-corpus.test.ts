/**
 * The "bad input" corpus. Every folder of tests/fixtures/invalid/ is an overlay on
 * tests/fixtures/source-minimal/ that breaks one thing (see its case.json); the validator must
 * report it where an editor would look (file, line, column, field), in Italian, with a fix, and
 * never throw. New folders are picked up automatically; each needs its inline snapshot below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateSource, type Problem } from '../../src/lib/validate/index.ts';
import { casesDir, prepareCase, readSpec } from './corpus.ts';

const TODAY = '2026-11-22';

const caseNames = fs
  .readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** One line per problem, as an editor reads it: where, what, and the fix. */
function project(p: Problem): string {
  return `${p.severity} ${p.file}:${p.line}:${p.column} ${p.field || '(file)'} — ${p.message} | correzione: ${p.fix ?? '(nessuna)'}`;
}

/** A problem must point inside its file: an existing path, a line that exists, a column on that line. */
function pointsIntoFile(root: string, p: Problem): string | null {
  const abs = path.join(root, p.file);
  if (!fs.existsSync(abs)) return `${p.file} non esiste`;
  if (p.line < 1 || p.column < 1) return `posizione ${p.line}:${p.column} non valida`;
  if (p.line === 1 && p.column === 1) return null;
  const lines = fs
    .readFileSync(abs, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const line = lines[p.line - 1];
  if (line === undefined) return `${p.file} ha ${lines.length} righe, non ${p.line}`;
  if (p.column > line.length + 1) return `la riga ${p.line} di ${p.file} ha ${line.length} caratteri, non ${p.column}`;
  return null;
}

const snapshots: Record<string, (problems: string[]) => void> = {
  'area-sconosciuta': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:5:9 areas[0] — area tematica «welfar» non prevista dal vocabolario di ANCI Prova | correzione: usa «welfare»",
      ]
    `);
  },
  'attivo-fine-passata': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning content/projects/anci-prova/nuovo.md:6:9 status — lo stato è «attivo» ma la data di fine (2024-06) è passata | correzione: status: concluso (oppure correggi la data di fine)",
      ]
    `);
  },
  'bom-crlf-errore': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/concluso.md:6:9 status — atteso uno di: attivo, in-progettazione, concluso | correzione: sostituisci «chiuso» con uno dei valori elencati",
      ]
    `);
  },
  'bom-crlf-valido': (p) => {
    expect(p).toMatchInlineSnapshot(`[]`);
  },
  'budget-importo-italiano': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:9 budget — un importo va scritto come numero: senza «€», senza punti delle migliaia e con il punto per i decimali | correzione: budget: 1714067.00",
      ]
    `);
  },
  'budget-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:9 budget — scritto così, 1.400 vale 1,4: nei file il punto separa i decimali, non le migliaia | correzione: budget: 1400",
      ]
    `);
  },
  'campo-obbligatorio-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:2:1 summary — campo obbligatorio mancante: atteso un testo | correzione: aggiungi summary: Azioni coordinate dei Comuni lombardi coinvolti…",
      ]
    `);
  },
  'campo-sconosciuto-titel': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:3:1 titel — campo sconosciuto «titel»: forse intendevi «title»? «title» è obbligatorio e manca | correzione: rinomina «titel» in «title»",
      ]
    `);
  },
  'cap-numero': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:7:15 address.postalCode — atteso il CAP come testo tra virgolette (es. "06055") | correzione: postalCode: "06055"",
      ]
    `);
  },
  'cartella-organizzazione-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-porva/presentazione.md:1:1 (file) — la cartella «anci-porva» non corrisponde a nessuna organizzazione (manca data/organizations/anci-porva.yaml) | correzione: sposta il file nella cartella «anci-prova»",
      ]
    `);
  },
  'cifra-diversa': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning data/stats/anci-prova/eventi.yaml:7:78 headlines[0].declared — la cifra dichiarata (250) non corrisponde al calcolo dalla tabella: somma della riga «eventi» su 2022, 2023, 2024 = 254 | correzione: se il dato stampato è giusto, correggi la tabella; altrimenti declared: 254. Sul sito compaiono entrambi i valori finché non coincidono.",
      ]
    `);
  },
  'cifra-riga-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.yaml:7:46 headlines[0].row — riga «evento» inesistente in questa tabella | correzione: forse intendevi «eventi»",
      ]
    `);
  },
  'codifica-latin1': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/attivita.md:1:1 (file) — il file non è codificato in UTF-8 (forse Windows-1252 o Latin-1): le lettere accentate sarebbero illeggibili | correzione: salva il file con la codifica UTF-8 (nell'editor: «Salva con codifica» → UTF-8)",
      ]
    `);
  },
  'colore-malformato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:5:13 brandColor — atteso un colore esadecimale di 6 cifre tra virgolette (es. "#0066CC") | correzione: brandColor: "#0066CC"",
      ]
    `);
  },
  'colore-senza-virgolette': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:5:13 brandColor — atteso un colore esadecimale tra virgolette (es. "#0066CC") | correzione: brandColor: "#0066CC"",
      ]
    `);
  },
  'concluso-senza-fine': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:6:9 status — un progetto "concluso" deve avere la data di fine (end) | correzione: (nessuna)",
      ]
    `);
  },
  'continues-anno-successivo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:12:20 sections[0].objectives[0].continues — un obiettivo può continuare solo un obiettivo di un anno precedente (anci-prova/2022/attuazione-cal è del 2022) | correzione: indica un obiettivo di un piano precedente",
      ]
    `);
  },
  'continues-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:12:20 sections[0].objectives[0].continues — obiettivo «anci-prova/2020/riforma-cal» inesistente | correzione: crea l'obiettivo nel piano indicato oppure correggi il riferimento",
      ]
    `);
  },
  'data-impossibile': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:8 start — questa data non esiste nel calendario | correzione: (nessuna)",
      ]
    `);
  },
  'documento-non-registrato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:21 source.document — documento «000_catalogo.tx» inesistente | correzione: forse intendevi «000_catalogo.txt»",
        "warning data/documents.yaml:6:9 [1].file — il testo del documento «001_piano.txt» non è in data/documents/ | correzione: copia il file in data/documents/001_piano.txt oppure correggi il nome",
      ]
    `);
  },
  'estensione-yml': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/social.yml:1:1 (file) — estensione .yml non riconosciuta per tabella statistica: il file verrebbe ignorato | correzione: rinomina il file in social.yaml",
      ]
    `);
  },
  'file-binario': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/foto.md:1:1 (file) — il file non è un testo (contiene dati binari): forse è un'immagine o un documento salvato con l'estensione sbagliata | correzione: salva il contenuto come testo semplice UTF-8, o sposta il file fuori dalla cartella dei contenuti",
      ]
    `);
  },
  'file-cartella-sbagliata': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/nuovo.md:1:1 (file) — file nella cartella sbagliata: scheda va in content/projects/<organizzazione>/<id>.md | correzione: sposta il file in content/projects/<organizzazione>/<id>.md",
      ]
    `);
  },
  'file-estraneo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning content/pages/anci-prova/appunti.txt:1:1 (file) — file non riconosciuto in content/pages/: qui si aspettano file .md (testo) | correzione: sposta il file fuori da content/pages/ o rinominalo con estensione .md",
      ]
    `);
  },
  'file-mdx': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.mdx:1:1 (file) — i contenuti si scrivono in .md, non in .mdx: un file MDX può eseguire codice durante la costruzione del sito | correzione: rinomina il file in nuovo.md e togli eventuali import/componenti",
      ]
    `);
  },
  'file-troppo-grande': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/enorme.md:1:1 (file) — il file è troppo grande (10,0 MB, il massimo è 5 MB): non sembra un contenuto scritto a mano | correzione: dividi il contenuto in più file o rimuovi il file dalla cartella dei contenuti",
      ]
    `);
  },
  'file-vuoto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/vuota.yaml:1:1 (file) — il file è vuoto: mancano tutti i campi | correzione: copia la struttura da un file dello stesso tipo (vedi README, «Scrivere i contenuti»)",
      ]
    `);
  },
  'finanziamento-duplicato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/funding.yaml:6:7 [2].id — identificativo duplicato «pnrr»: già usato in data/funding.yaml | correzione: scegli un identificativo diverso",
      ]
    `);
  },
  'finanziamento-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:17 funding[1] — programma di finanziamento «fami» non definito in data/funding.yaml | correzione: crea la voce «fami» in data/funding.yaml oppure correggi il riferimento",
      ]
    `);
  },
  'fine-prima-inizio': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:6 end — la fine (2021-12) viene prima dell'inizio (2022-05) | correzione: (nessuna)",
      ]
    `);
  },
  'html-in-markdown-ammesso': (p) => {
    expect(p).toMatchInlineSnapshot(`[]`);
  },
  'html-nel-testo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning content/projects/anci-prova/nuovo.md:4:10 summary — il testo contiene codice HTML («<b>», «</b>», «<br>»): questo campo è testo semplice, e sul sito e nel PDF il codice comparirebbe così com'è | correzione: summary: Un progetto importante per i Comuni. Dal 2024.",
      ]
    `);
  },
  'immagine-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:15 cover.src — immagine non trovata: ./nope.jpg | correzione: metti il file nope.jpg nella cartella content/projects/anci-prova/ o correggi il percorso",
      ]
    `);
  },
  'intestazione-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:1:1 (file) — manca l'intestazione (front matter): il file deve iniziare con una riga «---», i campi, e un'altra riga «---» | correzione: aggiungi in cima al file:
      ---
      title: …
      ---",
      ]
    `);
  },
  'intestazione-non-campi': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:2:1 (file) — attesi dei campi nella forma «nome: valore», uno per riga | correzione: (nessuna)",
      ]
    `);
  },
  'intestazione-non-chiusa': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:1:1 (file) — l'intestazione (front matter) si apre con «---» alla riga 1 ma non viene mai chiusa: manca un'altra riga «---» dopo i campi | correzione: aggiungi una riga «---» dopo l'ultimo campo, prima del testo",
      ]
    `);
  },
  'intestazione-vuota': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/vuota.md:2:1 (file) — l'intestazione è vuota: mancano tutti i campi | correzione: copia la struttura da un file dello stesso tipo (vedi README, «Scrivere i contenuti»)",
      ]
    `);
  },
  'membri-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:6:12 membership.members — scritto così, 1.401 vale 1,401: nei file il punto separa i decimali, non le migliaia | correzione: members: 1401",
      ]
    `);
  },
  'nome-file-maiuscole-spazi': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/Nuovo Progetto.md:1:1 (file) — nome non valido «Nuovo Progetto»: nomi di file e cartelle fanno da identificativo e indirizzo web, quindi solo minuscole, cifre e trattini | correzione: rinomina in «nuovo-progetto»",
      ]
    `);
  },
  'obiettivo-duplicato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:15:13 sections[1].objectives[0].id — obiettivo duplicato «riforma-cal»: l'identificativo è già usato in sections[0] | correzione: id: riforma-cal-2",
      ]
    `);
  },
  'partner-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:10:21 partners[1].organization — organizzazione «anci-toscana» inesistente | correzione: crea data/organizations/anci-toscana.yaml oppure correggi il riferimento (oppure scrivi name: … per un partner senza scheda)",
      ]
    `);
  },
  'percentuale-oltre-100': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:5:41 membership.share — una percentuale va da 0 a 100 | correzione: (nessuna)",
      ]
    `);
  },
  'piano-anno-file': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:2:7 year — l'anno (2012) non corrisponde al nome del file (2021.md) | correzione: year: 2021 (oppure rinomina il file in 2012.md)",
      ]
    `);
  },
  'report-capitolo-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:6:13 chapters[2].type — ogni capitolo ha un "type" tra: markdown, profile, governance, stats, cards, plan, list | correzione: type: markdown",
      ]
    `);
  },
  'report-ordine-fuori-filtro': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:5:108 chapters[1].order[1] — la scheda «anci-prova/concluso» non rientra nel filtro del capitolo (stato «concluso»): non verrebbe stampata qui | correzione: correggi lo stato della scheda o spostala nel capitolo giusto",
      ]
    `);
  },
  'report-piano-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:7:25 chapters[3].plan — piano «anci-prova/2021» inesistente | correzione: crea content/plans/anci-prova/2021.md oppure correggi il riferimento",
      ]
    `);
  },
  'report-tabella-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:6:63 chapters[2].tables[1] — tabella «anci-prova/social» inesistente | correzione: crea data/stats/anci-prova/social.yaml oppure correggi il riferimento",
      ]
    `);
  },
  'report-testo-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:4:29 chapters[0].page — testo «anci-prova/letera» inesistente | correzione: forse intendevi «anci-prova/lettera»",
      ]
    `);
  },
  'scheda-collegata-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:11 related[0] — scheda «anci-prova/sportelo» inesistente | correzione: forse intendevi «anci-prova/sportello»",
      ]
    `);
  },
  'stato-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:6:9 status — atteso uno di: attivo, in-progettazione, concluso | correzione: status: attivo",
      ]
    `);
  },
  'stats-migliaia-lista': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/social.yaml:4:55 rows[0].values[1] — scritto così, 1.400 vale 1,4: nei file il punto separa i decimali, non le migliaia | correzione: scrivi 1400 al posto di 1.400",
      ]
    `);
  },
  'stats-valori-mancanti': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.yaml:5:54 rows[1].values — la riga «partecipanti» ha 2 valori ma la tabella ha 3 periodi (2022, 2023, 2024) | correzione: un valore per periodo, nello stesso ordine; null dove il dato manca",
      ]
    `);
  },
  'virgola-decimale': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/gradimento.yaml:8:15 headlines[0].declared — in YAML i decimali si scrivono con il punto, non con la virgola | correzione: declared: 4.33",
      ]
    `);
  },
  'virgola-decimale-lista': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/gradimento.yaml:4:66 rows[0].values — la riga «voto» ha 4 valori ma la tabella ha 2 periodi (2022, 2023): i decimali sono scritti con la virgola, e dentro le parentesi quadre la virgola separa i valori (4,33 diventa 4 e 33) | correzione: values: [4.33, 4.5]",
      ]
    `);
  },
  'yaml-chiave-duplicata': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:4:1 (file) — errore di sintassi YAML: questo campo compare due volte nello stesso blocco | correzione: tieni un solo «title»: cancella o rinomina una delle due righe",
      ]
    `);
  },
  'yaml-due-punti-nel-testo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/nota.md:2:8 (file) — errore di sintassi YAML: un testo che contiene «: » (due punti e spazio) va messo tra virgolette | correzione: title: "Nota metodologica: come leggere i dati"",
      ]
    `);
  },
  'yaml-parentesi-aperta': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:5:8 (file) — errore di sintassi YAML: la lista aperta con «[» non viene chiusa | correzione: aggiungi «]» alla fine della riga (oppure correggi il rientro della riga seguente)",
      ]
    `);
  },
  'yaml-rientro-sbagliato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/social.yaml:7:4 (file) — errore di sintassi YAML: rientro sbagliato: questa riga non è allineata con le altre dello stesso livello | correzione: correggi la riga indicata (controlla rientri, due punti e virgolette)",
      ]
    `);
  },
  'yaml-tab': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:1 (file) — errore di sintassi YAML: in YAML il rientro si fa con gli spazi, non con il tasto Tab | correzione: sostituisci i Tab a inizio riga con spazi (2 per livello)",
      ]
    `);
  },
  'report-senza-capitoli': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:3:11 chapters — un report ha almeno un capitolo | correzione: chapters: [ { type: markdown, page: anci-toscana/lettera-presidente } ]",
      ]
    `);
  },
  'stats-csv-colonne': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.csv:1:1 (intestazione) — le colonne dei periodi (2022, 2023) non corrispondono ai periodi della tabella (2022, 2023, 2024) | correzione: prima riga: riga,2022,2023,2024",
      ]
    `);
  },
  'stats-periodo-duplicato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.yaml:2:23 periods[2] — l'anno 2023 compare due volte tra i periodi | correzione: ogni anno va indicato una sola volta",
        "error data/stats/anci-prova/eventi.yaml:2:23 periods[2] — i periodi vanno in ordine cronologico, dal più vecchio | correzione: riordina i periodi",
      ]
    `);
  },
  'yaml-virgolette-aperte': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:4:10 (file) — errore di sintassi YAML: le virgolette «"» aperte qui non vengono mai chiuse | correzione: aggiungi «"» alla fine del testo, sulla stessa riga",
      ]
    `);
  },
};

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'annuario-invalid-'));
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('invalid corpus', () => {
  test('there are enough cases, each with its inline snapshot', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(34);
    expect(Object.keys(snapshots).sort()).toEqual(caseNames);
  });

  test.each(caseNames)('%s', (name) => {
    const spec = readSpec(name);
    expect(spec.description.length).toBeGreaterThan(0);
    const source = path.join(work, name);
    prepareCase(name, spec, source);

    const result = validateSource(source, { today: TODAY });

    switch (spec.expect ?? 'error') {
      case 'error':
        // At least one error: `npm run validate` exits 1.
        expect(result.errors).toBeGreaterThanOrEqual(1);
        break;
      case 'warning':
        expect(result.errors).toBe(0);
        expect(result.warnings).toBeGreaterThanOrEqual(1);
        break;
      case 'none':
        expect(result.problems).toEqual([]);
        break;
    }
    for (const problem of result.problems) {
      expect(pointsIntoFile(source, problem), project(problem)).toBeNull();
      expect(problem.message.trim(), project(problem)).not.toBe('');
    }
    const snapshot = snapshots[name];
    if (snapshot === undefined)
      throw new Error(`aggiungi «'${name}': (p) => expect(p).toMatchInlineSnapshot(),» e lancia npm test -- tests/validate -u`);
    snapshot(result.problems.map(project));
  });
});
