import { request } from './http.js';
import { getMe, type Me } from './organize.js';

import type {
  SavedSearch,
  Shortlist,
  ShortlistEntry,
  ShortlistSummary,
} from '../../../server/schemas/workspace.js';

/** A recruiter's workspace API; its types come from the server's schemas. Cookie writes carry the CSRF token. */
export type { SavedSearch, Shortlist, ShortlistEntry, ShortlistSummary };
export type Cadence = SavedSearch['alert'];

let recruiter: Promise<Me | undefined> | undefined;

/**
 * The signed-in recruiter, asked once per page load and shared by every button that needs it
 * (each result card's "Add to shortlist"); undefined for anyone else.
 */
export function signedInRecruiter(): Promise<Me | undefined> {
  recruiter ??= getMe(new AbortController().signal).then(
    (me) => (me?.role === 'recruiter' ? me : undefined),
    () => undefined,
  );
  return recruiter;
}

/** After signing in or out on this page. */
export function forgetRecruiter(): void {
  recruiter = undefined;
}

const write = <T>(me: Me, method: string, path: string, body?: unknown) =>
  request<T>(method, path, { body, headers: me.csrfToken ? { 'x-csrf-token': me.csrfToken } : undefined });

export const listSavedSearches = async (signal: AbortSignal) =>
  (await request<{ savedSearches: SavedSearch[] }>('GET', '/api/saved-searches', { signal })).savedSearches;
export const saveSearch = (me: Me, body: { name: string; query: string; alert: Cadence }) => write<SavedSearch>(me, 'POST', '/api/saved-searches', body);
export const updateSavedSearch = (me: Me, id: number, body: { name?: string; alert?: Cadence }) =>
  write<SavedSearch>(me, 'PATCH', `/api/saved-searches/${id}`, body);
export const deleteSavedSearch = (me: Me, id: number) => write<void>(me, 'DELETE', `/api/saved-searches/${id}`);
export const visitSavedSearch = (me: Me, id: number) =>
  write<{ previousVisitAt: string | null; query: string }>(me, 'POST', `/api/saved-searches/${id}/visit`);
export const unsubscribe = (token: string) =>
  request<{ name: string; alert: 'off' }>('POST', `/api/saved-searches/unsubscribe?token=${encodeURIComponent(token)}`);

export const listShortlists = async (signal?: AbortSignal) =>
  (await request<{ shortlists: ShortlistSummary[] }>('GET', '/api/shortlists', { signal })).shortlists;
export const getShortlist = (id: number, signal: AbortSignal) => request<Shortlist>('GET', `/api/shortlists/${id}`, { signal });
export const createShortlist = (me: Me, name: string) => write<ShortlistSummary>(me, 'POST', '/api/shortlists', { name });
export const deleteShortlist = (me: Me, id: number) => write<void>(me, 'DELETE', `/api/shortlists/${id}`);
export const addToShortlist = (me: Me, id: number, slug: string) => write<ShortlistEntry>(me, 'POST', `/api/shortlists/${id}/profiles`, { slug });
export const updateNote = (me: Me, id: number, entryId: number, note: string) =>
  write<ShortlistEntry>(me, 'PATCH', `/api/shortlists/${id}/profiles/${entryId}`, { note });
export const removeFromShortlist = (me: Me, id: number, entryId: number) => write<void>(me, 'DELETE', `/api/shortlists/${id}/profiles/${entryId}`);
export const exportUrl = (id: number) => `/api/shortlists/${id}/export.csv`;
