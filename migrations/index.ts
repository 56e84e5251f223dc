import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './2026_11_22_001_employers_and_lists.js';
import * as m002 from './2026_11_22_002_profiles.js';
import * as m003 from './2026_11_22_003_imports_outbox_mail.js';
import * as m120 from './2026_11_22_120_import_notices_progress.js';
import * as m140 from './2026_11_22_140_search_reindex_journal.js';
import * as m160 from './2026_11_22_160_import_runner.js';
import * as m1130 from './2026_11_30_100_profiles_employer_status_index.js';
import * as m1201RejectionIdentities from './2026_12_01_100_import_rejection_identities.js';
import * as m1201SelfManaged from './2026_12_01_100_self_managed_profiles.js';
import * as m1201LimitHits from './2026_12_01_200_limit_hits.js';
import * as m1201SignInThrottle from './2026_12_01_200_sign_in_throttle.js';
import * as m1201OptInClaims from './2026_12_01_300_opt_in_claims_and_secrets.js';
import * as m1202RecruiterAccounts from './2026_12_02_100_recruiter_accounts.js';
import * as m1202RecruiterTrust from './2026_12_02_200_recruiter_trust.js';
import * as m1202RecruiterWorkspace from './2026_12_02_300_recruiter_workspace.js';
import * as m1202Freshness from './2026_12_02_400_freshness.js';
import * as m1202SeniorityInferred from './2026_12_02_500_seniority_inferred.js';
import * as m1202ListSources from './2026_12_02_700_list_sources.js';

/** Every migration by name, in order: a static list, so no runner has to import .ts files by path. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_001_employers_and_lists': m001,
  '2026_11_22_002_profiles': m002,
  '2026_11_22_003_imports_outbox_mail': m003,
  '2026_11_22_120_import_notices_progress': m120,
  '2026_11_22_140_search_reindex_journal': m140,
  '2026_11_22_160_import_runner': m160,
  '2026_11_30_100_profiles_employer_status_index': m1130,
  '2026_12_01_100_import_rejection_identities': m1201RejectionIdentities,
  '2026_12_01_100_self_managed_profiles': m1201SelfManaged,
  '2026_12_01_200_limit_hits': m1201LimitHits,
  '2026_12_01_200_sign_in_throttle': m1201SignInThrottle,
  '2026_12_01_300_opt_in_claims_and_secrets': m1201OptInClaims,
  '2026_12_02_100_recruiter_accounts': m1202RecruiterAccounts,
  '2026_12_02_200_recruiter_trust': m1202RecruiterTrust,
  '2026_12_02_300_recruiter_workspace': m1202RecruiterWorkspace,
  '2026_12_02_400_freshness': m1202Freshness,
  '2026_12_02_500_seniority_inferred': m1202SeniorityInferred,
  '2026_12_02_700_list_sources': m1202ListSources,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
