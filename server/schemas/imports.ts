import { Type, type Static } from '@sinclair/typebox';
import { IMPORT_PHASES, IMPORT_SOURCES, IMPORT_STATUSES } from '../../db/schema.js';
import { HEADER_LANGUAGES, TARGETS } from '../services/imports/mapping.js';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

const ImportCountsSchema = Type.Object({
  total: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  failed: Type.Integer(),
  removed: Type.Optional(Type.Integer({ description: 'a sync only: people who left the list because the sheet no longer names them' })),
});

const MappingSchema = Type.Object(
  Object.fromEntries(TARGETS.map((t) => [t, Type.Optional(Type.String())])),
  { additionalProperties: false },
);

const ConfidenceSchema = Type.Object(
  Object.fromEntries(TARGETS.map((t) => [t, Type.Optional(Type.Number({ minimum: 0, maximum: 1 }))])),
  {
    additionalProperties: false,
    description: 'for each mapped field, how sure the mapping is of its column: 1 when the header says exactly that (or the organizer chose it), 0.8 when it says it among other words, less from a hint or when another column says it as well',
  },
);

/** One row of a preview, as it would be stored: for the organizer's eyes only. */
const PreviewRowSchema = Type.Object({
  line: Type.Integer(),
  outcome: literals(['ok', 'skipped', 'failed'] as const),
  reason: Type.Optional(Type.String()),
  notes: Type.Array(Type.String()),
  values: Type.Optional(
    Type.Object({
      name: Type.String(),
      email: Nullable(Type.String()),
      linkedinUrl: Nullable(Type.String()),
      headline: Nullable(Type.String()),
      role: Nullable(Type.String()),
      seniority: Nullable(Type.String()),
      seniorityInferred: Type.Optional(Type.Boolean({ description: 'the seniority is a guess from the role, the row said none' })),
      skills: Type.Array(Type.String()),
      yearsExperience: Nullable(Type.Integer()),
      country: Nullable(Type.String()),
      region: Nullable(Type.String()),
      city: Nullable(Type.String()),
      remote: Nullable(Type.String()),
      relocation: Nullable(Type.Boolean()),
      workAuthorization: Nullable(Type.String()),
      layoffDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
      availableFrom: Type.Optional(Nullable(Type.String({ format: 'date' }))),
      formerEmployer: Nullable(Type.String()),
    }),
  ),
});

export const ImportStatusSchema = Type.Object({
  id: Type.Integer(),
  list: Type.String({ description: 'the slug of the list' }),
  fileName: Type.String(),
  source: literals(IMPORT_SOURCES),
  status: literals(IMPORT_STATUSES),
  dryRun: Type.Boolean(),
  attestConsent: Type.Boolean(),
  phase: Nullable(literals(IMPORT_PHASES)),
  processed: Type.Integer({ description: 'data rows read so far' }),
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'share of the file read' }),
  counts: ImportCountsSchema,
  error: Type.Optional(Type.String()),
  mapping: MappingSchema,
  confidence: ConfidenceSchema,
  language: Nullable(literals(HEADER_LANGUAGES)),
  headers: Type.Array(Type.String()),
  encoding: Nullable(Type.String()),
  preview: Type.Optional(Type.Array(PreviewRowSchema)),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ImportStatusReply = Static<typeof ImportStatusSchema>;

export const ImportIdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const ImportAcceptedSchema = Type.Object({ id: Type.Integer() });
