import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One request of a mix, replayed as it is (path with its query string, headers, body). */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Load {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
}

export type LoadGenerator = 'wrk' | 'autocannon';

export interface LoadOptions {
  generator: LoadGenerator;
  /** Base URL (`http://host:port`) the paths are relative to. */
  origin: string;
  requests: LoadRequest[];
  seconds: number;
  connections: number;
}

/** The default load generator: wrk when installed (C, one thread, little CPU), else autocannon in a child process. */
export const defaultLoadGenerator = (): LoadGenerator => (spawnSync('wrk', ['--version']).error ? 'autocannon' : 'wrk');

/**
 * Sends the requests, each connection cycling through them, for `seconds` at `connections`
 * concurrent connections, from a process of its own: the generator never shares an event loop
 * (or, with wrk, much CPU) with the sides it measures. Fails on any non-2xx answer or error.
 */
export async function runLoad(options: LoadOptions): Promise<Load> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-load-'));
  try {
    return options.generator === 'wrk' ? await runWrk(options, dir) : await runAutocannon(options, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Lua string literal holding exactly these bytes (every byte outside plain ASCII escaped). */
function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += plain ? String.fromCharCode(byte) : `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}

function wrkScript(requests: LoadRequest[]): string {
  const rows = requests.map((r) => {
    const headers = Object.entries(r.headers ?? {}).map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`).join(', ');
    return `  { ${luaString(r.method)}, ${luaString(r.path)}, { ${headers} }, ${r.body === undefined ? 'nil' : luaString(r.body)} },`;
  });
  return `local mix = {
${rows.join('\n')}
}
local formatted = {}
local next_index = 0
function init(args)
  for i, r in ipairs(mix) do formatted[i] = wrk.format(r[1], r[2], r[3], r[4]) end
end
function request()
  next_index = next_index % #formatted + 1
  return formatted[next_index]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"non2xx":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
`;
}

async function runWrk(options: LoadOptions, dir: string): Promise<Load> {
  const script = path.join(dir, 'mix.lua');
  await writeFile(script, wrkScript(options.requests));
  const out = await collect('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, options.origin]);
  const line = /^WRK_RESULT (.*)$/m.exec(out)?.[1];
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line) as { requests: number; durationUs: number; p50Us: number; p99Us: number; non2xx: number; errors: number };
  if (r.non2xx + r.errors > 0) throw new Error(`${options.origin}: ${r.non2xx} non-2xx answers, ${r.errors} errors in ${r.requests} requests`);
  return { p50: r.p50Us / 1000, p99: r.p99Us / 1000, rps: r.requests / (r.durationUs / 1e6), requests: r.requests };
}

async function runAutocannon(options: LoadOptions, dir: string): Promise<Load> {
  const config = path.join(dir, 'load.json');
  await writeFile(config, JSON.stringify(options));
  const child = fileURLToPath(new URL('./autocannon-child.ts', import.meta.url));
  const out = await collect(process.execPath, ['--import', 'tsx', child, config]);
  const line = /^AUTOCANNON_RESULT (.*)$/m.exec(out)?.[1];
  if (!line) throw new Error(`autocannon printed no result:\n${out}`);
  return JSON.parse(line) as Load;
}

/** Runs a command to its end; its stdout, or an error with its output. */
function collect(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}: ${err || out}`))));
  });
}
