import type { RecruiterState, UserRole } from '../../db/schema.js';

/** What the app knows about the person making a request; never includes a secret. */
export interface AuthUser {
  id: number;
  email: string;
  name: string | null;
  role: UserRole;
  /** Recruiters only: their company and standing (only `verified` reaches candidates). */
  company: string | null;
  recruiterState: RecruiterState | null;
}

/** The columns of `users` (as `u`) that make an AuthUser. */
export const AUTH_USER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.role', 'u.company', 'u.recruiter_state as recruiterState'] as const;
