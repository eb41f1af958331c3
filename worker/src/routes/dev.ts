import { Hono } from 'hono';
import type { AppBindings } from '../context';
import { AppError } from '../lib/app-error';
import { createDevUser } from '../services/dev/create-dev-user';
import { seedDemo } from '../services/dev/seed-demo';

/** Local development only (DEV_MODE=1, set by `npm start`): demo seeding, new test users. Absent in production. */
export const devRoutes = new Hono<AppBindings>();

devRoutes.use('*', async (c, next) => {
  if (c.env.DEV_MODE !== '1') throw new AppError('NOT_FOUND', 'Not found');
  await next();
});

devRoutes.post('/seed', async (c) => c.json(await seedDemo(c.env)));
devRoutes.post('/users', async (c) => c.json(await createDevUser(c.env, await c.req.json().catch(() => null)), 201));
