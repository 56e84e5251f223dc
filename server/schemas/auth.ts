import { Type, type Static } from '@sinclair/typebox';
import { RECRUITER_STATES, USER_ROLES } from '../../db/schema.js';

export const SignInSchema = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

/** The signed-in user, to that user only; `csrfToken` goes back in the x-csrf-token header of writes. */
export const MeUserSchema = Type.Object({
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union(USER_ROLES.map((r) => Type.Literal(r))),
  /** Recruiters only (null for others): the company and the standing of the account. */
  company: Type.Union([Type.String(), Type.Null()]),
  recruiterState: Type.Union([...RECRUITER_STATES.map((s) => Type.Literal(s)), Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type MeUser = Static<typeof MeUserSchema>;

/** Who is signed in: `user` is null when nobody is. */
export const MeReplySchema = Type.Object({ user: Type.Union([MeUserSchema, Type.Null()]) });
export type MeReply = Static<typeof MeReplySchema>;
