import { request } from './http.js';
import type { MeReply, MeUser } from '../../../server/schemas/auth.js';
import type { RecruiterClaim, RecruiterReview, RecruiterSignUpBody } from '../../../server/schemas/recruiters.js';

/** Accounts of every role: who is signed in, signing in and out, recruiter sign-up, admin review. */
export type Me = MeUser;
export type { RecruiterClaim, RecruiterReview };

/** The header that cookie-authenticated writes carry. */
export const csrf = (me: Me) => (me.csrfToken ? { 'x-csrf-token': me.csrfToken } : undefined);

/** The signed-in user, or undefined when nobody is signed in. */
export const getMe = async (signal?: AbortSignal) => (await request<MeReply>('GET', '/api/me/user', { signal })).user ?? undefined;

export const signIn = (email: string, password: string, signal?: AbortSignal) =>
  request<Me>('POST', '/api/auth/sign-in', { body: { email, password }, signal });

export const signOut = (me: Me) => request<void>('POST', '/api/auth/sign-out', { headers: csrf(me) });

export const signUpRecruiter = (body: RecruiterSignUpBody) => request<{ message: string }>('POST', '/api/recruiters', { body });

export const previewRecruiterClaim = (token: string, signal?: AbortSignal) =>
  request<RecruiterClaim>('POST', '/api/recruiters/verify/preview', { body: { token }, signal });

export const verifyRecruiter = (token: string, password: string) =>
  request<{ state: 'verified' | 'in_review' }>('POST', '/api/recruiters/verify', { body: { token, password } });

export const getReviews = (signal: AbortSignal) => request<{ recruiters: RecruiterReview[] }>('GET', '/api/admin/recruiters', { signal });

export const decideRecruiter = (me: Me, id: number, decision: 'approve' | 'suspend') =>
  request<RecruiterReview>('POST', `/api/admin/recruiters/${id}/${decision}`, { headers: csrf(me) });

export const applyMessageAction = (token: string) => request<{ action: string; message: string }>('POST', '/api/message-actions', { body: { token } });
