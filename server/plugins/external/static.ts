import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { WEB_DIST } from '../../web-build.js';


/**
 * The built web app at `/`. Any other GET that is not an API route gets index.html, so that
 * client-side routes (/join, /p/some-one) load on a refresh or from a shared link.
 */
export default fp(
  async (app) => {
    if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
      app.log.warn(`no web app at ${WEB_DIST}: run npm run build`);
      return;
    }
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, file) => {
        // Vite fingerprints everything under assets/, so those never change.
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  },
  { name: 'static' },
);
