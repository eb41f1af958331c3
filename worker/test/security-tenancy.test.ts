import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/postmark-inbound-reply.json';
import { emailMessages, inboundReceipts, sovLines } from '../src/db/schema';
import { buildReadyInvoice, type ReadyInvoice } from './email-builders';
import { fixtureWithToken, postWebhook, spfPass, waitFor } from './email-support';
import { api, db, joinByInvitation, ok, seedCompany, seedUser } from './helpers';

// docs/security-rules.md: findings of the attack on the running product (tenant isolation).

const processed = (postmarkId: string) =>
  waitFor(`receipt of ${postmarkId} processed`, async () => {
    const [r] = await db().select().from(inboundReceipts).where(eq(inboundReceipts.providerMessageId, postmarkId));
    return r && r.status !== 'received' ? r : undefined;
  });

/** A reply that lost its thread token (no reply address, no In-Reply-To), authenticated by SPF unless told otherwise. */
async function untiedReply(from: string, opts: { authenticated?: boolean; text?: string } = {}) {
  const payload = fixtureWithToken(fixture, 'abababababababababababababababab', {
    MessageID: crypto.randomUUID(),
    From: from,
    FromFull: { Email: from, Name: 'María Gómez', MailboxHash: '' },
    Headers: opts.authenticated === false ? [] : [spfPass(from)],
    CcFull: [],
    ...(opts.text ? { StrippedTextReply: opts.text, TextBody: opts.text } : {}),
  });
  await postWebhook('/webhooks/postmark/inbound', payload);
  await processed(payload.MessageID);
  return payload.MessageID;
}

const listed = async (token: string, projectId: string, postmarkId: string) =>
  (await ok(200, token, 'GET', `/api/v1/projects/${projectId}/unmatched-emails`)).messages.find((m: any) => m.providerMessageId === postmarkId);

