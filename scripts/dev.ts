/**
 * `npm run dev`: Astro's development server on the content of `ANNUARIO_SOURCE` (or the project
 * itself), through Astro's own `dev()`. Saving a content file updates the open page; content
 * errors show as an Italian page in the browser and here (src/integration/). Started by another
 * program with an IPC channel (the tests, `npm run bench:dev`), it sends that program the address
 * it listens on, `{ url }` (scripts/lib/dev-server.ts).
 */
import { parseArgs } from 'node:util';
import { projectRoot } from './lib/astro.ts';
import { runMain } from './lib/cli.ts';

const HELP = `Uso: npm run dev -- [opzioni]

Avvia l'anteprima del sito su http://localhost: ogni file di contenuti salvato si vede subito
nella pagina aperta; gli errori dei contenuti compaiono nel browser e qui, in italiano.

Opzioni:
  --port <n>   porta (predefinita 4321; 0 = una porta libera qualsiasi)
  --host       raggiungibile anche da altri computer della rete
  --help       questo aiuto`;

runMain(async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Porta non valida «${values.port}»: scrivi un numero fra 0 e 65535 (es. --port 4321).`);
    return 2;
  }
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const { dev } = await import('astro');
  const server = await dev({ root: projectRoot, server: { port, host: values.host } });
  const url = `http://localhost:${server.address.port}/`;
  process.send?.({ url });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
  return 0;
});
