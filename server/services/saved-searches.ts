import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Executor } from '../../db/client.js';
import type { AlertCadence } from '../../db/schema.js';
import { cleanText } from '../../common/normalize/text.js';
import { parseSearchQueryString } from '../../search/query-string.js';
import { WORKSPACE_LIMITS, type CreateSavedSearch, type SavedSearch, type UpdateSavedSearch } from '../schemas/workspace.js';
import { checkUnsubscribeToken } from './alert-links.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const CADENCE_MS: Record<Exclude<AlertCadence, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/** When an alert of `cadence` is next due after `from`; null when alerts are off. */
export const nextAlertAt = (cadence: AlertCadence, from: Date): Date | null =>
  cadence === 'off' ? null : new Date(from.getTime() + CADENCE_MS[cadence]);

const NOT_FOUND = 'No such saved search in your workspace.';

/** A workspace name (saved search, shortlist): one line, 1 to 100 characters. */
export function workspaceName(raw: string, field = 'body.name'): string {
  const name = cleanText(raw, { max: WORKSPACE_LIMITS.nameLength });
  if (!name.ok) throw httpErrors.badRequest(`${field} ${name.reason}`);
  if (!name.value) throw httpErrors.badRequest(`${field} is required: give it a name you will recognize`);
  return name.value;
}

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

const COLUMNS = ['id', 'name', 'query', 'alert', 'created_at', 'last_alerted_at', 'last_visited_at', 'alert_due_at'] as const;
type Row = { id: number; name: string; query: string; alert: AlertCadence; created_at: Date; last_alerted_at: Date | null; last_visited_at: Date | null; alert_due_at: Date | null };

function toSavedSearch(r: Row): SavedSearch {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    alert: r.alert,
    createdAt: iso(r.created_at)!,
    lastAlertedAt: iso(r.last_alerted_at),
    lastVisitedAt: iso(r.last_visited_at),
    nextAlertAt: iso(r.alert_due_at),
  };
}

/**
 * A verified recruiter's saved searches: the Search page's query string, kept as saved after the
 * same checks as GET /api/search, and how often its new matches are mailed (saved-search-alerts.ts).
 * Every method is scoped to the recruiter: another recruiter's id is "not found", never "forbidden".
 */
export class SavedSearchService {
  constructor(private readonly db: Executor) {}

  async list(userId: number): Promise<SavedSearch[]> {
    const rows = await this.db.selectFrom('saved_searches').select(COLUMNS).where('user_id', '=', userId).orderBy('id', 'desc').execute();
    return rows.map(toSavedSearch);
  }

  /** Alerts start from now: only people confirmed from this moment on are new to it. */
  async create(userId: number, body: CreateSavedSearch, now = new Date()): Promise<SavedSearch> {
    const name = workspaceName(body.name);
    const query = body.query.trim().replace(/^\?/, '');
    parseSearchQueryString(query);
    const alert = body.alert ?? 'weekly';
    return this.db.transaction().execute(async (trx) => {
      // One recruiter's saves queue here, so two at once cannot both take the last place.
      await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
      const { n } = await trx
        .selectFrom('saved_searches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= WORKSPACE_LIMITS.savedSearches) {
        throw httpErrors.conflict(`You have ${WORKSPACE_LIMITS.savedSearches} saved searches, the most there can be. Delete one you no longer use first.`);
      }
      const row = await trx
        .insertInto('saved_searches')
        .values({ user_id: userId, name, query, alert, high_water_at: now, alert_due_at: nextAlertAt(alert, now), created_at: now, updated_at: now })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toSavedSearch(row);
    });
  }

  /**
   * Renames it, or changes how often it alerts. Alerts switched back on start from now (no mail
   * of everything that happened while they were off); a new cadence counts from the last alert.
   */
  async update(userId: number, id: number, body: UpdateSavedSearch, now = new Date()): Promise<SavedSearch> {
    const name = body.name === undefined ? undefined : workspaceName(body.name);
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('saved_searches')
        .select(['alert', 'created_at', 'last_alerted_at'])
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw httpErrors.notFound(NOT_FOUND);
      const alert = body.alert;
      const cadenceChange =
        alert === undefined || alert === current.alert
          ? {}
          : current.alert === 'off'
            ? { alert, high_water_at: now, alert_due_at: nextAlertAt(alert, now) }
            : { alert, alert_due_at: nextAlertAt(alert, current.last_alerted_at ?? current.created_at) };
      const row = await trx
        .updateTable('saved_searches')
        .set({ ...(name ? { name } : {}), ...cadenceChange, updated_at: now })
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toSavedSearch(row);
    });
  }

  async remove(userId: number, id: number): Promise<void> {
    const { numDeletedRows } = await this.db.deleteFrom('saved_searches').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (Number(numDeletedRows) === 0) throw httpErrors.notFound(NOT_FOUND);
  }

  /** The recruiter opens it from the workspace: records the visit, and says when the one before was. */
  async visit(userId: number, id: number, now = new Date()): Promise<{ previousVisitAt: string | null; query: string }> {
    const row = await this.db
      .updateTable('saved_searches as s')
      .from('saved_searches as before')
      .set({ last_visited_at: now })
      .whereRef('before.id', '=', 's.id')
      .where('s.id', '=', id)
      .where('s.user_id', '=', userId)
      .returning(['before.last_visited_at as previous', 's.query'])
      .executeTakeFirst();
    if (!row) throw httpErrors.notFound(NOT_FOUND);
    return { previousVisitAt: iso(row.previous), query: row.query };
  }

  /** The one-click unsubscribe of an alert mail (RFC 8058): the signed link is the authority, no session. */
  async unsubscribe(token: string, now = new Date()): Promise<{ name: string; alert: 'off' }> {
    const id = await checkUnsubscribeToken(this.db, token);
    if (id === undefined) {
      throw httpErrors.badRequest('This unsubscribe link is not valid. Check that you copied the whole link from the email, or turn alerts off in your workspace.');
    }
    const row = await this.db
      .updateTable('saved_searches')
      .set({ alert: 'off', alert_due_at: null, updated_at: sql`case when alert = 'off' then updated_at else ${now} end` })
      .where('id', '=', id)
      .returning('name')
      .executeTakeFirst();
    if (!row) throw httpErrors.notFound('This saved search was deleted: it sends no more alerts.');
    return { name: row.name, alert: 'off' };
  }
}
