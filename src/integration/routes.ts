/** Where `npm run dev` shows the content's errors (src/integration/ContentErrors.astro); dev only. */
export const CONTENT_ERRORS_ROUTE = '/_annuario/errori';

/** Where the web editor's API answers in `npm run dev`, under the base path (src/integration/editor/); dev only. */
export const EDITOR_API_PATH = '/redazione/api';

/** Where `npm run dev` serves the browser editor (src/editor/Redazione.astro); dev only, and shown even while the content has errors. */
export const EDITOR_ROUTE = '/redazione';
