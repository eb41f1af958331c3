import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, signingKeys } from '../src/db/schema';
import type { Env } from '../src/env';
import { uploadAttachment } from '../src/services/attachments/upload-attachment';
import { sendInvoiceEmail } from '../src/services/emails/send-invoice-email';
import { signPath } from '../src/services/pdf/signed-links';
import { buildReadyInvoice } from './email-builders';
import { serviceCtx } from './email-support';
import { api, db, joinByInvitation, ok, seedUser } from './helpers';

// docs/security-rules.md: the low findings and the "also seen" items of the attack report.

const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: { code?: string; status?: number }) => err.code ?? 'thrown',
  );
const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n');

describe('levels and visibility', () => {
  it('/projects and /me show an invoice contact none/none, never another member’s levels', async () => {
    const b = await buildReadyInvoice();
    const colleague = await seedUser({ name: 'Contact', companyId: b.admin.companyId }); // same company: no invitation needed
    await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { invoiceContactUserIds: [colleague.id] });
    const mine = (await ok(200, colleague.token, 'GET', '/api/v1/projects')).projects.find((p: any) => p.id === b.projectId);
    expect(mine.permissions).toEqual({ primeContracts: 'none', commitments: 'none' });
    const me = (await ok(200, colleague.token, 'GET', '/api/v1/me')).projects.find((p: any) => p.id === b.projectId);
    expect(me.permissions).toEqual({ primeContracts: 'none', commitments: 'none' });
  });

  it('a direct cost of a private contract is not shown to a read-only member who cannot see the contract, its amount neither', async () => {
    const b = await buildReadyInvoice();
    const reader = await seedUser({ name: 'Reader', companyId: b.admin.companyId });
    await ok(201, b.admin.token, 'POST', `/api/v1/projects/${b.projectId}/members`, {
      userId: reader.id,
      primeContracts: 'read_only',
      commitments: 'read_only',
    });
    const secret = await ok(201, b.admin.token, 'POST', `/api/v1/projects/${b.projectId}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'Secret',
      isPrivate: true,
    });
    const costs = `/api/v1/projects/${b.projectId}/direct-costs`;
    await ok(201, b.admin.token, 'POST', costs, { amountCents: 123_456, incurredOn: '2026-08-10', vendor: 'Secret Vendor LLC', contractId: secret.id });
    await ok(201, b.admin.token, 'POST', costs, { amountCents: 1_000, incurredOn: '2026-08-11', vendor: 'Lumber' });
    const seen = await ok(200, reader.token, 'GET', costs);
    expect(seen.directCosts.map((c: any) => c.vendor)).toEqual(['Lumber']);
    expect(seen.totalCents).toBe(1_000);
    expect((await ok(200, b.admin.token, 'GET', costs)).totalCents).toBe(124_456);
  });

  it('a file linked to nothing is for members with read access: level-none members and invoice contacts get 404', async () => {
    const b = await buildReadyInvoice();
    const none = await seedUser({ name: 'None', companyId: b.admin.companyId });
    const reader = await seedUser({ name: 'Reader', companyId: b.admin.companyId });
    await ok(201, b.admin.token, 'POST', `/api/v1/projects/${b.projectId}/members`, { userId: none.id, primeContracts: 'none', commitments: 'none' });
    await ok(201, b.admin.token, 'POST', `/api/v1/projects/${b.projectId}/members`, { userId: reader.id, primeContracts: 'read_only', commitments: 'none' });
    const file = await uploadAttachment({
      ctx: await serviceCtx(b.admin.id),
      input: { projectId: b.projectId, fileName: 'receipt.pdf', contentType: 'application/pdf', bytes: pdf },
    });
    const get = (token: string) => api(token, 'GET', `/api/v1/attachments/${file.id}/content`);
    expect((await get(reader.token)).status).toBe(200);
    expect((await get(none.token)).status).toBe(404);
  });
});

describe('input', () => {
  it('an unpaired UTF-16 surrogate is refused with 422 naming the field, and nothing is stored (no 500)', async () => {
    const b = await buildReadyInvoice();
    for (let i = 0; i < 2; i++) {
      const r = await api(b.admin.token, 'POST', `/api/v1/contracts/${b.contractId}/groups`, { name: '\ud83d' });
      expect(r.status).toBe(422);
      expect(r.body.error.details).toEqual([{ field: 'name', code: 'INVALID_UNICODE', message: 'name: unpaired UTF-16 surrogate' }]);
    }
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/contracts/${b.contractId}/groups`)).groups).toEqual([]);
    // a whole emoji (a surrogate pair) is fine
    expect((await api(b.admin.token, 'POST', `/api/v1/contracts/${b.contractId}/groups`, { name: 'Fachada 🏗' })).status).toBe(201);
  });
});