async function threadOn(b: ReadyInvoice, to: string) {
  return (await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoiceId}/emails`, { to: [{ email: to }], message: 'Invoice' })).thread.id as string;
}

describe('unmatched replies stay with the project the sender is tied to', () => {
  it("an outsider who mails the owner's contact and names her in its own project neither sees nor takes her reply", async () => {
    const maria = await seedUser({ name: 'María', email: `maria.${crypto.randomUUID().slice(0, 8)}@owner.example`, companyId: await seedCompany('Owner') });
    const gc = await buildReadyInvoice();
    await joinByInvitation(gc.admin.token, gc.projectId, maria);
    await ok(200, gc.admin.token, 'PATCH', `/api/v1/contracts/${gc.contractId}`, { invoiceContactUserIds: [maria.id] });
    // the attacker: its own company and project, mails María from it and invites her (she never accepts)
    const trap = await buildReadyInvoice({ adminName: 'Olivia' });
    const trapThread = await threadOn(trap, maria.email);
    expect(
      (await api(trap.admin.token, 'POST', `/api/v1/projects/${trap.projectId}/members`, { email: maria.email, primeContracts: 'none', commitments: 'none' }))
        .status,
    ).toBe(202);
    const named = await api(trap.admin.token, 'PATCH', `/api/v1/contracts/${trap.contractId}`, { invoiceContactUserIds: [maria.id] });
    expect(named.status).toBe(422);

    const id = await untiedReply(maria.email, { text: 'Approved. Wire scheduled; bank acct 12345678' });
    const inGc = await listed(gc.admin.token, gc.projectId, id);
    expect(inGc).toMatchObject({ matchedBy: ['sender_is_invoice_contact'], senderAuth: { verdict: 'pass' } });
    expect(await listed(trap.admin.token, trap.projectId, id)).toBeUndefined();
    const taken = await api(trap.admin.token, 'POST', `/api/v1/unmatched-emails/${inGc.id}/assign`, { threadId: trapThread });
    expect(taken.status).toBe(404);
    expect(await listed(gc.admin.token, gc.projectId, id)).toBeDefined();
  });

  it('a forged From (no SPF/DKIM of the sender) is listed nowhere and suggests no status', async () => {
    const gc = await buildReadyInvoice();
    const id = await untiedReply(gc.admin.email, { authenticated: false, text: 'Approved' });
    expect(await listed(gc.admin.token, gc.projectId, id)).toBeUndefined();
    const [row] = await db().select().from(emailMessages).where(eq(emailMessages.providerMessageId, id));
    expect(row).toMatchObject({ projectId: null, classification: 'approval', senderAuth: 'none' });
    expect(JSON.parse(row!.understanding!).suggestion).toBeNull(); // read as an approval, but never suggested
  });

  it('when the sender works with two companies, filing it in one leaves the other company its copy', async () => {
    const maria = await seedUser({ name: 'María', email: `maria.${crypto.randomUUID().slice(0, 8)}@owner.example`, companyId: await seedCompany('Owner') });
    const [one, two] = [await buildReadyInvoice(), await buildReadyInvoice()];
    for (const b of [one, two]) {
      await joinByInvitation(b.admin.token, b.projectId, maria);
      await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.contractId}`, { invoiceContactUserIds: [maria.id] });
    }
    const id = await untiedReply(maria.email);
    const inOne = await listed(one.admin.token, one.projectId, id);
    const inTwo = await listed(two.admin.token, two.projectId, id);
    expect(inOne.id).toBe(inTwo.id);
    const filed = await ok(200, two.admin.token, 'POST', `/api/v1/unmatched-emails/${inTwo.id}/assign`, { threadId: await threadOn(two, maria.email) });
    expect(filed.email.id).not.toBe(inOne.id);
    expect(filed.email.attachments[0].attachmentId).toMatch(/^att_/);
    expect(await listed(two.admin.token, two.projectId, id)).toBeUndefined();
    expect(await listed(one.admin.token, one.projectId, id)).toMatchObject({ id: inOne.id, threadId: null });
    // company two's copy of the file is company two's: company one's admin cannot read it
    expect((await api(one.admin.token, 'GET', `/api/v1/attachments/${filed.email.attachments[0].attachmentId}/content`)).status).toBe(404);
  });

  it("is shown only to admins of the tool the reply concerns (a Commitments admin does not read the owner's replies)", async () => {
    const maria = await seedUser({ name: 'María', email: `maria.${crypto.randomUUID().slice(0, 8)}@owner.example`, companyId: await seedCompany('Owner') });
    const gc = await buildReadyInvoice();
    await joinByInvitation(gc.admin.token, gc.projectId, maria);
    await ok(200, gc.admin.token, 'PATCH', `/api/v1/contracts/${gc.contractId}`, { invoiceContactUserIds: [maria.id] });
    const subsAdmin = await seedUser({ name: 'Ben', companyId: gc.admin.companyId });
    await ok(201, gc.admin.token, 'POST', `/api/v1/projects/${gc.projectId}/members`, { userId: subsAdmin.id, primeContracts: 'none', commitments: 'admin' });
    const id = await untiedReply(maria.email);
    expect(await listed(gc.admin.token, gc.projectId, id)).toBeDefined();
    expect(await listed(subsAdmin.token, gc.projectId, id)).toBeUndefined();
  });
});

describe('retainage terms are the contract admins’', () => {
  it("the subcontractor's invoice contact may not change retainage rates or release held retainage (403, nothing written)", async () => {
    const admin = await seedUser({ name: 'Admin' });
    const sub = await seedUser({ name: 'Luc' });
    const project = await ok(201, admin.token, 'POST', '/api/v1/projects', { name: 'P' });
    await joinByInvitation(admin.token, project.id, sub);
    const c = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'commitment',
      accountingMethod: 'amount',
      title: 'Steel',
      workRetainageBps: 1000,
      invoiceContactUserIds: [sub.id],
    });
    await ok(200, admin.token, 'PUT', `/api/v1/contracts/${c.id}/sov`, { lines: [{ itemNo: '1', description: 'Steel', scheduledValueCents: 1_000_000 }] });
    await ok(200, admin.token, 'POST', `/api/v1/contracts/${c.id}/approve`);
    const periods = await ok(201, admin.token, 'POST', `/api/v1/projects/${project.id}/billing-periods`, {
      schedule: 'monthly',
      start: '2026-01-01',
      count: 2,
    });
    const inv = await ok(201, sub.token, 'POST', `/api/v1/contracts/${c.id}/invoices`, { billingPeriodId: periods.billingPeriods[0].id });
    const v = inv.invoice.version;
    for (const edit of [{ workRetainageBpsOverride: 0 }, { storedRetainageBpsOverride: 0 }, { retainageReleased: 0 }]) {
      const r = await api(
        sub.token,
        'PATCH',
        `/api/v1/invoices/${inv.invoice.id}/lines`,
        { edits: [{ itemNo: '1', workCompletedThisPeriod: 5000, ...edit }] },
        { 'if-match': String(v) },
      );
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('needs admin permission on Commitments');
    }
    const [line] = await db().select().from(sovLines).where(eq(sovLines.contractId, c.id));
    expect(line).toMatchObject({ workRetainageBps: null, storedRetainageBps: null });
    expect((await ok(200, sub.token, 'GET', `/api/v1/invoices/${inv.invoice.id}`)).invoice.version).toBe(v);
    // billing its work stays the contact's; the admin may change the rate
    await ok(
      200,
      sub.token,
      'PATCH',
      `/api/v1/invoices/${inv.invoice.id}/lines`,
      { edits: [{ itemNo: '1', workCompletedThisPeriod: 5000 }] },
      { 'if-match': String(v) },
    );
    const byAdmin = await ok(
      200,
      admin.token,
      'PATCH',
      `/api/v1/invoices/${inv.invoice.id}/lines`,
      { edits: [{ itemNo: '1', workRetainageBpsOverride: 500 }] },
      { 'if-match': String(v + 1) },
    );
    expect(byAdmin.lines[0].workRetainageCents).toBe(25_000); // 5% of 5,000.00
  });
});

