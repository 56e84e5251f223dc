import pg from 'pg';
import type { Config } from '../config.js';
import { StartError } from '../start-failure.js';

/** How long a start waits for a store of one's own to answer before saying it does not. */
const ANSWER_WITHIN_MS = 3_000;
const UNSET_HINT = 'leave it unset to use the embedded one';

/**
 * The stores given by DATABASE_URL and MEILI_URL, tried once before anything starts: a wrong
 * port, password or key is a start that cannot succeed, and is said so within seconds.
 */
export async function checkExternalStores(config: Config): Promise<void> {
  await Promise.all([
    config.databaseUrl && checkPostgres(config.databaseUrl),
    config.meiliUrl && checkMeilisearch(config.meiliUrl, config.meiliMasterKey ?? ''),
  ]);
}

async function checkPostgres(url: string): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: ANSWER_WITHIN_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    const { code, message } = err as Error & { code?: string };
    const problem =
      code === '28P01' || code === '28000'
        ? 'refused the user or password. Correct them in DATABASE_URL.'
        : code === '3D000'
          ? `has no database ${pathname.slice(1)}. Create it, or correct DATABASE_URL.`
          : `${unreachable(code, message)}. Start it, correct DATABASE_URL, or ${UNSET_HINT}.`;
    throw new StartError(`the Postgres at DATABASE_URL (${hostname}:${port || 5432}) ${problem}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkMeilisearch(url: string, key: string): Promise<void> {
  const where = `the Meilisearch at MEILI_URL (${new URL(url).host})`;
  let status: number;
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/indexes?limit=1`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    status = res.status;
  } catch (err) {
    const { name, cause } = err as Error & { cause?: { code?: string; message?: string } };
    const reason = name === 'TimeoutError' ? 'timeout' : (cause?.code ?? cause?.message ?? name);
    throw new StartError(`${where} ${unreachable(reason, reason)}. Start it, correct MEILI_URL, or ${UNSET_HINT}.`);
  }
  if (status === 401 || status === 403) {
    throw new StartError(`${where} refused MEILI_MASTER_KEY. Set it to that Meilisearch's master key.`);
  }
  if (status >= 400) throw new StartError(`${where} answered HTTP ${status}. Check that MEILI_URL is a Meilisearch.`);
}

function unreachable(code: string | undefined, message: string): string {
  if (code === 'ECONNREFUSED') return 'refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'has a host name that does not resolve';
  if (code === 'timeout' || /timeout/i.test(message)) return `did not answer within ${ANSWER_WITHIN_MS / 1000} s`;
  return `could not be reached (${message})`;
}
