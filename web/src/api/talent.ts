import { request } from './http.js';
import type { FacetValue } from './search.js';

/** An employer page: its published, laid-off talent by skill and country. */
export interface EmployerTalent {
  slug: string;
  name: string;
  total: number;
  skills: FacetValue[];
  countries: FacetValue[];
}

export function getEmployerTalent(slug: string, signal: AbortSignal): Promise<EmployerTalent> {
  return request('GET', `/api/employers/${encodeURIComponent(slug)}`, { signal });
}

/** A layoff list's header (GET /api/lists/:slug). */
export interface LayoffList {
  slug: string;
  title: string;
  employer?: { slug: string; name: string } | string | null;
  description?: string | null;
  sourceUrl?: string | null;
  count?: number;
}

export function getList(slug: string, signal: AbortSignal): Promise<LayoffList> {
  return request('GET', `/api/lists/${encodeURIComponent(slug)}`, { signal });
}
