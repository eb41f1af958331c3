import { Hono } from 'hono';
import type { AppBindings } from '../context';
import { AppError } from '../lib/app-error';
import { seedDemo } from '../services/dev/seed-demo';

/** Local development only (DEV_MODE=1, set by `npm start`): demo seeding. Absent in production. */
export const devRoutes = new Hono<AppBindings>();

devRoutes.use('*', async (c, next) => {
  if (c.env.DEV_MODE !== '1') throw new AppError('NOT_FOUND', 'Not found');
  await next();
});

devRoutes.post('/seed', async (c) => c.json(await seedDemo(c.env)));
