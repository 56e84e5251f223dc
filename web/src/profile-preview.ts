import type { SearchHit } from './api/search.js';

/**
 * The search hits a recruiter has seen, by slug: the profile page shows one at once while the
 * full profile loads, so opening a result feels instant.
 */
const previews = new Map<string, SearchHit>();
const MAX = 200;

export function rememberPreviews(hits: SearchHit[]): void {
  for (const hit of hits) {
    previews.delete(hit.slug);
    previews.set(hit.slug, hit);
  }
  for (const slug of previews.keys()) {
    if (previews.size <= MAX) break;
    previews.delete(slug);
  }
}

export const previewOf = (slug: string): SearchHit | undefined => previews.get(slug);