describe('API tokens', () => {
  it('expire, are listed without the secret, and can be revoked through the API (then 401)', async () => {
    const user = await seedUser();
    const made = await ok(201, user.token, 'POST', '/api/v1/auth/tokens', { label: 'export script', expiresInDays: 30 });
    expect(made.token).toMatch(/^pb_/);
    const days = (Date.parse(made.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await api(user.token, 'POST', '/api/v1/auth/tokens', { label: 'forever', expiresInDays: 366 })).status).toBe(422);
    expect((await ok(200, made.token, 'GET', '/api/v1/me')).user.id).toBe(user.id);
    const listed = await ok(200, user.token, 'GET', '/api/v1/auth/tokens');
    expect(listed.tokens).toContainEqual({ id: made.id, label: 'export script', createdAt: made.createdAt, expiresAt: made.expiresAt });
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const stranger = await seedUser();
    expect((await api(stranger.token, 'DELETE', `/api/v1/auth/tokens/${made.id}`)).status).toBe(404);
    await ok(200, user.token, 'DELETE', `/api/v1/auth/tokens/${made.id}`);
    expect((await api(made.token, 'GET', '/api/v1/me')).status).toBe(401);
    expect((await api(user.token, 'DELETE', `/api/v1/auth/tokens/${made.id}`)).status).toBe(404);
  });
});

describe('mail and deployment', () => {
  it("a company's recipients per 24 hours are limited, single sends and batches alike (429 before anything is queued)", async () => {
    const b = await buildReadyInvoice();
    const ctx = await serviceCtx(b.admin.id, { MAIL_DAILY_RECIPIENTS_PER_COMPANY: '3' });
    const send = (to: string[]) =>
      sendInvoiceEmail({ ctx, input: { invoiceId: b.invoiceId, body: { to: to.map((email) => ({ email })), message: 'hi', attachmentIds: [] } as never } });
    await send(['a@owner.example']); // + the sender on CC: 2 of 3
    expect(await refusal(send(['b@owner.example']))).toBe('RATE_LIMITED'); // 2 more would make 4
    const mails = await db().select().from(emailMessages).where(eq(emailMessages.sentBy, b.admin.id));
    expect(mails).toHaveLength(1);
  });

  it('without POSTMARK_SERVER_TOKEN (and not in development) mail is refused, never recorded as sent', async () => {
    const b = await buildReadyInvoice();
    const ctx = await serviceCtx(b.admin.id, { LOCAL_OUTBOX: undefined, DEV_MODE: undefined, POSTMARK_SERVER_TOKEN: undefined });
    const r = await refusal(
      sendInvoiceEmail({ ctx, input: { invoiceId: b.invoiceId, body: { to: [{ email: 'a@owner.example' }], message: 'hi', attachmentIds: [] } as never } }),
    );
    expect(r).toBe('NOT_CONFIGURED');
    expect(await db().select().from(emailMessages).where(eq(emailMessages.sentBy, b.admin.id))).toEqual([]);
  });

  it('without DOWNLOAD_SIGNING_KEY (and not in development) links are not signed and no key is kept in D1', async () => {
    const noKey = { ...(env as unknown as Env), DOWNLOAD_SIGNING_KEY: undefined, DEV_MODE: undefined, DB: env.DB };
    // a fresh binding object: the key cache is per D1 binding
    const d1 = Object.create(env.DB) as typeof env.DB;
    expect(await refusal(signPath({ ...noKey, DB: d1 }, '/api/v1/invoices/x/pdf', 'usr_x'))).toBe('NOT_CONFIGURED');
    expect(await db().select().from(signingKeys)).toEqual([]);
  });

  it("an invoice contact's uploads into the GC's project have a quota (413 past it)", async () => {
    const b = await buildReadyInvoice();
    const contact = await seedUser({ name: 'Luc' });
    await joinByInvitation(b.admin.token, b.projectId, contact);
    await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { invoiceContactUserIds: [contact.id] });
    const ctx = await serviceCtx(contact.id, { CONTACT_UPLOAD_QUOTA_BYTES: String(pdf.length * 2) });
    const up = () => uploadAttachment({ ctx, input: { projectId: b.projectId, fileName: 'inv.pdf', contentType: 'application/pdf', bytes: pdf } });
    await up();
    await up();
    expect(await refusal(up())).toBe('PAYLOAD_TOO_LARGE');
    // members are not held to it
    const adminCtx = await serviceCtx(b.admin.id, { CONTACT_UPLOAD_QUOTA_BYTES: String(pdf.length) });
    for (let i = 0; i < 3; i++)
      await uploadAttachment({ ctx: adminCtx, input: { projectId: b.projectId, fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdf } });
  });
});
