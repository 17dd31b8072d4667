/**
 * Pure functions of the content graph (or of a part of it, such as the register of documents)
 * that remember their answers for as long as that object lives. In a build every page reads the
 * one graph the loader stored, so what each page's frame derives from it (the menu's sections,
 * the edition line) is worked out once per organization, not once per page — a 5000-card site
 * has 5000 card pages. In `npm run dev` a new validation brings a new graph, and with it fresh
 * answers; the old graph and its answers go together (a WeakMap keeps neither alive). The
 * answers are shared: callers must not change them.
 *
 * Mark each call at a module's top level with a `@__PURE__` comment: a bare call there keeps the
 * whole module in any browser bundle that imports something else from it (headlines.ts, in the
 * charts' script, imports sources.ts).
 */
export function memoizedByIdentity<O extends object, K, V>(compute: (owner: O, key: K) => V): (owner: O, key: K) => V {
  const answersByOwner = new WeakMap<O, Map<K, V>>();
  return (owner, key) => {
    let answers = answersByOwner.get(owner);
    if (!answers) {
      answers = new Map<K, V>();
      answersByOwner.set(owner, answers);
    }
    if (answers.has(key)) return answers.get(key) as V;
    const answer = compute(owner, key);
    answers.set(key, answer);
    return answer;
  };
}
