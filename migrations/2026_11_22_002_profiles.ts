import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('profiles')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'published', 'hidden', 'removed')`),
    )
    // Public fields.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headline', 'text')
    .addColumn('role', 'text')
    .addColumn('seniority', 'text', (c) =>
      c.check(sql`seniority in ('intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'manager', 'director', 'executive')`),
    )
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('years_experience', 'integer', (c) => c.check(sql`years_experience between 0 and 70`))
    .addColumn('country', 'char(2)')
    .addColumn('region', 'text')
    .addColumn('city', 'text')
    .addColumn('remote', 'text', (c) => c.check(sql`remote in ('remote', 'hybrid', 'onsite', 'flexible')`))
    .addColumn('relocation', 'boolean')
    .addColumn('work_authorization', 'text', (c) =>
      c.check(sql`work_authorization in ('authorized', 'needs_sponsorship')`),
    )
    .addColumn('employment_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('layoff_date', 'date')
    .addColumn('available_from', 'date')
    .addColumn('former_employer_id', 'integer', (c) => c.references('employers.id').onDelete('set null'))
    .addColumn('linkedin_url', 'text')
    .addColumn('website_url', 'text')
    .addColumn('bio', 'text')
    // Private fields: never leave Postgres except to their owner.
    .addColumn('email', 'text')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('show_email', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consent_at', 'timestamptz')
    .addColumn('consent_source', 'text', (c) => c.check(sql`consent_source = 'form' or consent_source like 'list:%'`))
    .addColumn('consent_version', 'text')
    .addColumn('last_confirmed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('removed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('profiles_email_key')
    .on('profiles')
    .unique()
    .expression(sql`lower(email)`)
    .where(sql.ref('email'), 'is not', null)
    .execute();
  // LinkedIn URLs are stored normalized, so equality is the identity used by imports.
  await db.schema
    .createIndex('profiles_linkedin_url_key')
    .on('profiles')
    .unique()
    .column('linkedin_url')
    .where(sql.ref('linkedin_url'), 'is not', null)
    .execute();
  await db.schema.createIndex('profiles_status_idx').on('profiles').columns(['status', 'id']).execute();
  await db.schema.createIndex('profiles_former_employer_id_idx').on('profiles').column('former_employer_id').execute();
  await db.schema.createIndex('profiles_skills_idx').on('profiles').using('gin').column('skills').execute();

  await db.schema
    .createTable('profile_lists')
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('layoff_lists.id').onDelete('cascade'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('profile_lists_pkey', ['profile_id', 'list_id'])
    .execute();
  await db.schema.createIndex('profile_lists_list_id_idx').on('profile_lists').column('list_id').execute();

  // Hashes of the emails and LinkedIn URLs of people who removed themselves: a later import
  // must not bring them back, and nothing else about them is kept.
  await db.schema
    .createTable('suppressions')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('profile_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('verify', 'manage', 'session', 'remove')`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('profile_tokens_profile_id_idx').on('profile_tokens').column('profile_id').execute();

  await db.schema
    .createTable('contact_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('profile_id', 'integer', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('from_email', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('contact_requests_profile_id_idx').on('contact_requests').column('profile_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_requests').execute();
  await db.schema.dropTable('profile_tokens').execute();
  await db.schema.dropTable('suppressions').execute();
  await db.schema.dropTable('profile_lists').execute();
  await db.schema.dropTable('profiles').execute();
}
