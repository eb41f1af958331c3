import { Hono } from 'hono';
import { ZCreateDirectCost, ZDirectCostQuery } from '@shared/api/backups';
import type { AppBindings } from '../context';
import { describe } from '../lib/openapi';
import { readJson, readQuery } from '../lib/validate';
import { createDirectCost } from '../services/direct-costs/create-direct-cost';
import { listDirectCosts } from '../services/direct-costs/list-direct-costs';

export const directCostRoutes = new Hono<AppBindings>();

describe({ method: 'get', path: '/api/v1/projects/:id/direct-costs', summary: 'Direct costs by date (?from=&to=)', query: ZDirectCostQuery });
directCostRoutes.get('/projects/:id/direct-costs', async (c) =>
  c.json(await listDirectCosts({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), ...readQuery(c, ZDirectCostQuery) } })),
);

describe({ method: 'post', path: '/api/v1/projects/:id/direct-costs', summary: 'Record a direct cost with its receipt', body: ZCreateDirectCost });
directCostRoutes.post('/projects/:id/direct-costs', async (c) =>
  c.json(await createDirectCost({ ctx: c.get('ctx'), input: { projectId: c.req.param('id'), body: await readJson(c, ZCreateDirectCost) } }), 201),
);
