import fp from 'fastify-plugin';
import { sweepLimits } from '../services/limits.js';
import { Scheduler } from '../services/scheduler.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The scheduled work: plugins add their jobs; `runOnce(now)` runs a pass (npm run sweep, tests). */
    scheduler: Scheduler;
  }
}

/**
 * The scheduler of this process. With `schedule` (npm start, npm run worker) a pass runs every
 * minute from the moment the app is ready; tests and `npm run sweep` call `runOnce(now)` instead.
 * It stops before anything else closes, so a pass never runs on closed services.
 */
export default fp<{ schedule?: boolean }>(
  async (app, { schedule }) => {
    const scheduler = new Scheduler(app.log);
    // Per-target limits (mails to an address, sign-ins to an account) belong to no one service.
    scheduler.add({ name: 'limits', run: async (now) => ({ expired: await sweepLimits(app.db, now) }) });
    app.decorate('scheduler', scheduler);
    if (schedule) app.addHook('onReady', async () => scheduler.start());
    app.addHook('preClose', async () => scheduler.stop());
  },
  { name: 'scheduler', dependencies: ['stores'] },
);
