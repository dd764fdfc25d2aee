import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { Config } from '../config.ts';
import type { Store } from '../db/database.ts';
import { answerUnreadableRequest, registerErrorHandling } from './errors.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerMetrics } from './metrics.ts';
import { registerResponseCache } from './response-cache.ts';
import { routeAnonymousReadsToReplica } from './read-routing.ts';
import { registerWebSafety } from './safety.ts';
import { collectRoutes, registerAuth, type RegisteredRoute } from './auth.ts';
import { registerSessionRoutes } from '../accounts/session.routes.ts';
import { registerTokenRoutes } from '../accounts/token.routes.ts';
import { registerPasswordRoutes } from '../accounts/password.routes.ts';
import { registerUserRoutes } from '../accounts/user.routes.ts';
import { registerIatiRoutes } from '../iati/iati.routes.ts';
import { registerPortfolioRoutes } from '../portfolio/portfolio.routes.ts';
import { registerFundRoutes } from '../facility/fund.routes.ts';
import { registerProposalRoutes } from '../facility/proposal.routes.ts';
import { loadRules } from '../facility/rules.ts';
import { facilityAuditView } from '../facility/audit-view.ts';
import { registerWebApp, WEB_DIST } from './web.routes.ts';
import { registerClimateRoutes } from '../climate/climate.routes.ts';
import { registerResultsRoutes } from '../results/results.routes.ts';
import { registerConferenceRoutes } from '../reference/conference.routes.ts';
import { registerReportRoutes } from '../reports/ministerial/ministerial.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the permission it declares, for the permission matrix test. */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface AppOptions {
  store: Store;
  config: Config;
  /** The built web application; defaults to web/dist. */
  webRoot?: string;
}

const VERSION = '0.1.0';

/** A request's path and query as logged: secret parameters (`token`) replaced. */
function withoutSecrets(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

export async function buildApp({
  store,
  config,
  webRoot = WEB_DIST,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: {
        // A reset link's token is a password for a day: it stays out of the log.
        req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
          method: request.method,
          url: withoutSecrets(request.url),
          hostname: request.hostname,
          remoteAddress: request.ip,
        }),
      },
    },
    bodyLimit: 1024 * 1024,
    // An activity's identifier (up to 500 characters, percent-encoded up to 12 bytes each) is
    // a path parameter; the router's default of 100 answered longer ones with a 404.
    routerOptions: { maxParamLength: 6000 },
    trustProxy: config.trustProxy ?? false,
    // Lets in-flight requests finish on close while new ones get 503.
    return503OnClosing: true,
    clientErrorHandler: answerUnreadableRequest,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Caravan API',
        version: VERSION,
        description: 'The CAREC Program portfolio, project preparation facility and results.',
      },
    },
  });
  registerErrorHandling(app);
  await registerWebSafety(app);
  const routes = collectRoutes(app);
  if (config.databaseReplicaUrl !== null) routeAnonymousReadsToReplica(app);
  await registerAuth(app, store, config);
  registerHealthRoutes(app, store);
  registerMetrics(app, store);
  registerResponseCache(app, store);
  const rules = loadRules(config.facilityRulesFile);
  registerSessionRoutes(app, store, config, facilityAuditView(rules));
  registerTokenRoutes(app, store);
  registerPasswordRoutes(app, store, config);
  registerUserRoutes(app, store);
  registerIatiRoutes(app, store, config);
  registerPortfolioRoutes(app, store);
  registerProposalRoutes(app, store, rules);
  registerFundRoutes(app, store, rules);
  registerClimateRoutes(app, store);
  registerResultsRoutes(app, store);
  registerConferenceRoutes(app, store);
  registerReportRoutes(app, store);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, () =>
    app.swagger(),
  );
  await registerWebApp(app, webRoot);
  app.decorate('registeredRoutes', routes);
  return app;
}
