import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import authPlugin from './plugins/auth.js';
import configPlugin from './plugins/config.js';
import contact from './plugins/contact.js';
import messageActions from './plugins/message-actions.js';
import cookie from './plugins/external/cookie.js';
import devMail from './plugins/dev-mail.js';
import errorHandler, { formatValidationErrors } from './plugins/error-handler.js';
import helmet from './plugins/external/helmet.js';
import freshness from './plugins/freshness.js';
import imports from './plugins/imports.js';
import lists from './plugins/lists.js';
import mail from './plugins/mail.js';
import metrics from './plugins/metrics.js';
import multipart from './plugins/external/multipart.js';
import optIn from './plugins/opt-in.js';
import profileSearch from './plugins/profile-search.js';
import publicProfiles from './plugins/public-profiles.js';
import rateLimit from './plugins/external/rate-limit.js';
import scheduler from './plugins/scheduler.js';
import sheetSync from './plugins/sheet-sync.js';
import sensible from './plugins/external/sensible.js';
import swagger, { tagged } from './plugins/external/swagger.js';
import swaggerUi from './plugins/external/swagger-ui.js';
import staticFiles from './plugins/external/static.js';
import stores, { type StoresOptions } from './plugins/stores.js';
import suggestions from './plugins/suggestions.js';
import syncWorker from './plugins/sync-worker.js';
import tier from './plugins/tier.js';
import users from './plugins/users.js';
import workspace from './plugins/workspace.js';
import recruiters from './plugins/recruiters.js';
import authRoutes from './routes/auth/index.js';
import recruiterRoutes from './routes/recruiters/index.js';
import healthRoutes from './routes/health/index.js';
import metricsRoutes from './routes/metrics/index.js';
import devMailRoutes from './routes/dev-mail/index.js';
import meRoutes from './routes/me/index.js';
import profileRoutes from './routes/profiles/index.js';
import suggestionRoutes from './routes/suggestions/index.js';
import importRoutes from './routes/imports/index.js';
import listRoutes from './routes/lists/index.js';
import listSourceRoutes from './routes/list-sources/index.js';
import searchRoutes from './routes/search/index.js';
import employerTalentRoutes from './routes/employers/talent.js';
import contactRoutes from './routes/profiles/contact.js';
import savedSearchRoutes from './routes/saved-searches/index.js';
import shortlistRoutes from './routes/shortlists/index.js';

export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

interface AppOptions extends StoresOptions {
  config: Config;
  logger?: Logger;
  /** Run the search sync worker in this process (the default; `npm run worker` runs it alone). */
  worker?: boolean;
  /** Run the scheduled work every minute (npm start, npm run worker); tests and `npm run sweep` call `app.scheduler.runOnce(now)`. */
  schedule?: boolean;
}

/**
 * Off unless TRUST_PROXY names the proxies: otherwise any client picks its address in
 * X-Forwarded-For and walks past every per-client limit. Fastify takes a bare number for "trust
 * no one", so a hop count is spelled as the function it means.
 */
function trustedProxies(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** The one factory for the app: the server entry and the tests both build it here. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify<Server, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: options.logger ?? createLogger(options.config.logLevel),
    trustProxy: trustedProxies(options.config.trustProxy),
    bodyLimit: 256 * 1024,
    schemaErrorFormatter: formatValidationErrors,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(configPlugin, { config: options.config });
  await app.register(sensible);
  await app.register(errorHandler);
  await app.register(helmet);
  await app.register(rateLimit);
  await app.register(multipart);
  await app.register(cookie);
  await app.register(stores, options);
  await app.register(mail);
  await app.register(authPlugin);
  await app.register(tier);
  await app.register(scheduler, { schedule: options.schedule });
  if (options.worker !== false) await app.register(syncWorker, { databaseUrl: options.databaseUrl });
  await app.register(metrics);

  // The services the routes call, each a plugin decorating the app with its name.
  await app.register(optIn);
  await app.register(freshness);
  await app.register(publicProfiles);
  await app.register(contact);
  await app.register(messageActions);
  await app.register(profileSearch, { databaseUrl: options.databaseUrl });
  await app.register(lists);
  await app.register(imports, { databaseUrl: options.databaseUrl });
  await app.register(sheetSync);
  await app.register(users);
  await app.register(recruiters);
  await app.register(suggestions);
  await app.register(devMail);
  await app.register(workspace);

  // Before the routes: the document is built from the routes registered after it.
  await app.register(swagger);
  await app.register(swaggerUi);
  await app.register(tagged('health', healthRoutes));
  await app.register(metricsRoutes);
  await app.register(tagged('profiles', profileRoutes));
  await app.register(tagged('me', meRoutes));
  await app.register(tagged('suggestions', suggestionRoutes));
  await app.register(tagged('dev-mail', devMailRoutes));
  await app.register(tagged('auth', authRoutes));
  await app.register(tagged('recruiters', recruiterRoutes));
  await app.register(tagged('lists', listRoutes));
  await app.register(tagged('lists', listSourceRoutes));
  await app.register(tagged('imports', importRoutes));
  await app.register(tagged('search', searchRoutes));
  await app.register(tagged('employers', employerTalentRoutes));
  await app.register(tagged('profiles', contactRoutes));
  await app.register(tagged('workspace', savedSearchRoutes));
  await app.register(tagged('workspace', shortlistRoutes));
  await app.register(staticFiles);
  return app;
}
