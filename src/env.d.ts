// Astro's ambient types (`astro:content`, `import.meta.env.SITE`, asset imports) for every tool,
// on a fresh clone too: `.astro/types.d.ts` adds the same reference plus the generated collection
// types, but it exists only after `astro sync` / a build, and lint and type checks must not
// depend on what ran before them.
/// <reference types="astro/client" />
