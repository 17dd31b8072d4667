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
import { applyEdit } from '../../src/lib/validate/edits.ts';
import type { Edit } from '../../src/lib/validate/problem.ts';
import { casesDir, prepareCase, readSpec } from './corpus.ts';

const TODAY = '2026-11-22';

const caseNames = fs
  .readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Where an edit puts its fix, as the CLI says it. */
function editPlace(edit: Edit | undefined): string {
  if (edit === undefined) return '';
  if ('renameTo' in edit) return ` [→ ${edit.renameTo}]`;
  return 'replace' in edit ? ` [riga ${edit.line}]` : ` [dopo la riga ${edit.insertAfter}]`;
}

/** One line per problem, as an editor reads it: where, what, and the fix. */
function project(p: Problem): string {
  return `${p.severity} ${p.file}:${p.line}:${p.column} ${p.field || '(file)'} — ${p.message} | correzione${editPlace(p.edit)}: ${p.fix ?? '(nessuna)'}`;
}

/** A problem as a key that survives the fix of another one: no line numbers. */
function key(p: Problem, renamed: Map<string, string> = new Map()): string {
  return `${renamed.get(p.file) ?? p.file} ${p.code} ${p.field} ${p.message}`;
}

/** Applies a problem's edit to a copy of the source, as an editor following «Correzione» would. */
function applyFix(root: string, p: Problem & { edit: Edit }): Map<string, string> {
  const abs = path.join(root, p.file);
  if ('renameTo' in p.edit) {
    fs.mkdirSync(path.dirname(path.join(root, p.edit.renameTo)), { recursive: true });
    fs.renameSync(abs, path.join(root, p.edit.renameTo));
    return new Map([[p.file, p.edit.renameTo]]);
  }
  fs.writeFileSync(abs, applyEdit(fs.readFileSync(abs, 'utf8'), p.edit));
  return new Map();
}

