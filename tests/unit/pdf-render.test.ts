import { describe, expect, test } from 'vitest';
import { isBrowserInitiatedFailure } from '../../scripts/lib/pdf/render.ts';

const page = 'http://127.0.0.1:4321/stampa/prova/rapporto/';
const image = 'http://127.0.0.1:4321/immagini/manca.png';
const favicon = 'http://127.0.0.1:4321/favicon.ico';
const LOAD_404 = 'Failed to load resource: the server responded with a status of 404 (Not Found)';

describe('which console errors are the browser’s own business', () => {
  test.each([
    ['the favicon the browser fetched by itself', LOAD_404, favicon, [page], true],
    ['an image the page asked for', LOAD_404, image, [page, image], false],
    ['a connection error on a resource of the page', 'Failed to load resource: net::ERR_CONNECTION_REFUSED', image, [page, image], false],
    ['a script error, wherever it is', 'grafico non disegnato: dati mancanti', favicon, [page], false],
    ['a load failure with no location', LOAD_404, '', [page], false],
  ])('%s', (_name, text, location, requested, expected) => {
    expect(isBrowserInitiatedFailure(text, location, new Set(requested))).toBe(expected);
  });
});
