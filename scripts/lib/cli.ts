/**
 * Runs a script's main function so that nothing reaches the editor as a stack trace: a bad
 * option or an unexpected failure becomes one Italian sentence and exit code 2.
 */
export function runMain(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
          console.error(`Opzione non valida: ${message}\nUsa --help per l'elenco delle opzioni.`);
        } else {
          console.error(`Errore interno di annuario: ${message}`);
          if (process.env['ANNUARIO_DEBUG']) console.error(error);
          else console.error('(per i dettagli tecnici rilancia con ANNUARIO_DEBUG=1)');
        }
        process.exitCode = 2;
      },
    );
}
