import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleUploads } from '../../../../server/services/imports/upload.js';

describe('removeStaleUploads', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-uploads-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('deletes the uploads a dead process left a day ago, and nothing else', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const files = {
      stale: 'lifeline-import-0a1b2c3d4e5f6a7b.csv',
      fresh: 'lifeline-import-1122334455667788.csv',
      other: 'someone-else.csv',
    };
    for (const name of Object.values(files)) await writeFile(path.join(dir, name), 'Name,Email\nAda,ada@example.org\n');
    const old = new Date(now - day - 60_000);
    await utimes(path.join(dir, files.stale), old, old);
    await utimes(path.join(dir, files.other), old, old);

    expect(await removeStaleUploads(dir, now)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([files.fresh, files.other].sort());
  });
});
