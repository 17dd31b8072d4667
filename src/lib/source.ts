/**
 * Where the content lives. `content/` and `data/` of this repository by default; the
 * environment variable `ANNUARIO_SOURCE=<dir>` points at another folder with the same layout
 * (an association keeping its content in its own repository).
 */
import path from 'node:path';

export interface SourceLayout {
  root: string;
  organizations: string;
  funding: string;
  stats: string;
  projects: string;
  plans: string;
  reports: string;
  pages: string;
  /** The source documents the content was transcribed from (`data/documents/`): material, never read as content. */
  documents: string;
}

export function sourceRoot(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env['ANNUARIO_SOURCE']?.trim();
  return fromEnv ? path.resolve(cwd, fromEnv) : cwd;
}

export function sourceLayout(root: string): SourceLayout {
  return {
    root,
    organizations: path.join(root, 'data', 'organizations'),
    funding: path.join(root, 'data', 'funding.yaml'),
    stats: path.join(root, 'data', 'stats'),
    projects: path.join(root, 'content', 'projects'),
    plans: path.join(root, 'content', 'plans'),
    reports: path.join(root, 'content', 'reports'),
    pages: path.join(root, 'content', 'pages'),
    documents: path.join(root, 'data', 'documents'),
  };
}
