/**
 * An organization's page data: membership figures as printed, and links to the related
 * organizations that the source describes (their home pages), plain names for the others.
 */
import type { Organization } from '../../schemas/organization.ts';
import { formatInteger, formatPercent } from '../format.ts';
import { urls } from './urls.ts';

/** A membership figure: `key` names its label in it.json (`about.<key>`). */
export interface MembershipFigure {
  key: 'members' | 'membersOf' | 'share' | 'populationShare';
  value: string;
}

/** The membership figures that the data gives, formatted: `1.401` Comuni, `93%`… */
export function membershipFigures(membership: Organization['membership']): MembershipFigure[] {
  if (!membership) return [];
  const figures: MembershipFigure[] = [{ key: 'members', value: formatInteger(membership.members) }];
  if (membership.of !== undefined) figures.push({ key: 'membersOf', value: formatInteger(membership.of) });
  if (membership.share !== undefined) figures.push({ key: 'share', value: formatPercent(membership.share) });
  if (membership.populationShare !== undefined) figures.push({ key: 'populationShare', value: formatPercent(membership.populationShare) });
  return figures;
}

/** A link to an organization of the source by id; `href` is null (and the label the id) when it is not in the source. */
export function organizationLink(
  id: string,
  organizations: readonly { id: string; name: { short: string } }[],
  singleOrganization = false,
): { id: string; label: string; href: string | null } {
  const target = organizations.find((o) => o.id === id);
  return target ? { id, label: target.name.short, href: urls.organization(id, singleOrganization) } : { id, label: id, href: null };
}

/** The related entities of an organization with their relation, linked when they are in the source. */
export function relatedEntities(
  organization: Pick<Organization, 'related'>,
  organizations: readonly { id: string; name: { short: string } }[],
  singleOrganization = false,
): { id: string; label: string; href: string | null; relation: string }[] {
  return (organization.related ?? []).map((r) => ({
    ...organizationLink(r.organization, organizations, singleOrganization),
    relation: r.relation,
  }));
}
