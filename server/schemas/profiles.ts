import { Type, type Static } from '@sinclair/typebox';
import { HIDDEN_REASONS } from '../../db/schema.js';
import { EMPLOYMENT_TYPES, PROFILE_STATUSES, PROFILE_VISIBILITIES, REMOTE_PREFERENCES, SENIORITIES, WORK_AUTHORIZATIONS } from '../../common/profile-codes.js';
import { LIMITS } from '../../common/normalize/profile-fields.js';
import { RECRUITER_ONLY_FIELDS, type SearchTier } from '../../search/schemas.js';

/**
 * Plain `type`/`enum` keywords rather than TypeBox unions: with `coerceTypes` a union would
 * turn null into "" before the null branch is tried, and its errors read "must match a schema
 * in anyOf" instead of naming the allowed values.
 */
const Nullable = <T extends string | number | boolean>(type: 'string' | 'integer' | 'boolean', extra: object = {}) =>
  Type.Unsafe<T | null>({ type: [type, 'null'], ...extra });
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const NullableEnum = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null] });
const Text = (max: number, extra: object = {}) => Type.String({ maxLength: max, ...extra });
const NullableText = (max: number) => Nullable<string>('string', { maxLength: max });
const DateText = (description: string) => Nullable<string>('string', { maxLength: 10, description });

/** The fields a candidate writes about themselves, as the form and the API send them. */
const profileFields = {
  name: Text(LIMITS.name, { description: 'Full name as it should appear publicly' }),
  headline: Text(LIMITS.headline, { description: 'One line: what you do, e.g. "Backend engineer, payments"' }),
  role: Type.Optional(NullableText(LIMITS.role)),
  seniority: Type.Optional(NullableEnum(SENIORITIES)),
  skills: Type.Array(Text(LIMITS.skill), { maxItems: LIMITS.skills }),
  yearsExperience: Type.Optional(Nullable<number>('integer', { minimum: 0, maximum: LIMITS.yearsExperience })),
  country: Text(LIMITS.country, { description: 'ISO 3166-1 alpha-2 code or English name' }),
  region: Type.Optional(NullableText(LIMITS.region)),
  city: Type.Optional(NullableText(LIMITS.city)),
  remote: Type.Optional(NullableEnum(REMOTE_PREFERENCES)),
  relocation: Type.Optional(Nullable<boolean>('boolean')),
  workAuthorization: Type.Optional(NullableEnum(WORK_AUTHORIZATIONS)),
  employmentTypes: Type.Optional(Type.Array(Enum(EMPLOYMENT_TYPES), { maxItems: EMPLOYMENT_TYPES.length })),
  formerEmployer: Text(LIMITS.formerEmployer),
  layoffDate: Type.Optional(DateText('YYYY-MM-DD')),
  availableFrom: Type.Optional(DateText('YYYY-MM-DD')),
  linkedinUrl: Type.Optional(NullableText(LIMITS.linkedinUrl)),
  websiteUrl: Type.Optional(NullableText(LIMITS.websiteUrl)),
  bio: Type.Optional(NullableText(LIMITS.bio)),
  showEmail: Type.Optional(Type.Boolean({ description: 'Show the email address to verified recruiters' })),
  visibility: Type.Optional(
    Type.Unsafe<(typeof PROFILE_VISIBILITIES)[number]>({
      type: 'string',
      enum: [...PROFILE_VISIBILITIES],
      description: 'public (default): anyone finds the profile; recruiters: only verified recruiters do',
    }),
  ),
};

