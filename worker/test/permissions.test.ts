import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinByInvitation, ok, seedCompany, seedUser } from './helpers';

// docs/domain.md "Permissions": every route × (admin, standard, read-only, none, invoice contact,
// private-list member, outsider). 404 for what a user may not see, 403 for what they may see but
// not do. Mutating rows run admin LAST, so every refusal is also shown to have changed nothing
// (the admin's request then succeeds against the untouched state).
// The invoice contact is the owner's (prime contracts): it joined by invitation (none/none) and sees
// an invoice once it is submitted, never drafts or the edit history (docs/security-rules.md). Every
// invoice-scoped read is listed for a public and a private contract, so a verb that checks project
// access instead of contract access fails here (readOnly/standard would get 200 on the private one).

const roles = ['standard', 'readOnly', 'none', 'invoiceContact', 'privateListMember', 'outsider', 'admin'] as const;
type Role = (typeof roles)[number];
type Expect = Record<Role, number>;

const t: Record<Role, string> = {} as never;
const ids: Record<string, string> = {};

const see = (admin: number, others: Partial<Expect> = {}): Expect => ({
  admin,
  standard: 200,
  readOnly: 200,
  none: 404,
  invoiceContact: 200,
  privateListMember: 200,
  outsider: 404,
  ...others,
});
const adminOnly = (admin: number, others: Partial<Expect> = {}): Expect => ({
  admin,
  standard: 403,
  readOnly: 403,
  none: 404,
  invoiceContact: 403,
  privateListMember: 403,
  outsider: 404,
  ...others,
});
const privateSee = (admin: number, others: Partial<Expect> = {}): Expect => ({
  admin,
  standard: 404,
  readOnly: 404,
  none: 404,
  invoiceContact: 200,
  privateListMember: 200,
  outsider: 404,
  ...others,
});

type Row = { name: string; method: string; path: () => string; body?: () => unknown; headers?: () => Promise<Record<string, string>>; expect: Expect };

async function version(invoiceKey: string) {
  const v = await ok(200, t.admin, 'GET', `/api/v1/invoices/${ids[invoiceKey]}`);
  return { 'if-match': String(v.invoice.version) };
}

beforeAll(async () => {
  const gc = await seedCompany('GC');
  const owner = await seedCompany('Owner');
  const people: Partial<Record<Role, { token: string; email: string }>> = {};
  for (const role of roles) {
    people[role] = await seedUser({ name: role, companyId: role === 'invoiceContact' || role === 'outsider' ? owner : gc });
    t[role] = people[role]!.token;
  }
  const me = async (role: Role) => (await ok(200, t[role], 'GET', '/api/v1/me')).user.id as string;
  const userIds = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await me(r)] as const))) as Record<Role, string>;
  const project = await ok(201, t.admin, 'POST', '/api/v1/projects', { name: 'Matrix' });
  ids.project = project.id;
  const levels = { standard: 'standard', readOnly: 'read_only', none: 'none', privateListMember: 'read_only' } as const;
  for (const [role, level] of Object.entries(levels)) {
    await ok(201, t.admin, 'POST', `/api/v1/projects/${project.id}/members`, { userId: userIds[role as Role], primeContracts: level, commitments: level });
  }
  await joinByInvitation(t.admin, project.id, people.invoiceContact!);
  const contract = (body: object) =>
    ok(201, t.admin, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'C',
      workRetainageBps: 1000,
      invoiceContactUserIds: [userIds.invoiceContact],
      ...body,
    });
  const sov = {
    lines: [
      { itemNo: '1', description: 'Work', scheduledValueCents: 1_000_000 },
      { itemNo: '2', description: 'More', scheduledValueCents: 500_000 },
    ],
  };
  const pub = await contract({});
  const priv = await contract({ isPrivate: true, privateUserIds: [userIds.privateListMember] });
  const pubSub = await contract({});
  const privSub = await contract({ isPrivate: true, privateUserIds: [userIds.privateListMember] });
  ids.draft = (await contract({})).id;
  ids.draftSov = (await contract({})).id;
  for (const c of [pub, priv, pubSub, privSub]) {
    await ok(200, t.admin, 'PUT', `/api/v1/contracts/${c.id}/sov`, sov);
    await ok(200, t.admin, 'POST', `/api/v1/contracts/${c.id}/approve`);
  }
  await ok(200, t.admin, 'PUT', `/api/v1/contracts/${ids.draft}/sov`, sov);
  ids.pub = pub.id;
  ids.priv = priv.id;
  const periods = await ok(201, t.admin, 'POST', `/api/v1/projects/${project.id}/billing-periods`, { schedule: 'monthly', start: '2026-01-01', count: 3 });
  ids.period1 = periods.billingPeriods[0].id;
  ids.period2 = periods.billingPeriods[1].id;
  for (const [key, c] of [
    ['pubInvoice', pub],
    ['privInvoice', priv],
    ['pubSub', pubSub],
    ['privSub', privSub],
  ] as const) {
    ids[key] = (await ok(201, t.admin, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: ids.period1 })).invoice.id;
  }
  ids.privContract = priv.id;
  // submitted: what the owner's contact may see
  for (const key of ['pubSub', 'privSub']) await ok(200, t.admin, 'POST', `/api/v1/invoices/${ids[key]}/status`, { status: 'under_review' });
  const co = await ok(201, t.admin, 'POST', `/api/v1/contracts/${pub.id}/change-orders`, { title: 'CO', lines: [{ itemNo: '1', amountCents: 1000 }] });
  ids.co = co.id;
  ids.co2 = (await ok(201, t.admin, 'POST', `/api/v1/contracts/${pub.id}/change-orders`, { title: 'CO2', lines: [{ itemNo: '2', amountCents: 500 }] })).id;
  await ok(200, t.admin, 'POST', `/api/v1/change-orders/${ids.co2}/approve`, { approvedOn: '2026-01-10' });
  ids.group = (await ok(201, t.admin, 'POST', `/api/v1/contracts/${pub.id}/groups`, { name: 'G' })).id;
});

