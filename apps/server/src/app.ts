import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { installProblemHandlers } from './core/problem.ts';
import { installRequestChecks, requestParsingOptions } from './core/request-parsing.ts';
import { serveWebApp, webAppDir, webAppFallback } from './core/web-app.ts';
import { loadPageRenderer, type PageRenderer } from './core/page-render.ts';
import { installCompression } from './core/compression.ts';
import { installAuth } from './core/auth.ts';
import { installRateLimits } from './core/rate-limit.ts';
import { installCors } from './core/cors.ts';
import { createMailer, type Mailer } from './core/mailer.ts';
import { editingRoutes } from './modules/catalogue/editing.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { peopleRoutes } from './modules/identity/people.routes.ts';
import { actorFromApiToken, actorFromSession, SESSION_COOKIE } from './modules/identity/identity.service.ts';
import { databaseRateCounter } from './modules/identity/rate-limit.service.ts';
import { OidcSignIn } from './modules/identity/oidc.service.ts';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { SearchService } from './modules/search/search.service.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { Metrics, type WorkerState } from './modules/system/system.service.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { demoRoutes } from './modules/demo/demo.routes.ts';
import { companiesRoutes } from './modules/companies/companies.routes.ts';
import { contactsRoutes } from './modules/companies/contacts.routes.ts';
import { demandRoutes } from './modules/requests/demand.routes.ts';
import { actionsRoutes } from './modules/actions/actions.routes.ts';
import { meetingsRoutes } from './modules/meetings/meetings.routes.ts';
import { brokerageRoutes } from './modules/brokerage/brokerage.routes.ts';
import { bookingsRoutes } from './modules/bookings/bookings.routes.ts';
import { governanceRoutes } from './modules/governance/governance.routes.ts';
import { policyRoutes } from './modules/bookings/policy.routes.ts';
import { newsFeedRoutes, newsRoutes } from './modules/news/news.routes.ts';
import { newsletterRoutes } from './modules/news/newsletter.routes.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { registrationsRoutes } from './modules/events/registrations.routes.ts';
import { feedsRoutes } from './modules/events/feeds.routes.ts';
import { openDataRoutes } from './modules/opendata/opendata.routes.ts';
import { changesRoutes } from './modules/opendata/changes.routes.ts';
import { startWorker } from './worker.ts';

const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * `waitForSearchIndex` (default true): resolve only once the search index is built. The server passes false and starts
 * the index (`searchService.start()`) once it listens, answering searches from the database until the index is ready
 * (`/api/health` tells which).
 */
export interface AppDeps {
  config: Config;
  database: Database;
  search?: SearchService;
  mailer?: Mailer;
  logger?: boolean;
  waitForSearchIndex?: boolean;
}

