import { Type, type Static } from '@sinclair/typebox';
import { ALERT_CADENCES } from '../../db/schema.js';
import { MAX_QUERY_STRING } from '../../search/query-string.js';

/** How much one recruiter's workspace holds: room for real work, not for scraping the directory. */
export const WORKSPACE_LIMITS = {
  savedSearches: 50,
  shortlists: 100,
  peoplePerShortlist: 1_000,
  nameLength: 100,
  noteLength: 2_000,
} as const;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Name = (what: string) => Type.String({ maxLength: 1_000, description: `the ${what}'s name, 1 to ${WORKSPACE_LIMITS.nameLength} characters` });
const Cadence = Type.Union(ALERT_CADENCES.map((c) => Type.Literal(c)), { description: 'how often new matches are mailed: daily, weekly, or off' });
const Note = Type.String({ maxLength: 20_000, description: `your private note, at most ${WORKSPACE_LIMITS.noteLength} characters` });

export const IdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const EntryParamsSchema = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  entryId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});

export const SavedSearchSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  /** The Search page's query string, as saved. */
  query: Type.String(),
  alert: Cadence,
  createdAt: DateTime,
  lastAlertedAt: Nullable(DateTime),
  lastVisitedAt: Nullable(DateTime),
  nextAlertAt: Nullable(DateTime),
});
export type SavedSearch = Static<typeof SavedSearchSchema>;
export const SavedSearchListSchema = Type.Object({ savedSearches: Type.Array(SavedSearchSchema) });

export const CreateSavedSearchSchema = Type.Object(
  {
    name: Name('saved search'),
    query: Type.String({ maxLength: MAX_QUERY_STRING * 2, description: "the Search page's query string, e.g. skills=go,rust&country=DE" }),
    alert: Type.Optional(Cadence),
  },
  { additionalProperties: false },
);
export type CreateSavedSearch = Static<typeof CreateSavedSearchSchema>;

export const UpdateSavedSearchSchema = Type.Object(
  { name: Type.Optional(Name('saved search')), alert: Type.Optional(Cadence) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSavedSearch = Static<typeof UpdateSavedSearchSchema>;

export const VisitSchema = Type.Object({
  /** When the recruiter last opened this search before now: results confirmed after it are new to them. */
  previousVisitAt: Nullable(DateTime),
  query: Type.String(),
});

export const UnsubscribeQuerySchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
export const UnsubscribedSchema = Type.Object({ name: Type.String(), alert: Type.Literal('off') });

/** A person on a shortlist as the list shows them: null when no longer listed (hidden, hired, removed). */
const ShortlistPersonSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  headline: Nullable(Type.String()),
  role: Nullable(Type.String()),
  city: Nullable(Type.String()),
  region: Nullable(Type.String()),
  country: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  formerEmployer: Nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
});
export type ShortlistPerson = Static<typeof ShortlistPersonSchema>;

export const ShortlistEntrySchema = Type.Object({
  id: Type.Integer(),
  note: Type.String(),
  addedAt: DateTime,
  profile: Nullable(ShortlistPersonSchema),
});
export type ShortlistEntry = Static<typeof ShortlistEntrySchema>;

const ShortlistFields = {
  id: Type.Integer(),
  name: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
};
export const ShortlistSummarySchema = Type.Object({ ...ShortlistFields, count: Type.Integer() });
export type ShortlistSummary = Static<typeof ShortlistSummarySchema>;
export const ShortlistListSchema = Type.Object({ shortlists: Type.Array(ShortlistSummarySchema) });
export const ShortlistSchema = Type.Object({ ...ShortlistFields, entries: Type.Array(ShortlistEntrySchema) });
export type Shortlist = Static<typeof ShortlistSchema>;

export const ShortlistNameSchema = Type.Object({ name: Name('shortlist') }, { additionalProperties: false });
export const AddToShortlistSchema = Type.Object(
  { slug: Type.String({ minLength: 1, maxLength: 200 }), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type AddToShortlist = Static<typeof AddToShortlistSchema>;
export const UpdateEntrySchema = Type.Object({ note: Note }, { additionalProperties: false });
