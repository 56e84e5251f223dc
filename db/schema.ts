import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { EmploymentType, ProfileStatus, ProfileVisibility, RemotePreference, Seniority, WorkAuthorization } from '../common/profile-codes.js';

/** A timestamp column the database fills when not given. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see the type parser in client.ts). */
type DateOnly = ColumnType<string, string, string>;

export const USER_ROLES = ['organizer', 'admin', 'recruiter'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** A recruiter's standing: only `verified` reaches candidates (see DESIGN.md, "Who sees what"). */
export const RECRUITER_STATES = ['unverified', 'verified', 'in_review', 'suspended'] as const;
export type RecruiterState = (typeof RECRUITER_STATES)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
type ImportStatus = (typeof IMPORT_STATUSES)[number];
/** What a running import is doing: reading rows from the file, or merging them in one transaction. */
export const IMPORT_PHASES = ['reading', 'merging'] as const;
type ImportPhase = (typeof IMPORT_PHASES)[number];
export const IMPORT_SOURCES = ['upload', 'sync'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
/** How often a followed sheet is fetched. */
export const SYNC_CADENCES = ['hourly', 'daily', 'off'] as const;
export type SyncCadence = (typeof SYNC_CADENCES)[number];

interface UserTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  role: UserRole;
  password_hash: string | null;
  created_at: CreatedAt;
  /** Recruiters only (null for organizers and admins), like the state. */
  company: string | null;
  /** The domain of the work email a recruiter proved by its mailed link. */
  email_domain: string | null;
  recruiter_state: RecruiterState | null;
  email_verified_at: Timestamp | null;
  /** When an admin last approved the account: abuse reports count from then on. */
  reviewed_at: Timestamp | null;
}

/** A recruiter's mailed verify link (hashed, single use) with the sign-up answers it applies. */
interface UserTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  purpose: 'verify';
  fields: ColumnType<unknown, string | null | undefined, string | null>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A candidate's block of one recruiter, or of every recruiter of a work email domain. */
interface RecruiterBlockTable {
  id: Generated<number>;
  profile_id: number;
  recruiter_id: number | null;
  email_domain: string | null;
  created_at: CreatedAt;
}

/** A candidate's report of a recruiter's message: one per pair. */
interface AbuseReportTable {
  id: Generated<number>;
  profile_id: number;
  recruiter_id: number;
  created_at: CreatedAt;
}

interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
}

interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