/** Builds the HTTP application (plugins, error handling, module routes) without listening. */
export async function buildApp({
  config,
  database,
  search,
  mailer,
  logger,
  waitForSearchIndex = true,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.log.level },
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: () => crypto.randomUUID(),
    ...requestParsingOptions(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = database.db;
  const mail = mailer ?? createMailer(config.mail, (m) => app.log.info(m));
  app.addHook('onClose', async () => mail.close());
  const searchService =
    search ?? new SearchService(db, { snapshotFile: config.search.snapshotFile, log: (m) => app.log.info(m) });
  app.addHook('onClose', async () => searchService.close());
  if (waitForSearchIndex) await searchService.ready();
  app.decorate('searchService', searchService);

  // The web app's client-side routes fall back to index.html; API paths never do.
  const dist = webAppDir(config.web.distDir, DEFAULT_WEB_DIST);
  let pageRenderer: PageRenderer | null = null;
  installProblemHandlers(app, { fallback: dist ? webAppFallback(() => pageRenderer) : undefined });
  // The iCalendar feeds and CSV downloads answer in their own formats.
  installRequestChecks(app, {
    isJsonApi: (p) =>
      p.startsWith('/api/') && !p.startsWith('/api/docs') && !/[./](ics|csv)$/.test(p) && !/\/certificate$/.test(p),
  });
  // Every route is recorded, so tests can check each write route names its permission rule (and which are public).
  const routes: { method: string; url: string; permission?: string; public?: boolean }[] = [];
  app.addHook('onRoute', (r) => {
    const c = r.config as { permission?: string; public?: boolean } | undefined;
    for (const method of [r.method].flat())
      routes.push({ method, url: r.url, permission: c?.permission, public: c?.public === true });
  });
  installCors(app);
  app.decorate('routeTable', routes);

  const searchStatus = () => searchService.status();
  const metrics = config.metrics.enabled
    ? new Metrics({ db, search: searchStatus, analysisMemory: () => searchService.threadMemory() })
    : null;
  if (metrics) {
    app.addHook('onResponse', async (req, reply) => {
      metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    });
  }
  let workerState: (() => WorkerState) | null = null;

  await app.register(cookie);
  await installCompression(app, SESSION_COOKIE);
  installAuth(app, {
    sessionCookie: SESSION_COOKIE,
    fromSession: (token) => actorFromSession(db, token),
    fromApiToken: (token) => actorFromApiToken(db, token),
  });
  // Counters shared through the database when several processes may serve (PostgreSQL); in memory on PGlite.
  await installRateLimits(app, config.rateLimit, database.kind === 'postgres' ? databaseRateCounter(db) : null);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.http.trustProxy ? undefined : false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CL.O.C.K. API',
        version: '1',
        description:
          'The catalogue, search, matching and requests (later bookings and governance) of a regional network of technology-transfer centres. Errors are RFC 9457 problem+json listing every invalid field.',
        license: { name: 'EUPL-1.2' },
      },
      tags: [
        { name: 'catalogue' },
        { name: 'search' },
        { name: 'matching' },
        { name: 'requests' },
        { name: 'bookings' },
        { name: 'events' },
        { name: 'notifications' },
        { name: 'network' },
        { name: 'companies' },
        { name: 'identity' },
        { name: 'administration' },
        { name: 'system' },
        { name: 'open data' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Same rules as the rest of the site: no framing, no inline scripts.
    transformStaticCSP: (header) =>
      header.replace(/frame-ancestors [^;]+;/, "frame-ancestors 'none';").replace(/ ?upgrade-insecure-requests;/, ''),
    uiConfig: { docExpansion: 'list' },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(systemRoutes, {
    health: { db, worker: () => workerState?.() ?? null, search: searchStatus },
    metrics,
    metricsToken: config.metrics.token,
  });

  await app.register(
    async (v1) => {
      await v1.register(catalogueRoutes, { db });
      await v1.register(editingRoutes, { db, onChange: () => searchService.refresh(true) });
      const oidc = config.oidc ? new OidcSignIn(config.oidc, `${config.publicUrl}/api/v1/auth/oidc/callback`) : null;
      await v1.register(identityRoutes, { db, accounts: { db, mailer: mail, publicUrl: config.publicUrl }, oidc });
      await v1.register(peopleRoutes, { deps: { db, mailer: mail, publicUrl: config.publicUrl } });
      await v1.register(searchRoutes, { search: searchService });
      await v1.register(matchingRoutes, { search: searchService });
      await v1.register(networkRoutes, { db });
      const requestDeps = { db, search: searchService, publicUrl: config.publicUrl };
      const worker =
        config.worker.intervalMs > 0
          ? startWorker({
              db,
              publicUrl: config.publicUrl,
              mailer: mail,
              intervalMs: config.worker.intervalMs,
              digestHour: config.worker.digestHour,
              log: (m, e) => app.log.error({ err: e }, m),
            })
          : null;
      if (worker) {
        workerState = worker.state;
        app.addHook('onClose', async () => worker.stop());
      }
      await v1.register(requestsRoutes, { deps: requestDeps });
      await v1.register(notificationsRoutes, { db });
      await v1.register(demoRoutes, { db });
      await v1.register(companiesRoutes, {
        deps: { db, mailer: mail, publicUrl: config.publicUrl, onCatalogueChange: () => searchService.refresh(true) },
      });
      await v1.register(contactsRoutes, { db });
      await v1.register(demandRoutes, { db });
      await v1.register(policyRoutes, { db, publicUrl: config.publicUrl });
      // Mail queued by a booking wakes the mail worker when its transaction commits (decision 015).
      await v1.register(bookingsRoutes, { deps: { db, publicUrl: config.publicUrl, search: searchService } });
      await v1.register(newsRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(newsletterRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(eventsRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(registrationsRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(actionsRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(meetingsRoutes, { deps: { db, publicUrl: config.publicUrl } });
      await v1.register(brokerageRoutes, { deps: { db, publicUrl: config.publicUrl, search: searchService } });
      await v1.register(changesRoutes, { db, publicUrl: config.publicUrl });
      await v1.register(governanceRoutes, { db, publicUrl: config.publicUrl });
    },
    { prefix: '/api/v1' },
  );
  await app.register(newsFeedRoutes, { deps: { db, publicUrl: config.publicUrl } });
  await app.register(feedsRoutes, { deps: { db, publicUrl: config.publicUrl } });

  // Open data: the DCAT-AP_IT catalogue, the dataset files, record URIs and /.well-known/clock (decision 020).
  await app.register(openDataRoutes, {
    db,
    publicUrl: config.publicUrl,
    downloadsPerWindow: config.rateLimit.downloads ?? 0,
    windowSeconds: config.rateLimit.windowSeconds,
  });

  if (dist) {
    await serveWebApp(app, dist);
    pageRenderer = await loadPageRenderer(app, dist, { sessionCookie: SESSION_COOKIE, publicUrl: config.publicUrl });
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    searchService: SearchService;
    routeTable: { method: string; url: string; permission?: string; public?: boolean }[];
  }
}