const rows: Row[] = [
  { name: 'GET /me', method: 'GET', path: () => '/api/v1/me', expect: { ...see(200), none: 200, outsider: 200 } },
  { name: 'GET /projects', method: 'GET', path: () => '/api/v1/projects', expect: { ...see(200), none: 200, outsider: 200 } },
  { name: 'GET /projects/:id', method: 'GET', path: () => `/api/v1/projects/${ids.project}`, expect: { ...see(200), none: 200 } },
  {
    name: 'POST /projects/:id/members',
    method: 'POST',
    path: () => `/api/v1/projects/${ids.project}/members`,
    body: () => ({ email: 'nobody@example.com', primeContracts: 'none', commitments: 'none' }),
    expect: { ...adminOnly(202), none: 403 },
  },
  { name: 'GET /projects/:id/contracts', method: 'GET', path: () => `/api/v1/projects/${ids.project}/contracts`, expect: { ...see(200), none: 200 } },
  {
    name: 'POST /projects/:id/contracts',
    method: 'POST',
    path: () => `/api/v1/projects/${ids.project}/contracts`,
    body: () => ({ kind: 'prime', accountingMethod: 'amount', title: 'New' }),
    expect: { ...adminOnly(201), none: 403 },
  },
  {
    name: 'GET /projects/:id/billing-periods',
    method: 'GET',
    path: () => `/api/v1/projects/${ids.project}/billing-periods`,
    expect: { ...see(200), none: 200 },
  },
  {
    name: 'POST /projects/:id/billing-periods',
    method: 'POST',
    path: () => `/api/v1/projects/${ids.project}/billing-periods`,
    body: () => ({ schedule: 'manual', start: '2027-01-01', end: '2027-01-31', due: '2027-02-10' }),
    expect: { ...adminOnly(201), none: 403 },
  },
  { name: 'GET /contracts/:id', method: 'GET', path: () => `/api/v1/contracts/${ids.pub}`, expect: see(200) },
  { name: 'GET /contracts/:private', method: 'GET', path: () => `/api/v1/contracts/${ids.priv}`, expect: privateSee(200) },
  { name: 'PATCH /contracts/:id', method: 'PATCH', path: () => `/api/v1/contracts/${ids.pub}`, body: () => ({ architect: 'A' }), expect: adminOnly(200) },
  {
    name: 'PATCH /contracts/:private',
    method: 'PATCH',
    path: () => `/api/v1/contracts/${ids.priv}`,
    body: () => ({ architect: 'A' }),
    expect: { ...privateSee(200), invoiceContact: 403, privateListMember: 403 },
  },
  { name: 'GET /contracts/:id/sov', method: 'GET', path: () => `/api/v1/contracts/${ids.pub}/sov`, expect: see(200) },
  { name: 'GET /contracts/:private/sov', method: 'GET', path: () => `/api/v1/contracts/${ids.priv}/sov`, expect: privateSee(200) },
  {
    name: 'PUT /contracts/:draft/sov',
    method: 'PUT',
    path: () => `/api/v1/contracts/${ids.draftSov}/sov`,
    body: () => ({ lines: [{ itemNo: '1', description: 'X', scheduledValueCents: 100 }] }),
    expect: adminOnly(200),
  },
  { name: 'POST /contracts/:draft/approve', method: 'POST', path: () => `/api/v1/contracts/${ids.draft}/approve`, expect: adminOnly(200) },
  { name: 'GET /contracts/:id/groups', method: 'GET', path: () => `/api/v1/contracts/${ids.pub}/groups`, expect: see(200) },
  {
    name: 'POST /contracts/:id/groups',
    method: 'POST',
    path: () => `/api/v1/contracts/${ids.pub}/groups`,
    body: () => ({ name: 'New group' }),
    expect: adminOnly(201),
  },
  {
    name: 'PATCH /contracts/:id/groups/:g',
    method: 'PATCH',
    path: () => `/api/v1/contracts/${ids.pub}/groups/${ids.group}`,
    body: () => ({ name: 'Renamed' }),
    expect: adminOnly(200),
  },
  { name: 'DELETE /contracts/:id/groups/:g', method: 'DELETE', path: () => `/api/v1/contracts/${ids.pub}/groups/${ids.group}`, expect: adminOnly(200) },
  {
    name: 'POST /contracts/:id/change-orders',
    method: 'POST',
    path: () => `/api/v1/contracts/${ids.pub}/change-orders`,
    body: () => ({ title: 'X', lines: [{ itemNo: '1', amountCents: 1 }] }),
    expect: adminOnly(201),
  },
  { name: 'GET /contracts/:id/change-orders', method: 'GET', path: () => `/api/v1/contracts/${ids.pub}/change-orders`, expect: see(200) },
  {
    name: 'POST /change-orders/:id/approve',
    method: 'POST',
    path: () => `/api/v1/change-orders/${ids.co}/approve`,
    body: () => ({ approvedOn: '2026-01-20' }),
    expect: adminOnly(200),
  },
  { name: 'GET /contracts/:id/invoices', method: 'GET', path: () => `/api/v1/contracts/${ids.pub}/invoices`, expect: see(200) },
  // drafts: the owner's contact does not see them (404), whatever the route
  { name: 'GET /invoices/:draft', method: 'GET', path: () => `/api/v1/invoices/${ids.pubInvoice}`, expect: { ...see(200), invoiceContact: 404 } },
  {
    name: 'GET /invoices/:private draft',
    method: 'GET',
    path: () => `/api/v1/invoices/${ids.privInvoice}`,
    expect: { ...privateSee(200), invoiceContact: 404 },
  },
  {
    name: 'GET /invoices/:draft/history',
    method: 'GET',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/history`,
    expect: { ...see(200), invoiceContact: 404 },
  },
  {
    name: 'GET /invoices/:draft/pending-change-orders',
    method: 'GET',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/pending-change-orders`,
    expect: { ...see(200), invoiceContact: 404 },
  },
  { name: 'GET /invoices/:draft/emails', method: 'GET', path: () => `/api/v1/invoices/${ids.pubInvoice}/emails`, expect: { ...see(200), invoiceContact: 404 } },
  {
    name: 'GET /invoices/:draft/attachments',
    method: 'GET',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/attachments`,
    expect: { ...see(200), invoiceContact: 404 },
  },
  { name: 'GET /invoices/:draft/pdf', method: 'GET', path: () => `/api/v1/invoices/${ids.pubInvoice}/pdf`, expect: { ...see(200), invoiceContact: 404 } },
  // submitted invoices of a public and a private contract: every invoice-scoped read
  ...(['pubSub', 'privSub'] as const).flatMap((key) => {
    const seeIt = (admin: number, others: Partial<Expect> = {}) => (key === 'pubSub' ? see(admin, others) : privateSee(admin, others));
    const label = key === 'pubSub' ? ':submitted' : ':private submitted';
    const inv = () => `/api/v1/invoices/${ids[key]}`;
    return [
      { name: `GET /invoices/${label}`, method: 'GET', path: inv, expect: seeIt(200) },
      { name: `GET /invoices/${label}/history`, method: 'GET', path: () => `${inv()}/history`, expect: seeIt(200, { invoiceContact: 403 }) },
      { name: `GET /invoices/${label}/pending-change-orders`, method: 'GET', path: () => `${inv()}/pending-change-orders`, expect: seeIt(200) },
      { name: `GET /invoices/${label}/emails`, method: 'GET', path: () => `${inv()}/emails`, expect: seeIt(200) },
      { name: `GET /invoices/${label}/attachments`, method: 'GET', path: () => `${inv()}/attachments`, expect: seeIt(200) },
      { name: `GET /invoices/${label}/pdf`, method: 'GET', path: () => `${inv()}/pdf`, expect: seeIt(200) },
      { name: `POST /invoices/${label}/pdf-link`, method: 'POST', path: () => `${inv()}/pdf-link`, expect: seeIt(200) },
      {
        name: `POST /invoices/${label}/emails`,
        method: 'POST',
        path: () => `${inv()}/emails`,
        body: () => ({ to: [{ email: 'cfo@owner.example' }], message: 'hi' }),
        expect: { ...seeIt(201), standard: key === 'pubSub' ? 403 : 404, readOnly: key === 'pubSub' ? 403 : 404, invoiceContact: 403, privateListMember: 403 },
      },
      {
        name: `POST /invoices/${label}/attachments`,
        method: 'POST',
        path: () => `${inv()}/attachments`,
        body: () => ({ attachmentIds: ['att_nope'] }),
        expect: { ...seeIt(422), standard: key === 'pubSub' ? 403 : 404, readOnly: key === 'pubSub' ? 403 : 404, invoiceContact: 403, privateListMember: 403 },
      },
    ] satisfies Row[];
  }),
  { name: 'GET /contracts/:private/invoices', method: 'GET', path: () => `/api/v1/contracts/${ids.privContract}/invoices`, expect: privateSee(200) },
  { name: 'GET /contracts/:private/change-orders', method: 'GET', path: () => `/api/v1/contracts/${ids.privContract}/change-orders`, expect: privateSee(200) },
  { name: 'GET /contracts/:private/groups', method: 'GET', path: () => `/api/v1/contracts/${ids.privContract}/groups`, expect: privateSee(200) },
  {
    name: 'GET /projects/:id/directory',
    method: 'GET',
    path: () => `/api/v1/projects/${ids.project}/directory`,
    expect: { ...see(200), none: 200, invoiceContact: 403 },
  },
  {
    name: 'GET /projects/:id/unmatched-emails',
    method: 'GET',
    path: () => `/api/v1/projects/${ids.project}/unmatched-emails`,
    expect: { ...adminOnly(200), none: 403 },
  },
  {
    name: 'GET /projects/:id/direct-costs',
    method: 'GET',
    path: () => `/api/v1/projects/${ids.project}/direct-costs`,
    expect: { ...see(200), none: 403, invoiceContact: 403 },
  },
  {
    name: 'GET /projects/:id/send-batches',
    method: 'GET',
    path: () => `/api/v1/projects/${ids.project}/send-batches`,
    expect: { ...adminOnly(200), none: 403 },
  },
  {
    name: 'PATCH /invoices/:draft/lines',
    method: 'PATCH',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/lines`,
    body: () => ({ edits: [{ itemNo: '1', workCompletedThisPeriod: 100 }] }),
    headers: () => version('pubInvoice'),
    expect: { ...adminOnly(200), invoiceContact: 404 },
  },
  {
    name: 'PATCH /invoices/:draft (general information)',
    method: 'PATCH',
    path: () => `/api/v1/invoices/${ids.pubInvoice}`,
    body: () => ({ projectNumber: 'M-1' }),
    headers: () => version('pubInvoice'),
    expect: { ...adminOnly(200), invoiceContact: 404 },
  },
  {
    name: 'PATCH /invoices/:private draft/lines',
    method: 'PATCH',
    path: () => `/api/v1/invoices/${ids.privInvoice}/lines`,
    body: () => ({ edits: [{ itemNo: '1', workCompletedThisPeriod: 100 }] }),
    headers: () => version('privInvoice'),
    expect: { ...privateSee(200), invoiceContact: 404, privateListMember: 403 },
  },
  {
    name: 'POST /invoices/:draft/change-orders',
    method: 'POST',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/change-orders`,
    body: () => ({ changeOrderIds: [ids.co2] }),
    expect: { ...adminOnly(200), invoiceContact: 404 },
  },
  {
    name: 'POST /invoices/:draft/status',
    method: 'POST',
    path: () => `/api/v1/invoices/${ids.pubInvoice}/status`,
    body: () => ({ status: 'under_review' }),
    expect: { ...adminOnly(200), invoiceContact: 404 },
  },
  {
    name: 'POST /contracts/:id/invoices',
    method: 'POST',
    path: () => `/api/v1/contracts/${ids.pub}/invoices`,
    body: () => ({ billingPeriodId: ids.period2 }),
    expect: adminOnly(201),
  },
];

describe('permission matrix: route × role', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const got: Partial<Expect> = {};
      for (const role of roles) {
        const r = await api(t[role], row.method, row.path(), row.body?.(), await row.headers?.());
        got[role] = r.status;
      }
      expect(got).toEqual(row.expect);
    });
  }

  it('lists only the contracts a user may see', async () => {
    const count = async (role: Role) => (await ok(200, t[role], 'GET', `/api/v1/projects/${ids.project}/contracts`)).contracts.length;
    const all = await count('admin');
    expect(await count('standard')).toBe(all - 2); // not the two private ones
    expect(await count('privateListMember')).toBe(all);
    expect(await count('none')).toBe(0);
    expect(await count('invoiceContact')).toBe(6); // contact on every contract created with the helper
  });

  it('refuses a request without a valid token with 401 in the error envelope', async () => {
    for (const token of [null, 'pb_not_a_real_token']) {
      const r = await api(token, 'GET', '/api/v1/me');
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: [] });
      expect(r.body.error.requestId).toBeTruthy();
    }
  });
});
