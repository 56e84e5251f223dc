import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root: the nearest folder above this file holding package.json and web/. From
 * source that is one level up; compiled (dist/server/project.js) two. Looking for web/ too keeps a
 * package.json that a build copied into dist/ from being taken for the root.
 */
export const PROJECT_ROOT = ((): string => {
  const here = fileURLToPath(import.meta.url);
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'web'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no folder with package.json and web/ above ${here}`);
  }
})();

/** The project's package.json, read where it lies (importing it would copy it into dist/). */
export const PACKAGE = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string; description: string };
