import { httpErrors } from '@fastify/sensible';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseFilters } from './request.js';
import { SearchQuerySchema, type SearchQuery } from './schemas.js';

/** The longest query string a saved search keeps (the Search page's URLs are far shorter). */
export const MAX_QUERY_STRING = 2_000;

// The API's validator knows `date` (YYYY-MM-DD, a real day); TypeBox's must be told.
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));
}

/**
 * A Search page's query string (`q=go&skills=rust,go&country=DE`) as GET /api/search would take
 * it: the same schema, types converted as the API converts them, then the same value checks
 * (parseFilters). A 400 says which parameter is wrong and how, as `query.<name>`.
 */
export function parseSearchQueryString(text: string): SearchQuery {
  if (text.length > MAX_QUERY_STRING) throw httpErrors.badRequest(`body.query is longer than ${MAX_QUERY_STRING} characters; narrow the search`);
  const raw: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text.replace(/^\?/, ''))) {
    if (key in raw) throw httpErrors.badRequest(`body.query names ${JSON.stringify(key.slice(0, 40))} twice; give it once, with its values as a comma list`);
    raw[key] = value;
  }
  const query = Value.Convert(SearchQuerySchema, raw) as Record<string, unknown>;
  const error = Value.Errors(SearchQuerySchema, query).First();
  if (error) {
    const name = error.path.replace(/^\//, '');
    const what = error.message === 'Unexpected property' ? 'is not a search parameter' : `is not valid (${error.message.toLowerCase()})`;
    throw httpErrors.badRequest(`body.query: ${JSON.stringify(name.slice(0, 40))} ${what}`);
  }
  try {
    parseFilters(query as SearchQuery);
  } catch (err) {
    const message = (err as Error).message;
    throw message.startsWith('querystring.') ? httpErrors.badRequest(`body.query: ${message.slice('querystring.'.length)}`) : err;
  }
  return query as SearchQuery;
}
