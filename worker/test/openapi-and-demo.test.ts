import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/services/dev/seed-demo';
import * as contracts from '@shared/api/routes/contracts';
import * as invoices from '@shared/api/routes/invoices';
import * as projects from '@shared/api/routes/projects';
import { api, call, ok } from './helpers';

describe('OpenAPI document', () => {
  it('is public and lists every issue-2 resource with its method', async () => {
    const r = await api(null, 'GET', '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const ops = Object.entries(r.body.paths as Record<string, object>).flatMap(([p, m]) => Object.keys(m).map((k) => `${k.toUpperCase()} ${p}`));
    for (const op of [
      'GET /api/v1/me',
      'GET /api/v1/projects',
      'POST /api/v1/projects',
      'GET /api/v1/projects/{id}',
      'POST /api/v1/projects/{id}/members',
      'GET /api/v1/projects/{id}/contracts',
      'POST /api/v1/projects/{id}/contracts',
      'GET /api/v1/contracts/{id}',
      'PATCH /api/v1/contracts/{id}',
      'POST /api/v1/contracts/{id}/approve',
      'GET /api/v1/contracts/{id}/sov',
      'PUT /api/v1/contracts/{id}/sov',
      'GET /api/v1/contracts/{id}/groups',
      'POST /api/v1/contracts/{id}/groups',
      'PATCH /api/v1/contracts/{id}/groups/{groupId}',
      'DELETE /api/v1/contracts/{id}/groups/{groupId}',
      'POST /api/v1/contracts/{id}/change-orders',
      'POST /api/v1/change-orders/{id}/approve',
      'GET /api/v1/projects/{id}/billing-periods',
      'POST /api/v1/projects/{id}/billing-periods',
      'GET /api/v1/contracts/{id}/invoices',
      'POST /api/v1/contracts/{id}/invoices',
      'GET /api/v1/invoices/{id}',
      'PATCH /api/v1/invoices/{id}/lines',
      'POST /api/v1/invoices/{id}/status',
      'GET /api/v1/invoices/{id}/pending-change-orders',
      'POST /api/v1/invoices/{id}/change-orders',
      'GET /api/v1/invoices/{id}/history',
    ])
      expect(ops, op).toContain(op);
    const patch = r.body.paths['/api/v1/invoices/{id}/lines'].patch;
    expect(patch.parameters.map((p: { name: string }) => p.name.toLowerCase())).toEqual(['id', 'if-match']);
    expect(patch.requestBody.content['application/json'].schema.properties.edits.type).toBe('array');
  });

  it('answers unknown routes with the error envelope', async () => {
    const r = await api(null, 'GET', '/api/v1/nope');
    expect(r.status).toBe(401); // the API requires a token before routing further
    const page = await api(null, 'GET', '/no-such-page');
    expect(page.status).toBe(404);
    expect(page.body.error.code).toBe('NOT_FOUND');
  });
});

describe('demo data (what npm start seeds)', () => {
  it('seeds the project, prints working tokens per role, and is idempotent', async () => {
    const demo = await seedDemo(env);
    expect(demo.alreadySeeded).toBe(false);
    if (demo.alreadySeeded) return;
    // through the typed client's route declarations: no path or response type written here
    const me = await call(200, demo.tokens.admin, projects.getMe, {});
    expect(me.user.name).toBe('Ana Ruiz');
    const contracts_ = await call(200, demo.tokens.admin, projects.listContracts, { param: { id: demo.projectId } });
    const prime = contracts_.contracts.find((c) => c.kind === 'prime')!;
    expect(prime).toMatchObject({ lineCount: 64, workRetainageBps: 1000, accountingMethod: 'amount' });
    const sov = await call(200, demo.tokens.admin, contracts.getSov, { param: { id: prime.id } });
    expect(sov.groups.length).toBe(19);
    const list = await call(200, demo.tokens.admin, contracts.listInvoices, { param: { id: prime.id } });
    expect(list.invoices.map((i) => `${i.number}:${i.status}`)).toEqual(['1:approved', '2:approved', '3:draft']);
    const inv3 = await call(200, demo.tokens.admin, invoices.getInvoice, { param: { id: demo.invoiceIds[3] } });
    expect(inv3.invoice).toMatchObject({ isEditable: true, pendingChangeOrderCount: 1 });
    expect(inv3.g702.line7PreviousCertificatesCents).toBe(list.invoices[1].line6FrozenCents);
    expect(inv3.g702.line9BalanceToFinishInclRetainageCents).toBe(inv3.totals.balanceToFinishCents + inv3.totals.retainageCents);
    const commitment = contracts_.contracts.find((c) => c.kind === 'commitment')!;
    expect(commitment.accountingMethod).toBe('unit');
    // a Texas private job: the owner contract holds Texas's 10%, so no deadline warns; waivers use the Texas forms,
    // and invoice 2 (approved) offers its conditional progress waiver for its line 8
    expect(prime.deadlines).toEqual([]);
    const waivers = await ok(200, demo.tokens.admin, 'GET', `/api/v1/invoices/${demo.invoiceIds[2]}/lien-waivers`);
    expect(waivers.form).toBe('us-tx');
    const inv2 = await call(200, demo.tokens.admin, invoices.getInvoice, { param: { id: demo.invoiceIds[2] } });
    expect(waivers.available.find((a: { type: string }) => a.type === 'conditional_progress')).toMatchObject({
      amountCents: inv2.g702.line8CurrentPaymentDueCents,
      reason: null,
    });
    const asSub = await call(200, demo.tokens.subcontractorContact, projects.listContracts, { param: { id: demo.projectId } });
    expect(asSub.contracts.map((c) => c.id)).toEqual([commitment.id]);
    expect((await api(demo.tokens.outsider, 'GET', `/api/v1/invoices/${demo.invoiceIds[3]}`)).status).toBe(404);
    expect((await api(demo.tokens.readOnly, 'GET', `/api/v1/invoices/${demo.invoiceIds[3]}`)).body.invoice.notEditableReason).toContain('Read-only access');

    const again = await seedDemo(env);
    expect(again).toMatchObject({ alreadySeeded: true, projectId: demo.projectId });
    expect((await api(again.tokens.admin, 'GET', '/api/v1/me')).status).toBe(200);
  });
});

describe('CORS for the sideloaded task pane', () => {
  it('allows listed origins with the headers the add-in sends, and no others', async () => {
    const pre = await api(null, 'OPTIONS', '/api/v1/me', undefined, {
      origin: 'https://localhost:3000',
      'access-control-request-method': 'PATCH',
      'access-control-request-headers': 'authorization,if-match',
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    const evil = await api(null, 'OPTIONS', '/api/v1/me', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'GET' });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('project directory (email suggestions)', () => {
  it('lists members and the invoice contacts of visible contracts, to members only', async () => {
    const demo = await seedDemo(env);
    const dir = await ok(200, demo.tokens.admin, 'GET', `/api/v1/projects/${demo.projectId}/directory`);
    const maria = dir.people.find((p: { email: string }) => p.email === 'maria.gomez@owner-example.com');
    expect(maria).toMatchObject({ name: 'María Gómez', companyName: 'Harbor Point Holdings LLC', isMember: false });
    expect(maria.invoiceContactOf[0]).toContain('Prime Contract');
    // the owner's company is the one the demo prime contract names as counterparty (the pane offers it)
    const { contracts } = await ok(200, demo.tokens.admin, 'GET', `/api/v1/projects/${demo.projectId}/contracts`);
    expect(maria.companyId).toBe(contracts.find((c: { kind: string }) => c.kind === 'prime').counterpartyCompanyId);
    expect(dir.people.some((p: { email: string }) => p.email === 'ben.carter@gc-example.com')).toBe(true);
    expect((await api(demo.tokens.ownerContact, 'GET', `/api/v1/projects/${demo.projectId}/directory`)).status).toBe(403);
    expect((await api(demo.tokens.outsider, 'GET', `/api/v1/projects/${demo.projectId}/directory`)).status).toBe(404);
  });
});