interface EmployerTable {
  id: Generated<number>;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

interface EmployerAliasTable {
  key: string;
  alias: string;
  employer_id: number;
}

interface LayoffListTable {
  id: Generated<number>;
  slug: string;
  title: string;
  employer_id: number | null;
  source_url: string | null;
  description: string | null;
  organizer_id: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

interface ProfileTable {
  id: Generated<number>;
  slug: string;
  status: ColumnType<ProfileStatus, ProfileStatus | undefined, ProfileStatus>;
  name: string;
  headline: string | null;
  role: string | null;
  seniority: Seniority | null;
  /** Guessed from the job title by an import; a guess never replaces a seniority that was said. */
  seniority_inferred: ColumnType<boolean, boolean | undefined, boolean>;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  years_experience: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  remote: RemotePreference | null;
  relocation: boolean | null;
  work_authorization: WorkAuthorization | null;
  employment_types: ColumnType<EmploymentType[], EmploymentType[] | undefined, EmploymentType[]>;
  layoff_date: DateOnly | null;
  available_from: DateOnly | null;
  former_employer_id: number | null;
  linkedin_url: string | null;
  website_url: string | null;
  bio: string | null;
  email: string | null;
  email_verified_at: Timestamp | null;
  show_email: ColumnType<boolean, boolean | undefined, boolean>;
  consent_at: Timestamp | null;
  consent_source: string | null;
  consent_version: string | null;
  last_confirmed_at: Timestamp | null;
  /** When this cycle's "Still looking?" mail went out; null until then (see services/freshness.ts). */
  reminded_at: Timestamp | null;
  /** Why a hidden profile is hidden; meaningless on any other. */
  hidden_reason: HiddenReason | null;
  hired_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  published_at: Timestamp | null;
  removed_at: Timestamp | null;
  /** 'recruiters': never shown to anyone but verified recruiters. */
  visibility: ColumnType<ProfileVisibility, ProfileVisibility | undefined, ProfileVisibility>;
}

interface ProfileListTable {
  profile_id: number;
  list_id: number;
  added_at: CreatedAt;
  /** The last time an import of the list included the person. */
  seen_at: CreatedAt;
}

/** A person who found a job, once per list they were on (list_id null when on none); outlives the profile. */
interface HireTable {
  profile_id: number;
  list_id: number | null;
  employer_id: number | null;
  hired_at: Timestamp;
}

interface SuppressionTable {
  key_hash: string;
  created_at: CreatedAt;
}

export const HIDDEN_REASONS = ['owner', 'stale', 'hired', 'unlisted'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

const TOKEN_PURPOSES = ['verify', 'manage', 'session', 'remove', 'confirm'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

interface ProfileTokenTable {
  id: Generated<number>;
  profile_id: number;
  token_hash: string;
  purpose: TokenPurpose;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** A verify link's form answers, published when it is clicked (opt-in.ts writes and reads them). */
  fields: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** Keys shared by every process, generated on first use (removal links are signed with one). */
interface AppSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

interface ContactRequestTable {
  id: Generated<number>;
  profile_id: number;
  from_name: string;
  from_email: string;
  company: string | null;
  message: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  recruiter_id: number | null;
}

interface ImportTable {
  id: Generated<number>;
  list_id: number;
  user_id: number | null;
  file_name: string;
  status: ColumnType<ImportStatus, ImportStatus | undefined, ImportStatus>;
  dry_run: ColumnType<boolean, boolean | undefined, boolean>;
  attest_consent: ColumnType<boolean, boolean | undefined, boolean>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  mapping: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  preview: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  processed: Generated<number>;
  total: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  error: string | null;
  size_bytes: number | null;
  read_bytes: Generated<number>;
  phase: ImportPhase | null;
  /** Where the file came from: an upload (or the CLI), or a sheet the list follows. */
  source: ColumnType<ImportSource, ImportSource | undefined, ImportSource>;
  /** People who left the list because the followed sheet no longer names them. */
  removed: Generated<number>;
  /** The runner lock id of the process that runs it (server/services/imports/runner.ts). */
  runner: number | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ImportRejectionTable {
  import_id: number;
  line: number;
  outcome: 'skipped' | 'failed';
  reason: string;
  /** The row's cells in file order (the file's headers are in imports.options.headers). */
  data: ColumnType<string[], string, string>;
  /** Hashes of the email and LinkedIn URL the row names (as in suppressions), so a removal finds it. */
  identity_hashes: ColumnType<string[], string[] | undefined, string[]>;
}

/** The sheet a list follows (server/services/sheet-sync.ts). */
interface ListSourceTable {
  list_id: number;
  /** As the organizer pasted it. */
  url: string;
  /** The CSV it stands for (a Google Sheets share link becomes its export link). */
  fetch_url: string;
  every: SyncCadence;
  mapping: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  /** Who set it, and when they attested that the people on the sheet opted in. */
  user_id: number | null;
  attested_at: Timestamp;
  etag: string | null;
  last_modified: string | null;
  /** sha256 of the last content imported: a server without validators still costs no import. */
  content_hash: string | null;
  last_run_at: Timestamp | null;
  last_import_id: number | null;
  /** Consecutive failed runs; at 3 the source is paused until its organizer resumes it. */
  failures: Generated<number>;
  last_error: string | null;
  paused: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

interface ImportNoticeTable {
  profile_id: number;
  list_id: number;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

interface SearchOutboxTable {
  id: Generated<number>;
  profile_id: number;
  enqueued_at: CreatedAt;
}

/** A rebuild of the search index in progress (see migration 140). */
interface SearchReindexTable {
  uid: string;
  started_at: CreatedAt;
}

/** A profile whose outbox row was written while the rebuild `uid` was running. */
interface SearchReindexChangeTable {
  uid: string;
  profile_id: number;
}

/** A per-target limit's hits inside its window (server/services/limits.ts). */
interface LimitHitTable {
  scope: string;
  /** sha256 of the key (an address, a profile id …), never the key itself. */
  key_hash: string;
  hits: Date[];
  expires_at: Timestamp;
}

/** Failed sign-ins of an account, or of one client on an account (server/services/sign-in.ts). */
export interface SignInThrottleTable {
  scope: 'account' | 'client';
  /** sha256 of the lowercased email (and, for a client, its IP address). */
  key_hash: string;
  failures: number;
  /** The next attempt is not even checked before this. */
  blocked_until: Timestamp;
  /** A client's last successful sign-in to the account. */
  signed_in_at: Timestamp | null;
  expires_at: Timestamp;
}

interface DevMailTable {
  id: Generated<number>;
  to_address: string;
  reply_to: string | null;
  subject: string;
  text: string;
  html: string | null;
  links: ColumnType<string[], string[] | undefined, string[]>;
  /** Extra headers the mail was sent with (List-Unsubscribe …). */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export const ALERT_CADENCES = ['daily', 'weekly', 'off'] as const;
export type AlertCadence = (typeof ALERT_CADENCES)[number];

/** A recruiter's saved search (migration 2026_12_02_300). */
interface SavedSearchTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The Search page's query string, as saved. */
  query: string;
  alert: AlertCadence;
  /** People confirmed from this moment on are new to the alert. */
  high_water_at: Timestamp;
  /** When the next alert is due; null when alerts are off. */
  alert_due_at: Timestamp | null;
  last_alerted_at: Timestamp | null;
  last_visited_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** Who an alert of a saved search already listed. */
interface SavedSearchSentTable {
  saved_search_id: number;
  profile_id: number;
  sent_at: Timestamp;
}

/** An alert mail waiting to leave (the outbox of the alert sweep). */
interface AlertMailTable {
  id: Generated<number>;
  saved_search_id: number;
  mail: ColumnType<OutgoingMail, string, string>;
  /** The people it lists: a removal deletes the mail before it leaves. */
  profile_ids: number[];
  created_at: CreatedAt;
}

/** A mail as the mailer takes it, kept as JSON. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

interface ShortlistTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

interface ShortlistProfileTable {
  id: Generated<number>;
  shortlist_id: number;
  profile_id: number;
  note: ColumnType<string, string | undefined, string>;
  added_at: CreatedAt;
}

export interface Database {
  users: UserTable;
  user_tokens: UserTokenTable;
  recruiter_blocks: RecruiterBlockTable;
  abuse_reports: AbuseReportTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  employers: EmployerTable;
  employer_aliases: EmployerAliasTable;
  layoff_lists: LayoffListTable;
  profiles: ProfileTable;
  profile_lists: ProfileListTable;
  hires: HireTable;
  suppressions: SuppressionTable;
  profile_tokens: ProfileTokenTable;
  app_secrets: AppSecretTable;
  contact_requests: ContactRequestTable;
  imports: ImportTable;
  import_rejections: ImportRejectionTable;
  import_notices: ImportNoticeTable;
  list_sources: ListSourceTable;
  search_outbox: SearchOutboxTable;
  search_reindexes: SearchReindexTable;
  search_reindex_changes: SearchReindexChangeTable;
  dev_mail: DevMailTable;
  limit_hits: LimitHitTable;
  sign_in_throttle: SignInThrottleTable;
  saved_searches: SavedSearchTable;
  saved_search_sent: SavedSearchSentTable;
  alert_mails: AlertMailTable;
  shortlists: ShortlistTable;
  shortlist_profiles: ShortlistProfileTable;
}

export type Profile = Selectable<ProfileTable>;
export type NewProfile = Insertable<ProfileTable>;
