/**
 * The editor API of the dev server (`<base>/redazione/api/`, src/integration/editor/), typed as
 * the contract between the two sides describes it. Every error answer carries an Italian
 * `error`; a network failure becomes one too, so the page always has words to show.
 */
import type { Problem } from '../../lib/validate/problem.ts';
import { t } from '../../i18n/t.ts';
import type { SchemaNode } from '../lib/json-schema.ts';

export type { Problem };

export interface TypeInfo {
  name: string;
  label: string;
  layout: 'flat' | 'per-organization' | 'list-file' | 'single-file';
  ext: string;
  frontMatter: boolean;
  schema: SchemaNode;
}

export interface Organization {
  id: string;
  name: string;
}

export interface EntrySummary {
  path: string;
  type: string;
  org?: string;
  id: string;
  title: string;
  status?: string;
}

export interface CsvTable {
  path: string;
  header: string[];
  rows: string[][];
}

export interface Entry {
  path: string;
  type: string;
  org?: string;
  id: string;
  data: unknown;
  body?: string;
  problems: Problem[];
  csv?: CsvTable;
  /** The files as read: sent back on save, which refuses to overwrite a version changed meanwhile. */
  version: string;
}

export interface Draft {
  path: string;
  data: unknown;
  body?: string;
  /** The CSV companion's cells (its path follows from the entry's). */
  csv?: Omit<CsvTable, 'path'>;
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export type SaveResult = { saved: true; problems: Problem[]; diff: string; version: string } | { saved: false; problems: Problem[] };

/** An answer of the API that is not what was asked: its Italian message and status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];

  constructor(message: string, status: number, problems: Problem[] = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

const API = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/redazione/api/`;

async function call<T>(endpoint: string, init?: { body: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(
      API + endpoint,
      init
        ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }
        : { headers: { accept: 'application/json' } },
    );
  } catch {
    throw new ApiError(t('editor.api.offline'), 0);
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(t('editor.api.notJson', { status: response.status }), response.status);
  }
  if (!response.ok) {
    const { error, problems } = (payload ?? {}) as { error?: string; problems?: Problem[] };
    throw new ApiError(error ?? t('editor.api.failed', { status: response.status }), response.status, problems ?? []);
  }
  return payload as T;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  return search.toString();
}

export const api = {
  types: () => call<{ types: TypeInfo[]; organizations: Organization[] }>('tipi'),
  entries: (type: string, org?: string, q?: string) => call<{ entries: EntrySummary[] }>(`voci?${query({ tipo: type, org, q })}`),
  entry: (path: string) => call<Entry>(`voce?${query({ path })}`),
  check: (draft: Draft) => call<{ problems: Problem[] }>('verifica', { body: draft }),
  /** A refused draft (422) is an answer, not a failure: it comes back as `{ saved: false, problems }`. */
  save: async (draft: Draft & { create?: boolean; version?: string; commit?: { message: string } }): Promise<SaveResult> => {
    try {
      return await call<SaveResult>('salva', { body: draft });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return { saved: false, problems: error.problems };
      throw error;
    }
  },
  image: (path: string, name: string, dataBase64: string) => call<{ src: string }>('immagine', { body: { path, name, dataBase64 } }),
  options: (ref: string, org: string | undefined, path: string) => call<{ options: Option[] }>(`opzioni?${query({ ref, org, path })}`),
  preview: (path: string) => call<{ url: string }>(`anteprima?${query({ path })}`),
};
