/** Answers remembered per content graph: once per graph and key, fresh for a new graph. */
import { describe, expect, test, vi } from 'vitest';
import { memoizedByIdentity } from '../../src/lib/site/memo.ts';
import { sectionsWithContent } from '../../src/lib/site/home.ts';
import { editionLine, latestEdition } from '../../src/lib/site/sources.ts';
import type { ContentGraph } from '../../src/lib/content-graph.ts';

describe('memoizedByIdentity', () => {
  const owner = { name: 'grafo' };
  const other = { name: 'grafo' };
  test.each([
    // calls as [owner, key], then how many times the function ran
    { calls: [[owner, 'a']], computed: 1 },
    {
      calls: [
        [owner, 'a'],
        [owner, 'a'],
      ],
      computed: 1,
    },
    {
      calls: [
        [owner, 'a'],
        [owner, 'b'],
      ],
      computed: 2,
    },
    // an equal but different object is a different graph: its own answers
    {
      calls: [
        [owner, 'a'],
        [other, 'a'],
      ],
      computed: 2,
    },
  ] as { calls: [object, string][]; computed: number }[])('$calls.length calls → computed $computed times', ({ calls, computed }) => {
    const compute = vi.fn((o: object, key: string) => `${JSON.stringify(o)}:${key}`);
    const remembered = memoizedByIdentity(compute);
    for (const [o, key] of calls) expect(remembered(o, key)).toBe(`${JSON.stringify(o)}:${key}`);
    expect(compute).toHaveBeenCalledTimes(computed);
  });

  test('null and undefined answers are remembered too', () => {
    const compute = vi.fn((_o: object, key: string) => (key === 'nulla' ? null : undefined));
    const remembered = memoizedByIdentity(compute);
    for (const key of ['nulla', 'nulla', 'niente', 'niente']) remembered(owner, key);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});

describe('what every page frame derives from the graph', () => {
  const graph = (projects: ContentGraph['projects']): ContentGraph => ({
    organizations: [],
    funding: [],
    documents: [],
    projects,
    plans: [],
    stats: [],
    reports: [],
    pages: [],
  });
  const card = { organization: { id: 'anci-lombardia' } } as ContentGraph['projects'][number];

  test('sections: the same answer for the same graph, a fresh one for a new graph', () => {
    const first = graph([card]);
    expect(sectionsWithContent(first, 'anci-lombardia')).toBe(sectionsWithContent(first, 'anci-lombardia'));
    expect([...sectionsWithContent(first, 'anci-lombardia')]).toEqual(['catalogue']);
    expect([...sectionsWithContent(graph([]), 'anci-lombardia')]).toEqual([]);
  });

  test('edition: the same answer for the same register, a fresh one for a new register', () => {
    const register = [{ file: 'a.txt', title: 'Catalogo delle attività 2024', organization: 'anci-lombardia', edition: '2024' }];
    expect(latestEdition(register, 'anci-lombardia')).toBe(latestEdition(register, 'anci-lombardia'));
    expect(editionLine(register, 'anci-lombardia')).toBe('Dati tratti da: Catalogo delle attività 2024 (edizione 2024).');
    expect(editionLine([{ ...register[0]!, edition: '2025' }], 'anci-lombardia')).toBe(
      'Dati tratti da: Catalogo delle attività 2024 (edizione 2025).',
    );
  });
});
