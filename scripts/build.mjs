// Builds what is out of date, so that `npm start` and the `npm run …` commands run JavaScript
// compiled at build time, never stale output:
//   - the server and its commands: `tsc -b tsconfig.build.json` into dist/ (incremental: about a
//     second when nothing changed);
//   - the web app (unless --server): `vite build web` into web/dist, when a file it is built from
//     is newer than web/dist/index.html.
// Plain JavaScript with no dependencies, so that it runs before anything is compiled. A production
// install (`npm ci --omit=dev`) has neither TypeScript nor Vite: there it only checks that dist/ and
// web/dist exist and are newer than the sources beside them, and refuses to start otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));
const serverOnly = process.argv.includes('--server');
const at = (...parts) => path.join(root, ...parts);

function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

/** The command-line script of an installed package, or undefined (a production install has no build tools). */
function bin(name, command = name) {
  try {
    const manifest = require.resolve(`${name}/package.json`);
    const { bin } = require(manifest);
    return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[command]);
  } catch {
    return undefined;
  }
}

/** The newest modification time under these files and folders (0 when none exists). */
function newest(paths) {
  let time = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (!stat.isDirectory()) time = Math.max(time, stat.mtimeMs);
    else for (const entry of readdirSync(p, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) time = Math.max(time, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return time;
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal})`);
}

// The server: tsc decides what changed, from dist/.tsbuildinfo.
const tsc = bin('typescript', 'tsc');
const serverSources = ['common', 'db', 'search', 'server', 'migrations', 'scripts', 'tools', 'tsconfig.json', 'tsconfig.build.json'].map((p) => at(p));
if (tsc) run([tsc, '-b', 'tsconfig.build.json'], 'compiling the server (tsc -b tsconfig.build.json)');
else if (!existsSync(at('dist/server/main.js'))) fail('dist/ is missing and TypeScript is not installed to compile it: run `npm run build` where the devDependencies are installed, then install with --omit=dev');
else if (newest(serverSources) > mtime(at('dist/.tsbuildinfo'))) fail('the sources are newer than dist/ and TypeScript is not installed to compile them again: run `npm run build` where the devDependencies are installed');

// The web app: Vite builds it whole, so only when one of its inputs changed.
if (!serverOnly) {
  const index = at('web/dist/index.html');
  const webSources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'common', 'package-lock.json'].map((p) => at(p));
  if (existsSync(index) && newest(webSources) <= mtime(index)) process.exit(0);
  const vite = bin('vite');
  if (!vite) fail(`web/dist is ${existsSync(index) ? 'older than its sources' : 'missing'} and Vite is not installed to build it: run \`npm run build\` where the devDependencies are installed`);
  run([vite, 'build', 'web', '--logLevel', 'warn'], 'building the web app (vite build web)');
}
