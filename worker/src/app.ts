import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { AppBindings } from './context';
import { AppError } from './lib/app-error';
import { requireUser } from './lib/auth';
import { countD1InDevMode } from './lib/d1-count';
import { errorResponse } from './lib/error-handler';
import { refuseLoneSurrogates } from './lib/well-formed';
import { errors, json } from '@shared/api/route-kit';
import { routes } from './lib/openapi';
import { attachmentRoutes } from './routes/attachments';
import { backupRoutes } from './routes/backups';
import { authPageRoutes, authPublicRoutes, authRoutes } from './routes/auth';
import { contractRoutes } from './routes/contracts';
import { devRoutes } from './routes/dev';
import { devOutboxRoutes } from './routes/dev-outbox';
import { emailRoutes } from './routes/emails';
import { invitationRoutes } from './routes/invitations';
import { invoiceRoutes } from './routes/invoices';
import { paymentRoutes } from './routes/payments';
import { lienWaiverRoutes } from './routes/lien-waivers';
import { pdfRoutes, signedDownloadRoutes } from './routes/pdf';
import { projectRoutes } from './routes/projects';
import { sendBatchRoutes } from './routes/send-batches';
import { webhookRoutes } from './routes/webhooks';

export const app = new OpenAPIHono<AppBindings>();

app.use('*', async (c, next) => {
  const requestId = c.req.header('cf-ray') ?? crypto.randomUUID();
  c.set('requestId', requestId);
  await next();
  c.header('X-Request-Id', requestId);
});
app.onError((err, c) => errorResponse(c, err));
app.use('*', countD1InDevMode);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
app.openAPIRegistry.registerComponent('securitySchemes', 'postmarkWebhook', { type: 'http', scheme: 'basic' });

const ZOpenApiDocument = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });
const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This document',
  security: [],
  responses: { 200: json(ZOpenApiDocument, 'OpenAPI 3.1, generated from the route declarations'), ...errors([500]) },
});

// In production the task pane is served by this worker (same origin). A sideloaded dev task pane
// (https://localhost:3000) or another deployment of it must be listed in ALLOWED_ORIGINS.
const corsForPane = cors({
  origin: (origin, c) =>
    ((c.env.ALLOWED_ORIGINS ?? '') as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .includes(origin)
      ? origin
      : null,
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
  exposeHeaders: ['ETag', 'X-Request-Id'],
  maxAge: 600,
});

app.use('/api/v1/*', corsForPane);
app.use('/api/v1/*', refuseLoneSurrogates);

/** The API under /api/v1, chained so that its type (ApiType) carries every route for the client. */
const api = routes()
  .openapi(openApiRoute, (c) => {
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Progress Billing API', version: '1' },
      servers: [{ url: new URL(c.req.url).origin }],
      security: [{ bearer: [] }],
    });
    return c.json(doc as unknown as z.infer<typeof ZOpenApiDocument>, 200);
  })
  // sign-in by email: no token yet (registered before requireUser, so it never runs for these)
  .route('/', authPublicRoutes)
  // PDF downloads through a signed link (?sig=): answered here; without sig they go on to requireUser
  .route('/', signedDownloadRoutes)
  .use('*', requireUser)
  .route('/', projectRoutes)
  .route('/', invitationRoutes)
  .route('/', contractRoutes)
  .route('/', invoiceRoutes)
  .route('/', paymentRoutes)
  .route('/', sendBatchRoutes)
  .route('/', emailRoutes)
  .route('/', attachmentRoutes)
  .route('/', authRoutes)
  // invoice PDF, compiled invoice backups, invoice attachments, direct costs
  .route('/', pdfRoutes)
  .route('/', backupRoutes)
  .route('/', lienWaiverRoutes);

/**
 * Every route of /api/v1 with its request and response types, for a typed hono client (`hc`).
 * @public nothing in this repository imports it yet; the tag keeps knip from reporting it
 */
export type ApiType = typeof api;

app.route('/api/v1', api);
app.route('/dev', devRoutes);
// email: Postmark webhooks (basic auth), the sign-in link page, the local outbox (DEV_MODE)
app.route('/webhooks', webhookRoutes);
app.route('/auth', authPageRoutes);
app.route(
  '/dev',
  devOutboxRoutes((request, env, ctx) => app.fetch(request, env, ctx)),
);

app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`)));
