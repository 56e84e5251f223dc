import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import type { Load, LoadOptions } from './load.js';

/**
 * The fallback load generator when wrk is not installed: autocannon in a process of its own
 * (`runLoad` spawns it), so its CPU is not taken from the event loop of the bench.
 */
const options = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as LoadOptions;
const result = await autocannon({
  url: options.origin,
  connections: options.connections,
  duration: options.seconds,
  requests: options.requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
});
const bad = result.non2xx + result.errors + result.timeouts;
if (bad > 0) {
  process.stderr.write(`${options.origin}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts in ${result.requests.total} requests\n`);
  process.exit(1);
}
const load: Load = { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.total / (result.duration || options.seconds), requests: result.requests.total };
process.stdout.write(`AUTOCANNON_RESULT ${JSON.stringify(load)}\n`);
