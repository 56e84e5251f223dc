import { FACETS, type Facet } from '../../common/search.js';
import type { SearchParams } from './api/search.js';

/**
 * The search page's whole state lives in its URL, with the API's own parameter names, so a
 * search can be shared and Back/Forward replay it. Facet values are comma lists (as the API takes them).
 */
const OTHER_PARAMS = ['q', 'workAuthorization', 'relocation', 'layoffFrom', 'layoffTo', 'yearsMin', 'yearsMax', 'confirmedWithin', 'since', 'sort', 'page'] as const;
const KNOWN = new Set<string>([...FACETS, ...OTHER_PARAMS]);

/** The known, non-empty parameters of a query string. */
export function readState(search: string): SearchParams {
  const state: SearchParams = {};
  for (const [key, value] of new URLSearchParams(search)) {
    if (KNOWN.has(key) && value.trim()) state[key] = value;
  }
  return state;
}

/** A readable URL: commas stay commas, the rest is encoded. */
export function stateUrl(state: SearchParams, path = '/'): string {
  const parts = Object.entries(state)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export function valuesOf(state: SearchParams, facet: Facet): string[] {
  return (state[facet] ?? '').split(',').filter(Boolean);
}

/** A new state with `key` set (or removed when empty); any change of filters goes back to page 1. */
export function withParam(state: SearchParams, key: string, value: string | undefined): SearchParams {
  const next = { ...state };
  if (value) next[key] = value;
  else delete next[key];
  if (key !== 'page') delete next.page;
  return next;
}

export function withValues(state: SearchParams, facet: Facet, values: string[]): SearchParams {
  return withParam(state, facet, values.join(','));
}

export function toggleValue(state: SearchParams, facet: Facet, value: string): SearchParams {
  const values = valuesOf(state, facet);
  return withValues(state, facet, values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
}

/** Everything but the text query and the sort: what "Clear all" removes. */
export function hasFilters(state: SearchParams): boolean {
  return Object.keys(state).some((key) => !['q', 'sort', 'page'].includes(key));
}

export function clearFilters(state: SearchParams): SearchParams {
  const next: SearchParams = {};
  if (state.q) next.q = state.q;
  if (state.sort) next.sort = state.sort;
  return next;
}

/** The query string a saved search keeps: the filters, without the page or an alert's `since`. */
export function savedQuery(state: SearchParams): string {
  const { page: _page, since: _since, ...kept } = state;
  return stateUrl(kept).replace(/^\/\??/, '');
}

let lastSearch = '/';
/** The search a recruiter last saw, for "Back to results" links on other pages. */
export const rememberSearch = (state: SearchParams) => (lastSearch = stateUrl(state));
export const lastSearchUrl = () => lastSearch;