/** Every key of `after` that `before` does not account for, one for one. */
function newProblems(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((k) => {
    const i = left.indexOf(k);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
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
        "error content/projects/anci-prova/nuovo.md:5:9 areas[0] — area tematica «welfar» non prevista dal vocabolario di ANCI Prova | correzione [riga 5]: areas: [welfare]",
      ]
    `);
  },
  'attivo-fine-passata': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning content/projects/anci-prova/nuovo.md:6:9 status — lo stato è «attivo» ma la data di fine (2024-06) è passata: se il progetto è finito è «concluso», altrimenti correggi la data di fine | correzione [riga 6]: status: concluso",
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
        "error content/projects/anci-prova/nuovo.md:8:9 budget — un importo va scritto come numero: senza «€», senza punti delle migliaia e con il punto per i decimali | correzione [riga 8]: budget: 1714067.00",
      ]
    `);
  },
  'budget-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:9 budget — scritto così, 1.400 vale 1,4: nei file il punto separa i decimali, non le migliaia | correzione [riga 8]: budget: 1400",
      ]
    `);
  },
  'campo-obbligatorio-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:2:1 summary — campo obbligatorio mancante: atteso un testo | correzione: aggiungi una riga «summary: …» con il valore giusto (sintesi in una frase)",
      ]
    `);
  },
  'campo-sconosciuto-titel': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:3:1 titel — campo sconosciuto «titel»: forse intendevi «title»? «title» è obbligatorio e manca | correzione [riga 3]: title: Nuovo progetto",
      ]
    `);
  },
  'cap-numero': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:7:15 address.postalCode — atteso il CAP come testo tra virgolette (es. "06055") | correzione [riga 7]: postalCode: "06055"",
      ]
    `);
  },
  'cartella-organizzazione-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-porva/presentazione.md:1:1 (file) — la cartella «anci-porva» non corrisponde a nessuna organizzazione (manca data/organizations/anci-porva.yaml) | correzione [→ content/pages/anci-prova/presentazione.md]: sposta il file nella cartella «anci-prova»",
      ]
    `);
  },
  'cifra-diversa': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "warning data/stats/anci-prova/eventi.yaml:7:78 headlines[0].declared — la cifra dichiarata (250) non corrisponde al calcolo dalla tabella: somma della riga «eventi» su 2022, 2023, 2024 = 254 | correzione: se il dato stampato è giusto, correggi la tabella; altrimenti scrivi 254 in «declared». Sul sito compaiono entrambi i valori finché non coincidono.",
      ]
    `);
  },
  'cifra-riga-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.yaml:7:46 headlines[0].row — riga «evento» inesistente in questa tabella | correzione [riga 7]: - { id: eventi-totali, label: eventi, row: eventi, compute: sum, declared: 254 }",
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
        "error data/organizations/comune-prova.yaml:5:13 brandColor — atteso un colore esadecimale di 6 cifre tra virgolette (es. "#0066CC") | correzione: correggi il valore come indicato",
      ]
    `);
  },
  'colore-senza-virgolette': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:5:13 brandColor — atteso un colore esadecimale tra virgolette (es. "#0066CC") | correzione [riga 5]: brandColor: "#0066CC"",
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
        "error content/projects/anci-prova/nuovo.md:7:21 source.document — documento «000_catalogo.tx» inesistente: forse intendevi «000_catalogo.txt»? | correzione [riga 7]: source: { document: 000_catalogo.txt, page: 24 }",
        "warning data/documents.yaml:6:9 [1].file — il testo del documento «001_piano.txt» non è in data/documents/ | correzione: copia il file in data/documents/001_piano.txt oppure correggi il nome",
      ]
    `);
  },
  'estensione-yml': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/social.yml:1:1 (file) — tabella statistica con estensione .yml: il file non viene letto | correzione [→ data/stats/anci-prova/social.yaml]: rinomina il file in social.yaml",
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
        "error content/pages/anci-prova/appunti.txt:1:1 (file) — file non riconosciuto in content/pages/: qui si leggono solo file .md (testo), questo non verrebbe pubblicato | correzione: se è un contenuto, rinominalo con estensione .md; altrimenti spostalo fuori da content/pages/",
      ]
    `);
  },
  'file-mdx': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.mdx:1:1 (file) — i contenuti si scrivono in .md, non in .mdx: un file MDX può eseguire codice durante la costruzione del sito | correzione [→ content/projects/anci-prova/nuovo.md]: rinomina il file in nuovo.md e togli eventuali import/componenti",
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
        "error data/stats/anci-prova/vuota.yaml:1:1 (file) — il file è vuoto: mancano tutti i campi | correzione: ricrealo con «npm run nuovo» (che scrive tutti i campi), oppure copia la struttura da docs/guida-redazione.md",
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
        "warning content/projects/anci-prova/nuovo.md:4:10 summary — il testo contiene codice HTML («<b>», «</b>», «<br>»): questo campo è testo semplice, e sul sito e nel PDF il codice comparirebbe così com'è | correzione [riga 4]: summary: Un progetto importante per i Comuni. Dal 2024.",
      ]
    `);
  },
  'immagine-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:15 cover.src — immagine non trovata: ./nope.jpg | correzione: metti il file nope.jpg nella cartella content/projects/anci-prova/ e scrivi src: ./nope.jpg",
      ]
    `);
  },
  'intestazione-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:1:1 (file) — manca l'intestazione (front matter): il file deve iniziare con una riga «---», i campi, e un'altra riga «---» | correzione: aggiungi in cima al file una riga «---», poi i campi, uno per riga nella forma «nome: valore» (copiali da un file dello stesso tipo), e un'altra riga «---»",
      ]
    `);
  },
  'intestazione-non-campi': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/pages/anci-prova/presentazione.md:2:1 (file) — attesi dei campi nella forma «nome: valore», uno per riga | correzione: metti un campo per riga nella forma «nome: valore» (copia la struttura da un file dello stesso tipo)",
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
        "error content/pages/anci-prova/vuota.md:2:1 (file) — l'intestazione è vuota: mancano tutti i campi | correzione: ricrealo con «npm run nuovo» (che scrive tutti i campi), oppure copia la struttura da docs/guida-redazione.md",
      ]
    `);
  },
  'membri-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:6:12 membership.members — scritto così, 1.401 vale 1,401: nei file il punto separa i decimali, non le migliaia | correzione [riga 6]: members: 1401",
      ]
    `);
  },
  'nome-file-maiuscole-spazi': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/Nuovo Progetto.md:1:1 (file) — nome non valido «Nuovo Progetto»: nomi di file e cartelle fanno da identificativo e indirizzo web, quindi solo minuscole, cifre e trattini | correzione [→ content/projects/anci-prova/nuovo-progetto.md]: rinomina in «nuovo-progetto»",
      ]
    `);
  },
  'obiettivo-duplicato': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:15:13 sections[1].objectives[0].id — obiettivo duplicato «riforma-cal»: l'identificativo è già usato in sections[0] | correzione [riga 15]: - id: riforma-cal-2",
      ]
    `);
  },
  'partner-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:10:21 partners[1].organization — organizzazione «anci-toscana» inesistente | correzione: crea data/organizations/anci-toscana.yaml (oppure, per un partner senza scheda, sostituisci «organization» con «name» e il nome) oppure correggi il riferimento",
      ]
    `);
  },
  'percentuale-oltre-100': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/organizations/comune-prova.yaml:5:41 membership.share — una percentuale va da 0 a 100 | correzione: correggi il valore come indicato",
      ]
    `);
  },
  'piano-anno-file': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2021.md:2:7 year — l'anno (2012) non corrisponde al nome del file (2021.md): se è sbagliato il nome, rinomina il file in 2012.md | correzione [riga 2]: year: 2021",
      ]
    `);
  },
  'report-capitolo-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:6:13 chapters[2].type — ogni capitolo ha un "type" tra: markdown, profile, governance, stats, cards, plan, list | correzione: scrivi il dato giusto nella forma dell'esempio «markdown»",
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
        "error content/reports/anci-prova/catalogo.yaml:4:29 chapters[0].page — testo «anci-prova/letera» inesistente: forse intendevi «anci-prova/lettera»? | correzione [riga 4]: - { type: markdown, page: anci-prova/lettera }",
      ]
    `);
  },
  'scheda-collegata-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:11 related[0] — scheda «anci-prova/sportelo» inesistente: forse intendevi «anci-prova/sportello»? | correzione [riga 8]: related: [anci-prova/sportello]",
      ]
    `);
  },
  'stato-sconosciuto': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:6:9 status — atteso uno di: attivo, in-progettazione, concluso | correzione [riga 6]: status: attivo",
      ]
    `);
  },
  'stats-migliaia-lista': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/social.yaml:4:55 rows[0].values[1] — scritto così, 1.400 vale 1,4: nei file il punto separa i decimali, non le migliaia | correzione [riga 4]: - { id: post, label: post pubblicati, values: [593, 1400, 863] }",
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
        "error data/stats/anci-prova/gradimento.yaml:8:15 headlines[0].declared — in YAML i decimali si scrivono con il punto, non con la virgola | correzione [riga 8]: declared: 4.33",
      ]
    `);
  },
  'virgola-decimale-lista': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/gradimento.yaml:4:66 rows[0].values — la riga «voto» ha 4 valori ma la tabella ha 2 periodi (2022, 2023): i decimali sono scritti con la virgola, e dentro le parentesi quadre la virgola separa i valori (4,33 diventa 4 e 33) | correzione [riga 4]: - { id: voto, label: valutazione media, kind: decimal, values: [ 4.33, 4.5 ] }",
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
        "error content/pages/anci-prova/nota.md:2:8 (file) — errore di sintassi YAML: un testo che contiene «: » (due punti e spazio) va messo tra virgolette | correzione [riga 2]: title: "Nota metodologica: come leggere i dati"",
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
        "error content/projects/anci-prova/nuovo.md:8:1 (file) — errore di sintassi YAML: in YAML il rientro si fa con gli spazi, non con il tasto Tab | correzione: sostituisci i Tab a inizio riga con spazi, allineando la riga alle altre dello stesso livello",
      ]
    `);
  },
  'report-senza-capitoli': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/reports/anci-prova/catalogo.yaml:3:11 chapters — un report ha almeno un capitolo | correzione: correggi il valore come indicato",
      ]
    `);
  },
  'stats-csv-colonne': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.csv:1:1 (intestazione) — le colonne dei periodi (2022, 2023) non corrispondono ai periodi della tabella (2022, 2023, 2024) | correzione: metti una colonna per periodo (2022, 2023, 2024), nell'intestazione e in ogni riga, con la cella vuota dove il dato manca",
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
  'anno-non-plausibile': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:8 start — anno non plausibile: atteso tra 1900 e 2100 | correzione: (nessuna)",
      ]
    `);
  },
  'campo-id-estraneo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:2:1 id — campo sconosciuto «id»: l'identificativo è il nome del file (nuovo.md) | correzione: togli la riga «id: …»; per cambiare identificativo rinomina il file",
      ]
    `);
  },
  'cartella-sconosciuta': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/progetti:1:1 (file) — cartella «content/progetti» non prevista: il suo contenuto non viene letto (si leggono content/projects, content/plans, content/reports, content/pages) | correzione: sposta il contenuto di content/progetti/ in content/projects/",
      ]
    `);
  },
  'chiavi-interne-come-valori': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:5:9 areas[0] — area tematica «constructor» non prevista dal vocabolario di ANCI Prova | correzione: aggiungi { id: constructor, label: … } alle aree di data/organizations/anci-prova.yaml, o usa una di: welfare, ambiente",
        "error content/projects/anci-prova/nuovo.md:7:11 funding[0] — programma di finanziamento «tostring» non definito in data/funding.yaml | correzione: crea la voce «tostring» in data/funding.yaml oppure correggi il riferimento",
        "error content/projects/anci-prova/nuovo.md:8:11 related[0] — scheda «anci-prova/constructor» inesistente | correzione: crea content/projects/anci-prova/constructor.md oppure correggi il riferimento",
      ]
    `);
  },
  'chiavi-interne-javascript': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:1 __proto__ — campo sconosciuto «__proto__» | correzione: togli «__proto__» o spostane il contenuto in un campo previsto: kind, title, summary, areas, status, start, end, datesAsPrinted, budget, funding, role, partners, territories, publications, links, related, cover, source, readings, uncertain",
        "error content/projects/anci-prova/nuovo.md:8:40 cover.constructor — campo sconosciuto «constructor» | correzione: togli «constructor» o spostane il contenuto in un campo previsto: src, alt",
        "error content/projects/anci-prova/nuovo.md:10:20 partners[0].toString — campo sconosciuto «toString» | correzione: togli «toString» o spostane il contenuto in un campo previsto: organization, name, relation",
        "error content/projects/anci-prova/nuovo.md:11:20 partners[1].hasOwnProperty — campo sconosciuto «hasOwnProperty» | correzione: togli «hasOwnProperty» o spostane il contenuto in un campo previsto: organization, name, relation",
        "error content/projects/anci-prova/nuovo.md:12:1 prototype — campo sconosciuto «prototype» | correzione: togli «prototype» o spostane il contenuto in un campo previsto: kind, title, summary, areas, status, start, end, datesAsPrinted, budget, funding, role, partners, territories, publications, links, related, cover, source, readings, uncertain",
      ]
    `);
  },
  'collegamento-fuori': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:1:1 (file) — collegamento (link simbolico) a un file fuori dalla cartella dei contenuti (/etc/hostname): il sito si costruisce solo da questa cartella, quindi viene rifiutato | correzione: al posto del collegamento metti una copia del file (nuovo.md)",
      ]
    `);
  },
  'collegamento-interno': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/copia.md:1:1 (file) — collegamento (link simbolico): i collegamenti non vengono seguiti, il contenuto non verrebbe pubblicato | correzione: al posto del collegamento metti una copia del file (copia.md)",
      ]
    `);
  },
  'continues-senza-organizzazione': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2022.md:10:20 sections[0].objectives[0].continues — atteso un riferimento nella forma "organizzazione/anno/obiettivo" (es. "anci-toscana/2018/riforma-cal") | correzione [riga 10]: continues: anci-prova/2021/riforma-cal",
      ]
    `);
  },
  'continues-senza-organizzazione-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2022.md:10:20 sections[0].objectives[0].continues — atteso un riferimento nella forma "organizzazione/anno/obiettivo" (es. "anci-toscana/2018/riforma-cal") | correzione: correggi il valore come indicato",
      ]
    `);
  },
  'copertina-percorso-windows': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:8 cover — un'immagine si indica con due campi rientrati sotto «cover:»: «src», il percorso del file rispetto a questo file (es. ./foto.jpg), e «alt», la descrizione per chi non vede l'immagine; un percorso del proprio computer non vale, perché il sito si costruisce altrove | correzione: copia foto.jpg nella cartella content/projects/anci-prova/ (accanto a nuovo.md), poi scrivi al posto di questa riga: «cover:», sotto «  src: ./foto.jpg» e «  alt: » con la descrizione dell'immagine",
      ]
    `);
  },
  'data-italiana-giorno': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:6 end — attesa una data nella forma AAAA-MM-GG, AAAA-MM oppure AAAA (es. 2023-06-27) | correzione [riga 8]: end: 2024-12-31",
      ]
    `);
  },
  'data-italiana-impossibile': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:8:6 end — la data 31/02/2024 non esiste nel calendario | correzione: scrivi la data giusta nella forma AAAA-MM-GG (es. 2024-12-31), AAAA-MM oppure AAAA",
      ]
    `);
  },
  'data-italiana-mese': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:8 start — attesa una data nella forma AAAA-MM-GG, AAAA-MM oppure AAAA (es. 2023-06-27) | correzione [riga 7]: start: 2025-03",
      ]
    `);
  },
  'data-italiana-parole': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:8 start — attesa una data nella forma AAAA-MM-GG, AAAA-MM oppure AAAA (es. 2023-06-27) | correzione [riga 7]: start: 2025-03",
      ]
    `);
  },
  'documento-origine-inesistente': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:21 source.document — documento di origine «doc-prva.txt» non presente in data/documents/: forse intendevi «doc-prova.txt»? | correzione [riga 7]: source: { document: doc-prova.txt }",
      ]
    `);
  },
  'file-docx': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/bozza.docx:1:1 (file) — documento .docx in content/projects/: qui si leggono solo file .md (scheda), questo non verrebbe pubblicato | correzione: copia il testo in un file .md (vedi README, «Scrivere i contenuti») e sposta bozza.docx fuori da content/projects/",
      ]
    `);
  },
  'file-markdown': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.markdown:1:1 (file) — scheda con estensione .markdown: il file non viene letto | correzione [→ content/projects/anci-prova/nuovo.md]: rinomina il file in nuovo.md",
      ]
    `);
  },
  'file-md-txt': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md.txt:1:1 (file) — scheda con estensione .txt: il file non viene letto | correzione [→ content/projects/anci-prova/nuovo.md]: rinomina il file in nuovo.md",
      ]
    `);
  },
  'invisibile-nbsp-dopo-due-punti': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:6:8 (file) — caratteri invisibili o tipografici, di solito incollati da Word: spazio non separabile (U+00A0) a 6:8. Cambiano il modo in cui il file viene letto | correzione [riga 6]: status: attivo",
      ]
    `);
  },
  'invisibile-nbsp-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:12 (file) — caratteri invisibili o tipografici, di solito incollati da Word: spazio non separabile (U+00A0) a 7:12. Cambiano il modo in cui il file viene letto | correzione [riga 7]: budget: 120000",
      ]
    `);
  },
  'invisibile-nbsp-rientro': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:9:1 (file) — caratteri invisibili o tipografici, di solito incollati da Word: spazio non separabile (U+00A0) a 9:1, 9:2, 9:3, 9:4. Cambiano il modo in cui il file viene letto | correzione [riga 9]: relation: collaborazione",
      ]
    `);
  },
  'invisibile-spazio-zero': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:6:12 (file) — caratteri invisibili o tipografici, di solito incollati da Word: spazio di larghezza zero (U+200B) a 6:12. Cambiano il modo in cui il file viene letto | correzione [riga 6]: status: attivo",
      ]
    `);
  },
  'invisibile-tab-nel-valore': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:3:13 (file) — caratteri invisibili o tipografici, di solito incollati da Word: carattere Tab a 3:13. Cambiano il modo in cui il file viene letto | correzione [riga 3]: title: Nuovo progetto",
      ]
    `);
  },
  'invisibile-virgolette-curve': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:3:8 (file) — caratteri invisibili o tipografici, di solito incollati da Word: virgolette curve «“ ”» a 3:8. Cambiano il modo in cui il file viene letto | correzione [riga 3]: title: "Nuovo progetto"",
      ]
    `);
  },
  'piano-senza-anno': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/2025.md:2:1 year — campo obbligatorio mancante: atteso l'anno come numero (es. 2021) | correzione [dopo la riga 1]: year: 2025",
      ]
    `);
  },
  'piano-senza-anno-nome-libero': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/plans/anci-prova/piano-2025.md:2:1 year — campo obbligatorio mancante: atteso l'anno come numero (es. 2021) | correzione: aggiungi una riga «year: …» con il valore giusto",
      ]
    `);
  },
  'readme-ammesso': (p) => {
    expect(p).toMatchInlineSnapshot(`[]`);
  },
  'stats-conteggio-negativo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/quote.yaml:4:62 rows[0].values[1] — un conteggio non può essere negativo (qui c'è -4) | correzione: correggi il valore (o il tipo della riga, «kind»)",
      ]
    `);
  },
  'stats-csv-conteggio-negativo': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/quote.yaml:4:5 rows[0].values[1] — un conteggio non può essere negativo (qui c'è -4), nel file quote.csv (riga «eventi», periodo 2023) | correzione: correggi il valore (o il tipo della riga, «kind»)",
      ]
    `);
  },
  'stats-percentuale-oltre-100': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/quote.yaml:4:86 rows[0].values[1] — una percentuale di un totale va da 0 a 100 (qui c'è 120); se è una variazione rispetto a un periodo precedente, scrivi change: true nella riga | correzione: correggi il valore (o il tipo della riga, «kind»)",
      ]
    `);
  },
  'stats-voto-fuori-scala': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/quote.yaml:4:91 rows[0].values[1] — valore fuori scala: la valutazione va da 1 a 5 (qui c'è 7) | correzione: correggi il valore (o il tipo della riga, «kind»)",
        "error data/stats/anci-prova/quote.yaml:6:92 headlines[0].declared — valore fuori scala: la valutazione va da 1 a 5 (qui c'è 6) | correzione: correggi il valore stampato o il tipo («kind»)",
      ]
    `);
  },
  'titolo-mancante': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:2:1 title — campo obbligatorio mancante: atteso un testo | correzione: aggiungi una riga «title: …» con il valore giusto (titolo)",
      ]
    `);
  },
  'stats-csv-migliaia': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.csv:3:14 partecipanti.2022 — scritto così, 8.487 vale 8,487: nei file il punto separa i decimali, non le migliaia | correzione [riga 3]: partecipanti,8487,,4472",
      ]
    `);
  },
  'stats-csv-intestazione-nomi': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error data/stats/anci-prova/eventi.csv:1:1 (intestazione) — le colonne dei periodi (2022, 2023, giugno 2024) non corrispondono ai periodi della tabella (2022, 2023, 2024) | correzione [riga 1]: riga,2022,2023,2024",
      ]
    `);
  },
  'immagine-percorso-windows': (p) => {
    expect(p).toMatchInlineSnapshot(`
      [
        "error content/projects/anci-prova/nuovo.md:7:15 cover.src — immagine non trovata: C:\\Users\\maria\\Desktop\\foto.jpg | correzione: metti il file foto.jpg nella cartella content/projects/anci-prova/ e scrivi src: ./foto.jpg",
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
    expect(caseNames.length).toBeGreaterThanOrEqual(90);
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

/** Every problem of the corpus with a certain fix, as [case, index of the problem]. */
const fixable: [string, number, string][] = caseNames.flatMap((name) => {
  const source = path.join(os.tmpdir(), `annuario-fixable-${process.pid}-${name}`);
  prepareCase(name, readSpec(name), source);
  try {
    return validateSource(source, { today: TODAY })
      .problems.map((p, index) => [name, index, p] as const)
      .filter(([, , p]) => p.edit !== undefined)
      .map(([n, index, p]) => [n, index, `${p.field || p.file} ${p.code}`] as [string, number, string]);
  } finally {
    fs.rmSync(source, { recursive: true, force: true });
  }
});

describe('every «Correzione» applies cleanly', () => {
  test('the corpus has certain fixes to prove', () => {
    expect(fixable.length).toBeGreaterThanOrEqual(20);
  });

  test.each(caseNames)('%s: a fix without an edit is an instruction, not a line to copy', (name) => {
    const source = path.join(work, `instr-${name}`);
    prepareCase(name, readSpec(name), source);
    for (const p of validateSource(source, { today: TODAY }).problems) {
      if (p.edit !== undefined) {
        if (!('renameTo' in p.edit)) expect(p.fix, project(p)).toBe('replace' in p.edit ? p.edit.replace.trim() : p.edit.text.trim());
        continue;
      }
      // «campo: valore» or «- voce» at the start would be a line to copy that no test has proved.
      expect(p.fix ?? '', project(p)).not.toMatch(/^(?:- |[\w.-]+: \S)/);
    }
  });

  test.each(fixable)('%s, problem %i (%s): gone after the fix, nothing new', (name, index) => {
    const source = path.join(work, `fix-${name}-${index}`);
    prepareCase(name, readSpec(name), source);
    const before = validateSource(source, { today: TODAY }).problems;
    const fixed = before[index]!;
    const renamed = applyFix(source, fixed as Problem & { edit: Edit });
    const after = validateSource(source, { today: TODAY }).problems;
    const others = before.filter((_, i) => i !== index).map((p) => key(p, renamed));
    expect(
      newProblems(
        others,
        after.map((p) => key(p)),
      ),
      project(fixed),
    ).toEqual([]);
  });
});
