import { request } from './http.js';
import { signedIn } from '../session.js';
import { csrf, type Me } from './account.js';

import type {
  SavedSearch,
  Shortlist,
  ShortlistEntry,
  ShortlistSummary,
} from '../../../server/schemas/workspace.js';

/** A recruiter's workspace API; its types come from the server's schemas. Cookie writes carry the CSRF token. */
export type { SavedSearch, Shortlist, ShortlistEntry, ShortlistSummary };
export type Cadence = SavedSearch['alert'];

/**
 * The signed-in verified recruiter (the one who may use the workspace), or undefined for anyone
 * else; from the page's shared session, so every "Add to shortlist" button asks nothing more.
 */
export async function signedInRecruiter(): Promise<Me | undefined> {
  const me = await signedIn();
  return me?.role === 'recruiter' && me.recruiterState === 'verified' ? me : undefined;
}

const write = <T>(me: Me, method: string, path: string, body?: unknown) =>
  request<T>(method, path, { body, headers: csrf(me) });

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
