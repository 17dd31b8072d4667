/** Where `npm run dev` shows the content's errors (src/integration/ContentErrors.astro); dev only. */
export const CONTENT_ERRORS_ROUTE = '/_annuario/errori';
