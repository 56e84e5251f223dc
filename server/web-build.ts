import path from 'node:path';
import { PROJECT_ROOT } from './project.js';

/** The web app's sources, and where Vite builds them (served by server/plugins/external/static.ts). */
export const WEB_ROOT = path.join(PROJECT_ROOT, 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

/** Builds web/ into web/dist with the project's Vite config (what `npm run build` does). */
export async function buildWeb(): Promise<void> {
  // Vite is a build tool: loaded only when there is something to build. A production install
  // (`npm ci --omit=dev`) has no Vite: there, web/dist comes built with the rest (`npm run build`).
  const { build } = await import('vite').catch((err: unknown) => {
    throw new Error(`${WEB_DIST} is missing and Vite is not installed to build it: run \`npm run build\` where the devDependencies are installed (${(err as Error).message})`);
  });
  // Vite sets NODE_ENV=production in the process that builds; the process asking for a build (the
  // bench, a first `npm start`) must not become a production one, which demands SMTP and https.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ root: WEB_ROOT, configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
