/** Where `npm run dev` shows the content's errors (src/integration/ContentErrors.astro); dev only. */
export const CONTENT_ERRORS_ROUTE = '/_annuario/errori';

/** Where the web editor's API answers in `npm run dev`, under the base path (src/integration/editor/); dev only. */
export const EDITOR_API_PATH = '/redazione/api';
