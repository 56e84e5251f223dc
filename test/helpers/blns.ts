import { readFileSync } from 'node:fs';

/**
 * The Big List of Naughty Strings (test/fixtures/blns.json, MIT, see blns.LICENSE): a copy of
 * ../shared/data/blns.json kept in the repository, so a clone anywhere runs the same tests.
 */
export const BLNS: string[] = JSON.parse(readFileSync(new URL('../fixtures/blns.json', import.meta.url), 'utf8'));
