/**
 * Shapes collection entries into what the pages show. Pure: takes plain entries, returns plain
 * data, so `.astro` files only lay out.
 */
import type { Organization } from '../schemas/organization.ts';
import type { ProjectCard } from '../schemas/project.ts';

export interface IdEntry<T> {
  id: string;
  data: T;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  cards: IdEntry<ProjectCard>[];
  plans: IdEntry<{ year: number; title: string }>[];
  stats: IdEntry<{ title: string }>[];
  reports: IdEntry<{ title: string }>[];
  pages: IdEntry<{ title: string }>[];
}

function ownedBy<T>(entries: readonly IdEntry<T>[], org: string): IdEntry<T>[] {
  return entries.filter((e) => e.id.startsWith(`${org}/`));
}

const byTitle = <T extends { title: string }>(a: IdEntry<T>, b: IdEntry<T>): number => a.data.title.localeCompare(b.data.title, 'it');

export function summarizeOrganizations(input: {
  organizations: readonly IdEntry<Organization>[];
  projects: readonly IdEntry<ProjectCard>[];
  plans: readonly IdEntry<{ year: number; title: string }>[];
  stats: readonly IdEntry<{ title: string }>[];
  reports: readonly IdEntry<{ title: string }>[];
  pages: readonly IdEntry<{ title: string }>[];
}): OrganizationSummary[] {
  return input.organizations
    .map((org) => ({
      id: org.id,
      name: org.data.name.short,
      cards: ownedBy(input.projects, org.id).sort(byTitle),
      plans: ownedBy(input.plans, org.id).sort((a, b) => b.data.year - a.data.year),
      stats: ownedBy(input.stats, org.id).sort(byTitle),
      reports: ownedBy(input.reports, org.id).sort(byTitle),
      pages: ownedBy(input.pages, org.id).sort(byTitle),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
}
