import { Type, type Static } from '@sinclair/typebox';
import { RECRUITER_STATES } from '../../db/schema.js';

export const RecruiterSignUpSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Your name, as candidates will see it' }),
    email: Type.String({ minLength: 3, maxLength: 254, description: 'Your work address: a company domain is verified at once' }),
    company: Type.String({ minLength: 1, maxLength: 120, description: 'The company you hire for' }),
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'At least 10 characters' }),
  },
  { additionalProperties: false },
);
export type RecruiterSignUpBody = Static<typeof RecruiterSignUpSchema>;

/**
 * The link's token, and the password typed on the sign-up form: only whoever chose that password
 * can finish the account, so a stranger's sign-up with someone's address cannot be confirmed by
 * its owner into the stranger's hands.
 */
export const RecruiterVerifySchema = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024, description: 'The password chosen on the sign-up form' }),
  },
  { additionalProperties: false },
);

export const RecruiterVerifiedSchema = Type.Object({
  state: Type.Union([Type.Literal('verified'), Type.Literal('in_review')], {
    description: 'verified: a company domain, ready to use; in_review: a personal address, waiting for an admin',
  }),
});

/** What a sign-up said, shown on its link's page before the owner of the address confirms. */
export const RecruiterClaimSchema = Type.Object({ name: Type.String(), company: Type.String(), emailDomain: Type.String() });
export type RecruiterClaim = Static<typeof RecruiterClaimSchema>;

/** A recruiter account as an admin reviews it (admins only: it holds the address). */
export const RecruiterReviewSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  company: Type.Union([Type.String(), Type.Null()]),
  emailDomain: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union(RECRUITER_STATES.map((s) => Type.Literal(s))),
  reports: Type.Integer({ description: 'abuse reports since the last approval' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type RecruiterReview = Static<typeof RecruiterReviewSchema>;

export const RecruiterReviewsSchema = Type.Object({ recruiters: Type.Array(RecruiterReviewSchema) });

export const RecruiterIdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const RecruiterDecisionParamsSchema = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('suspend')]),
});
