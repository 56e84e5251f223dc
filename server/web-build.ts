import { fileURLToPath } from 'node:url';

/** Builds web/ into web/dist with the project's Vite config (what `npm run build` does). */
export async function buildWeb(): Promise<void> {
  // Vite is a build tool: loaded only when there is something to build.
  const { build } = await import('vite');
  const root = fileURLToPath(new URL('../web', import.meta.url));
  await build({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
}
