import { describe, expect, test } from 'vitest';
import { membershipFigures, organizationLink, relatedEntities } from '../../src/lib/site/organization.ts';

describe('membershipFigures', () => {
  test.each([
    [undefined, []],
    [
      { members: 270, of: 273, asOf: '2024' },
      [
        { key: 'members', value: '270' },
        { key: 'membersOf', value: '273' },
      ],
    ],
    [
      { members: 1401, of: 1506, share: 93, populationShare: 97 },
      [
        { key: 'members', value: '1.401' },
        { key: 'membersOf', value: '1.506' },
        { key: 'share', value: '93%' },
        { key: 'populationShare', value: '97%' },
      ],
    ],
    [
      { members: 12, share: 96.5 },
      [
        { key: 'members', value: '12' },
        { key: 'share', value: '96,5%' },
      ],
    ],
  ])('%o', (membership, expected) => {
    expect(membershipFigures(membership)).toEqual(expected);
  });
});

const organizations = [
  { id: 'anci-lombardia', name: { short: 'ANCI Lombardia' } },
  { id: 'ancilab', name: { short: 'AnciLab' } },
];

describe('organization links', () => {
  test.each([
    ['ancilab', false, { id: 'ancilab', label: 'AnciLab', href: '/ancilab/' }],
    ['ancilab', true, { id: 'ancilab', label: 'AnciLab', href: '/' }],
    ['fuori-fonte', false, { id: 'fuori-fonte', label: 'fuori-fonte', href: null }],
  ])('%s (single: %s)', (id, single, expected) => {
    expect(organizationLink(id, organizations, single)).toEqual(expected);
  });

  test('related entities keep their relation and order', () => {
    expect(
      relatedEntities(
        {
          related: [
            { organization: 'fuori-fonte', relation: 'fondazione' },
            { organization: 'ancilab', relation: 'società in house' },
          ],
        },
        organizations,
      ),
    ).toEqual([
      { id: 'fuori-fonte', label: 'fuori-fonte', href: null, relation: 'fondazione' },
      { id: 'ancilab', label: 'AnciLab', href: '/ancilab/', relation: 'società in house' },
    ]);
    expect(relatedEntities({}, organizations)).toEqual([]);
  });
});