export const CreateProfileSchema = Type.Object(
  {
    ...profileFields,
    email: Text(LIMITS.email),
    consent: Type.Boolean({ description: 'Must be true: the candidate agreed to the consent text' }),
    consentVersion: Type.Optional(Text(100, { description: 'The version of the consent text the form showed' })),
    /** The honeypot: hidden from people, filled by bots. */
    website2: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type CreateProfileBody = Static<typeof CreateProfileSchema>;

const editableFields = Type.Partial(Type.Object(profileFields));
export const UpdateProfileSchema = Type.Object(
  {
    ...editableFields.properties,
    status: Type.Optional(Enum(['published', 'hidden'] as const)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProfileBody = Static<typeof UpdateProfileSchema>;

export const TokenBodySchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const ManageLinkBodySchema = Type.Object({ email: Text(LIMITS.email) }, { additionalProperties: false });

export const SlugParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

/** What anyone may see of a person. Search hits reuse it (`bio`, `websiteUrl` may be left out there). */
export const PublicProfileSchema = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  headline: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  seniority: Type.Union([Enum(SENIORITIES), Type.Null()]),
  skills: Type.Array(Type.String()),
  yearsExperience: Type.Union([Type.Integer(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  city: Type.Union([Type.String(), Type.Null()]),
  remote: Type.Union([Enum(REMOTE_PREFERENCES), Type.Null()]),
  relocation: Type.Union([Type.Boolean(), Type.Null()]),
  workAuthorization: Type.Union([Enum(WORK_AUTHORIZATIONS), Type.Null()]),
  employmentTypes: Type.Array(Enum(EMPLOYMENT_TYPES)),
  formerEmployer: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  lists: Type.Array(Type.String(), { description: 'slugs of the layoff lists the person is on' }),
  layoffDate: Type.Union([Type.String(), Type.Null()]),
  availableFrom: Type.Union([Type.String(), Type.Null()]),
  linkedinUrl: Type.Union([Type.String(), Type.Null()]),
  websiteUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  bio: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Present only when the person chose to show it. */
  email: Type.Optional(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
  confirmedAt: Type.String({ format: 'date-time', description: 'when the person last said they are still looking (or were published)' }),
});
export type PublicProfile = Static<typeof PublicProfileSchema>;

/**
 * GET /api/profiles/:slug for each tier: a verified recruiter sees the public profile; anyone else
 * sees it without what is kept to recruiters, and without an email even when its owner shows it.
 */
export const PublicProfileSchemas = {
  recruiter: PublicProfileSchema,
  anonymous: Type.Omit(PublicProfileSchema, [...RECRUITER_ONLY_FIELDS, 'email']),
} satisfies Record<SearchTier, unknown>;
export type AnonymousProfile = Static<typeof PublicProfileSchemas.anonymous>;

/** What the owner sees on the manage page: the public profile plus their private settings. */
export const OwnProfileSchema = Type.Object({
  status: Enum(PROFILE_STATUSES),
  email: Type.Union([Type.String(), Type.Null()]),
  showEmail: Type.Boolean(),
  /** Why a hidden profile is hidden: by its owner, as stale (a reminder went unanswered), hired, or dropped by its list's sheet. */
  hiddenReason: Type.Union([Enum(HIDDEN_REASONS), Type.Null()]),
  hiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  visibility: Enum(PROFILE_VISIBILITIES),
  /** Where the public profile lives (when published). */
  url: Type.String(),
  profile: PublicProfileSchema,
});
export type OwnProfile = Static<typeof OwnProfileSchema>;

export const SessionSchema = Type.Object({
  token: Type.String({ description: 'Bearer token for /api/me/profile, short-lived' }),
  expiresAt: Type.String({ format: 'date-time' }),
  profile: OwnProfileSchema,
});

export const VerifiedSchema = Type.Object({ url: Type.String(), profile: PublicProfileSchema });
/** What a verify link would publish: shown on its page before the owner confirms. */
export const ClaimPreviewSchema = Type.Object({ profile: PublicProfileSchema });

/** The answer to every request whose outcome must not reveal whether an address is known. */
export const AcceptedSchema = Type.Object({ message: Type.String() });

/** What a "keep me listed" or "I found a job" click did. */
export const FreshnessOutcomeSchema = Type.Object({ status: Enum(['listed', 'hired'] as const), message: Type.String() });

export const RemovedSchema = Type.Object({ status: Type.Literal('removed'), message: Type.String() });

export const BearerHeadersSchema = Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 400 })) });
