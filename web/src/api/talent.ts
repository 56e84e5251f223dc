import type { EmployerTalent } from '../../../search/schemas.js';
import { request } from './http.js';
import type { ListDetail } from '../../../server/schemas/lists.js';

export type { ListDetail };

/** An employer page: its published, laid-off talent by skill and country. */
export function getEmployerTalent(slug: string, signal: AbortSignal): Promise<EmployerTalent> {
  return request('GET', `/api/employers/${encodeURIComponent(slug)}`, { signal });
}

/** A layoff list's header and outcomes. */
export function getList(slug: string, signal: AbortSignal): Promise<ListDetail> {
  return request('GET', `/api/lists/${encodeURIComponent(slug)}`, { signal });
}
