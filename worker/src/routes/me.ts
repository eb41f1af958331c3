import { Hono } from 'hono';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { getMe } from '../services/me/get-me';

export const meRoutes = new Hono<AppBindings>();

describe({ method: 'get', path: '/api/v1/me', summary: 'The signed-in user and their projects' });
meRoutes.get('/me', async (c) => c.json(await getMe({ ctx: c.get('ctx') })));
