import { fileURLToPath } from 'node:url';

/** Builds web/ into web/dist with the project's Vite config (what `npm run build` does). */
export async function buildWeb(): Promise<void> {
  // Vite is a build tool: loaded only when there is something to build.
  const { build } = await import('vite');
  const root = fileURLToPath(new URL('../web', import.meta.url));
  // Vite sets NODE_ENV=production in the process that builds; the process asking for a build (the
  // bench, a first `npm start`) must not become a production one, which demands SMTP and https.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
