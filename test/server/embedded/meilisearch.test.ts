import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedMeilisearch } from '../../../server/embedded/meilisearch.js';
import { createLogger } from '../../../server/logger.js';

describe('embedded Meilisearch', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('starts with a generated master key that begins with a dash (1 key in 64 does)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-meili-'));
    dirs.push(dir);
    const masterKey = '-2bGx_rT9yQmV4kLwP0sZc8uNfHjE6aD';
    const meili = await startEmbeddedMeilisearch({ dir, masterKey, logFile: path.join(dir, 'meili.log') }, createLogger('silent'));
    try {
      const withKey = await fetch(`${meili.url}/keys`, { headers: { authorization: `Bearer ${masterKey}` } });
      const without = await fetch(`${meili.url}/keys`);
      expect(withKey.status).toBe(200);
      expect(without.status).toBe(401);
    } finally {
      await meili.supervisor.stop();
    }
  });
});
