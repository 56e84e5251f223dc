import type { LifelineClient } from '../tools/lifeline-client.js';
import type { LoadGenerator } from './lib/load.js';
import type { BenchStack } from './lib/stack.js';

export const SECTIONS = ['start', 'import', 'search', 'optin', 'web', 'alerts', 'reindex'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  profiles: number;
  seed: number;
  /** Seconds of load per load-generator run. */
  duration: number;
  connections: number;
  /** The search load generator: wrk when installed, else autocannon in a child process. */
  load: LoadGenerator;
  /** Times each search query is run, baseline and API alternately. */
  rounds: number;
  optins: number;
  /** Saved searches swept by the alerts section. */
  savedSearches: number;
  sections: Set<Section>;
  out: string;
  /** What a search result looks like on the page (time to first results). */
  resultSelector: string;
}

/** What every figure module gets: the options, the running stack, and a way to act as each user. */
export interface BenchContext {
  options: BenchOptions;
  stack: BenchStack;
  tmpDir: string;
  say(line: string): void;
  /** A client of the server without credentials (candidates, recruiters). */
  anonymous: LifelineClient;
  /** A client signed in as an organizer, created on first use. */
  organizer(): Promise<LifelineClient>;
}
