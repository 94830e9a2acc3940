import type { StarlightUserConfig } from '@astrojs/starlight/types';

/**
 * Options of the site search (Pagefind), passed to Starlight in astro.config.mjs. They live here
 * so the e2e search tests can hand the same ranking to Pagefind's JS API: Pagefind's own defaults
 * rank differently from the search box. Tune ranking here; prefer weights, aliases and metadata
 * in the pages (`data-pagefind-weight`, `data-pagefind-meta`) to stuffing text.
 */
export const pagefind = {
  ranking: {
    /** How much shorter pages are favoured, 0–1. Starlight's default: 0.1. */
    pageLength: 0.1,
    /** How much a term's share of the page's words counts, 0–1. Starlight's default: 0.1. */
    termFrequency: 0.1,
    /** How soon repeating a term stops adding to the score, 0–2. Starlight's default: 2. */
    termSaturation: 2,
    /** How much an exact match beats a longer word starting with the term, ≥ 0. Starlight's default: 9. */
    termSimilarity: 9,
    /** How much a match with the same diacritics is favoured, ≥ 0. Starlight's default: 0.8. */
    diacriticSimilarity: 0.8,
  },
} as const satisfies Exclude<StarlightUserConfig['pagefind'], boolean | undefined>;

/**
 * How long the search box waits after a keystroke before it searches, in ms. Pagefind UI's
 * default, 300 ms, is most of the wait a reader sees. Shorter than the time between a fast
 * typist's keys (≈ 60 ms at typing-record speed), every key starts a search, and the last key's
 * search queues behind the others' in Pagefind's worker; just above a typist's pace, the answer
 * comes soonest after the last key (the bench measures it: scripts/bench/measure-pages.ts).
 */
export const searchDebounceMs = 80;
