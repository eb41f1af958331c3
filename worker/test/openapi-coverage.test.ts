// Every route the worker answers is in GET /api/v1/openapi.json with its error responses: the
// document is generated from the route declarations (worker/src/lib/openapi.ts), and this walks
// hono's own route table so that a route added without a declaration fails here.
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';
import { api } from './helpers';

/** Routes outside the JSON contract, on purpose: local-only pages and the HTML sign-in page. */
const outsideContract = [
  /^\/dev\//, // DEV_MODE only (demo seeding, the local outbox pages); 404 in production
  /^\/auth\/complete$/, // the HTML page a sign-in link opens, not an API call
];

/** What any route can meet: a failure on our side; with a token, a bad token or a hidden record. */
const ALWAYS = ['500'];
const WITH_TOKEN = ['401', '403', '404'];
/** A route that reads input can refuse it. */
const WITH_INPUT = ['400', '422'];

describe('OpenAPI document covers every route', () => {
  it('lists each method + path hono routes, each with a success and the error envelope for its errors', async () => {
    const doc = (await api(null, 'GET', '/api/v1/openapi.json')).body;
    const served = [
      ...new Set(app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)),
    ].filter((op) => !outsideContract.some((re) => re.test(op.split(' ')[1])));
    expect(served.length).toBeGreaterThan(60);
    const missing = served.filter((op) => {
      const [method, path] = op.split(' ');
      return !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);

    for (const op of served) {
      const [method, path] = op.split(' ');
      const operation = doc.paths[path][method.toLowerCase()];
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${op} has a success response`,
      ).toBe(true);
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const isWebhook = path.startsWith('/webhooks/');
      const hasInput = Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
      const expected = [...ALWAYS, ...(isPublic || isWebhook ? [] : WITH_TOKEN), ...(hasInput ? WITH_INPUT : [])];
      for (const s of expected) expect(statuses, `${op} documents ${s}`).toContain(s);
      for (const s of statuses.filter((x) => /^[45]/.test(x))) {
        const schema = operation.responses[s].content['application/json'].schema;
        expect(schema.$ref ?? schema.properties?.error, `${op} ${s} is the error envelope`).toBeTruthy();
      }
    }
  });

  it('documents nothing that is not served', async () => {
    const doc = (await api(null, 'GET', '/api/v1/openapi.json')).body;
    const served = new Set(app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((op) => !served.has(op))).toEqual([]);
  });
});
