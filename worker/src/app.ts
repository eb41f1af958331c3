import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppBindings } from './context';
import { AppError } from './lib/app-error';
import { requireUser } from './lib/auth';
import { countD1InDevMode } from './lib/d1-count';
import { errorResponse } from './lib/error-handler';
import { openApiDocument } from './lib/openapi';
import { attachmentRoutes } from './routes/attachments';
import { backupRoutes } from './routes/backups';
import { authPageRoutes, authPublicRoutes, authRoutes } from './routes/auth';
import { contractRoutes } from './routes/contracts';
import { devRoutes } from './routes/dev';
import { devOutboxRoutes } from './routes/dev-outbox';
import { directCostRoutes } from './routes/direct-costs';
import { emailRoutes } from './routes/emails';
import { invoiceRoutes } from './routes/invoices';
import { meRoutes } from './routes/me';
import { pdfRoutes, signedDownloadRoutes } from './routes/pdf';
import { projectRoutes } from './routes/projects';
import { sendBatchRoutes } from './routes/send-batches';
import { webhookRoutes } from './routes/webhooks';

export const app = new Hono<AppBindings>();

app.use('*', async (c, next) => {
  const requestId = c.req.header('cf-ray') ?? crypto.randomUUID();
  c.set('requestId', requestId);
  await next();
  c.header('X-Request-Id', requestId);
});
app.onError((err, c) => errorResponse(c, err));
app.use('*', countD1InDevMode);

const api = new Hono<AppBindings>();
// In production the task pane is served by this worker (same origin). A sideloaded dev task pane
// (https://localhost:3000) or another deployment of it must be listed in ALLOWED_ORIGINS.
api.use('*', async (c, next) => {
  const allowed = (c.env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return cors({ origin: (origin) => (allowed.includes(origin) ? origin : null), allowHeaders: ['Authorization', 'Content-Type', 'If-Match'], exposeHeaders: ['ETag', 'X-Request-Id'], maxAge: 600 })(c, next);
});
api.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
// sign-in by email: no token yet (registered before requireUser, so it never runs for these)
api.route('/', authPublicRoutes);
// PDF downloads through a signed link (?sig=): answered here; without sig they go on to requireUser
api.route('/', signedDownloadRoutes);
api.use('*', requireUser);
api.route('/', meRoutes);
api.route('/', projectRoutes);
api.route('/', contractRoutes);
api.route('/', invoiceRoutes);
api.route('/', sendBatchRoutes);
api.route('/', emailRoutes);
api.route('/', attachmentRoutes);
api.route('/', authRoutes);
// invoice PDF, compiled invoice backups, invoice attachments, direct costs
api.route('/', pdfRoutes);
api.route('/', backupRoutes);
api.route('/', directCostRoutes);
app.route('/api/v1', api);
app.route('/dev', devRoutes);
// email: Postmark webhooks (basic auth), the sign-in link page, the local outbox (DEV_MODE)
app.route('/webhooks', webhookRoutes);
app.route('/auth', authPageRoutes);
app.route('/dev', devOutboxRoutes((request, env, ctx) => app.fetch(request, env, ctx)));

app.notFound((c) => errorResponse(c, new AppError('NOT_FOUND', `No route ${c.req.method} ${new URL(c.req.url).pathname}`)));
