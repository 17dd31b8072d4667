/** `npm run check|dev|preview`: the Astro CLI with telemetry off, on the project's Node. */
import { runAstro } from './lib/astro.ts';
import { runMain } from './lib/cli.ts';

runMain(async () => {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === '--help') {
    console.log('Uso: node scripts/astro.ts <comando astro> [opzioni]   (es. check, dev, preview)');
    return 0;
  }
  return (await runAstro(args)).code;
});
