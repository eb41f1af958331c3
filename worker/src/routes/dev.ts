import { Hono } from 'hono';
import type { AppBindings } from '../context';
import { zodDetails } from '@shared/api/zod-details';
import { AppError } from '../lib/app-error';
import { createDevUser } from '../services/dev/create-dev-user';
import { seedDemo } from '../services/dev/seed-demo';
import { runReminders } from '../services/reminders/run-reminders';
import { ZRunReminders } from '@shared/api/reminders';
import { systemCtx } from '../email/system-ctx';

/** Local development only (DEV_MODE=1, set by `npm start`): demo seeding, new test users. Absent in production. */
export const devRoutes = new Hono<AppBindings>();

devRoutes.use('*', async (c, next) => {
  if (c.env.DEV_MODE !== '1') throw new AppError('NOT_FOUND', 'Not found');
  await next();
});

devRoutes.post('/seed', async (c) => c.json(await seedDemo(c.env)));
devRoutes.post('/users', async (c) => c.json(await createDevUser(c.env, await c.req.json().catch(() => null)), 201));
// The daily reminder run on a day of the caller's choosing, so tests and e2e need not wait for the cron.
devRoutes.post('/run-reminders', async (c) => {
  const body = ZRunReminders.safeParse(await c.req.json().catch(() => null));
  if (!body.success) throw new AppError('VALIDATION_FAILED', 'Give the day to run as { "today": "YYYY-MM-DD" }', zodDetails(body.error));
  return c.json(await runReminders({ ctx: systemCtx(c.env), input: body.data }));
});