describe('membership by invitation', () => {
  it('adding by email answers the same whether or not the address has an account, and lists no one until accepted', async () => {
    const owner = await seedUser({ name: 'Olivia' });
    const project = await ok(201, owner.token, 'POST', '/api/v1/projects', { name: 'Trap' });
    const ana = await seedUser({ name: 'Ana Ruiz' });
    const add = (email: string) =>
      api(owner.token, 'POST', `/api/v1/projects/${project.id}/members`, { email, primeContracts: 'read_only', commitments: 'none' });
    const known = await add(ana.email);
    const unknown = await add(`nobody.${crypto.randomUUID().slice(0, 8)}@example.com`);
    expect([known.status, unknown.status]).toEqual([202, 202]);
    const shape = (b: any) => ({ ...b, invitation: { ...b.invitation, id: 'x', email: 'x' } });
    expect(shape(known.body)).toEqual(shape(unknown.body));
    const people = async () => (await ok(200, owner.token, 'GET', `/api/v1/projects/${project.id}/directory`)).people.map((p: any) => p.email);
    expect(await people()).not.toContain(ana.email);
    expect((await ok(200, ana.token, 'GET', '/api/v1/projects')).projects.map((p: any) => p.id)).not.toContain(project.id);
    // naming a stranger (not of the company, not a member, no accepted invitation) is refused like an unknown id
    const byId = await api(owner.token, 'POST', `/api/v1/projects/${project.id}/members`, { userId: ana.id, primeContracts: 'read_only', commitments: 'none' });
    expect(byId.status).toBe(422);
    expect(byId.body.error.details[0].code).toBe('UNKNOWN_USER');
    const contact = await api(owner.token, 'POST', `/api/v1/projects/${project.id}/contracts`, {
      kind: 'prime',
      accountingMethod: 'amount',
      title: 'Phish',
      invoiceContactUserIds: [ana.id],
    });
    expect(contact.status).toBe(422);
    // Ana sees the invitation, and only she can answer it
    const mine = await ok(200, ana.token, 'GET', '/api/v1/invitations');
    expect(mine.invitations).toEqual([
      expect.objectContaining({ id: known.body.invitation.id, projectName: 'Trap', invitedBy: 'Olivia', primeContracts: 'read_only' }),
    ]);
    expect((await api(owner.token, 'POST', `/api/v1/invitations/${known.body.invitation.id}/accept`)).status).toBe(404);
    await ok(200, ana.token, 'POST', `/api/v1/invitations/${known.body.invitation.id}/decline`);
    expect(await people()).not.toContain(ana.email);
    expect((await api(ana.token, 'POST', `/api/v1/invitations/${known.body.invitation.id}/accept`)).status).toBe(409);
    // a new invitation, accepted: now a member
    const again = await add(ana.email);
    expect(await ok(200, ana.token, 'POST', `/api/v1/invitations/${again.body.invitation.id}/accept`)).toMatchObject({ status: 'accepted', isMember: true });
    expect(await people()).toContain(ana.email);
    expect((await ok(200, ana.token, 'GET', '/api/v1/projects')).projects.map((p: any) => p.id)).toContain(project.id);
  });
});
