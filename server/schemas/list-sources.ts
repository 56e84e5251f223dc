import { Type, type Static } from '@sinclair/typebox';
import { SYNC_CADENCES } from '../../db/schema.js';
import { MAX_SHEET_URL_CHARS } from '../services/sheet-sync/sheet-url.js';
import { TARGETS } from '../services/imports/mapping.js';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Cadence = Type.Union(SYNC_CADENCES.map((c) => Type.Literal(c)), { description: 'how often the sheet is fetched' });
/** Field → column header, as for an upload; null leaves a field unmapped. */
const MappingSchema = Type.Object(
  Object.fromEntries(TARGETS.map((t) => [t, Type.Optional(Nullable(Type.String({ maxLength: 200 })))])),
  { additionalProperties: false, description: 'field → column header, like {"email": "E-mail address"}; null leaves a field unmapped' },
);
const SheetUrl = Type.String({
  minLength: 1,
  maxLength: MAX_SHEET_URL_CHARS,
  description: 'a Google Sheets share or "publish to web" link, an Airtable shared-view CSV link, or any https CSV',
});

export const SetSourceSchema = Type.Object({
  url: SheetUrl,
  every: Cadence,
  attestConsent: Type.Boolean({ description: 'the organizer attests that everyone on the sheet agreed to be listed' }),
  mapping: Type.Optional(MappingSchema),
});
export type SetSource = Static<typeof SetSourceSchema>;

export const PreviewSourceSchema = Type.Object({ url: SheetUrl, mapping: Type.Optional(MappingSchema) });
export type PreviewSource = Static<typeof PreviewSourceSchema>;

/** The sheet a list follows, for its organizer. */
export const SourceSchema = Type.Object({
  url: Type.String({ description: 'as pasted' }),
  csvUrl: Type.String({ description: 'the CSV address that is fetched' }),
  every: Cadence,
  mapping: Nullable(MappingSchema),
  attestedAt: Type.String({ format: 'date-time' }),
  lastRunAt: Nullable(Type.String({ format: 'date-time' })),
  lastImportId: Nullable(Type.Integer()),
  failures: Type.Integer({ description: 'failed syncs in a row; at 3 the sync is paused' }),
  paused: Type.Boolean(),
  lastError: Nullable(Type.String()),
});
export type SourceReply = Static<typeof SourceSchema>;

/** GET: the sheet, or null while the list follows none (a normal state, not an error). */
export const FollowedSourceSchema = Type.Object({ source: Nullable(SourceSchema) });

export const SyncStartedSchema = Type.Object({ id: Type.Integer({ description: 'the import this sync runs' }) });
export const SyncUnchangedSchema = Type.Object({ unchanged: Type.Literal(true) });
