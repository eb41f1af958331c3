import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { users } from '../src/db/schema';
import { api, db, ok, seedUser, joinByInvitation } from './helpers';
import { addressOf, addresses, batchesPath, buildBulkProject, FakePostmarkBatch, itemRows, registerChosen } from './send-batch-support';

let fake: FakePostmarkBatch | null = null;
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

describe('registering a send batch', () => {
  it('lists back exactly the invoices and recipients it registered', async () => {
    const p = await buildBulkProject();
    const list = [{ email: 'Pedro@Owner.example', name: 'Pedro' }, { email: 'lucia@owner.example' }, { email: 'pedro@owner.example' }];
    const batch = await registerChosen(p, list, { subjectTemplate: 'Pay app {invoiceNumber} – contract {contractNumber} ({periodStart} to {periodEnd})' });
    expect(batch.status).toBe('registered');
    expect(batch.invoiceCount).toBe(2);
    // the same address twice (any case) is one recipient
    expect(batch.itemCount).toBe(4);
    expect(batch.invoices.map((i: any) => [i.id, i.number, i.recipientCount])).toEqual([
      [p.invoiceIds[0], 1, 2],
      [p.invoiceIds[1], 2, 2],
    ]);
    expect(batch.invoices[0].subject).toBe('Pay app 1 – contract 1 (2026-01-01 to 2026-01-31)');
    expect(batch.periods.map((x: any) => x.start)).toEqual(['2026-01-01', '2026-02-01']);
    expect(batch.progress).toEqual({ status: 'registered', total: 4, sent: 0, failed: 0, pending: 4, inFlight: 0 });

    const recipients = await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}/recipients`);
    expect(recipients.invoices.map((i: any) => ({ id: i.invoiceId, to: i.recipients.map((r: any) => r.email) }))).toEqual([
      { id: p.invoiceIds[0], to: ['pedro@owner.example', 'lucia@owner.example'] },
      { id: p.invoiceIds[1], to: ['pedro@owner.example', 'lucia@owner.example'] },
    ]);
    const one = await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}/recipients?invoiceId=${p.invoiceIds[1]}`);
    expect(one.invoices).toHaveLength(1);
    expect(one.invoices[0].recipients.every((r: any) => r.status === 'pending')).toBe(true);
    // the stored items are the listing: one per invoice × recipient, subject rendered
    const rows = await itemRows(batch.id);
    expect(rows.map((r) => `${r.invoice_number}:${r.recipient_email}`)).toEqual([
      '1:pedro@owner.example',
      '1:lucia@owner.example',
      '2:pedro@owner.example',
      '2:lucia@owner.example',
    ]);
    expect(new Set(rows.map((r) => r.reply_token)).size).toBe(4);

    const listed = await ok(200, p.token, 'GET', batchesPath(p));
    expect(listed.batches.map((b: any) => [b.id, b.status, b.itemCount])).toEqual([[batch.id, 'registered', 4]]);
  });

  it('sends each invoice to its contract invoice contacts', async () => {
    const p = await buildBulkProject();
    const batch = await ok(201, p.token, 'POST', batchesPath(p), {
      selections: [{ contractId: p.contractId, billingPeriodId: (await itemPeriod(p)).id }],
      recipients: { mode: 'invoice_contacts' },
    });
    expect(batch.invoices.map((i: any) => i.number)).toEqual([2]);
    const r = await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}/recipients`);
    expect(r.invoices[0].recipients.map((x: any) => [x.email, x.name, x.userId])).toEqual([[p.contact.email, 'María Gómez', p.contact.id]]);
    expect(r.invoices[0].subject).toBe('Invoice #2 for Prime Contract #1 – 2026-02-01 – 2026-02-28');
    // without a template, the subject of a single send in the batch's language
    const fr = await ok(201, p.token, 'POST', batchesPath(p), {
      selections: [{ contractId: p.contractId, fromNumber: 1, toNumber: 1 }],
      recipients: { mode: 'invoice_contacts' },
      locale: 'fr',
    });
    expect([fr.locale, fr.invoices[0].subject]).toEqual(['fr', 'Facture n° 1 pour le contrat principal n° 1 – 2026-01-01 – 2026-01-31']);
  });

  it('subjects follow the language the pane sends, the profile language only when it sends none', async () => {
    const p = await buildBulkProject();
    await db().update(users).set({ locale: 'fr' }).where(eq(users.id, p.adminId));
    const register = (extra: object) =>
      ok(201, p.token, 'POST', batchesPath(p), {
        selections: [{ contractId: p.contractId, fromNumber: 1, toNumber: 1 }],
        recipients: { mode: 'invoice_contacts' },
        ...extra,
      });
    const es = await register({ locale: 'es' });
    expect([es.locale, es.invoices[0].subject]).toEqual(['es', 'Factura n.º 1 del contrato principal n.º 1 – 2026-01-01 – 2026-01-31']);
    const profile = await register({});
    expect([profile.locale, profile.invoices[0].subject]).toEqual(['fr', 'Facture n° 1 pour le contrat principal n° 1 – 2026-01-01 – 2026-01-31']);
  });

  it('refuses drafts, contracts without invoice contacts and unknown placeholders, naming each', async () => {
    const p = await buildBulkProject();
    await ok(201, p.token, 'POST', `/api/v1/contracts/${p.contractId}/invoices`, { billingPeriodId: (await periods(p))[2].id });
    const other = await ok(201, p.token, 'POST', `/api/v1/projects/${p.projectId}/contracts`, { kind: 'prime', accountingMethod: 'amount', title: 'Annex' });
    await ok(200, p.token, 'PUT', `/api/v1/contracts/${other.id}/sov`, { lines: [{ itemNo: '1', description: 'Work', scheduledValueCents: 100_000 }] });
    await ok(200, p.token, 'POST', `/api/v1/contracts/${other.id}/approve`);
    const inv = await ok(201, p.token, 'POST', `/api/v1/contracts/${other.id}/invoices`, { billingPeriodId: (await periods(p))[0].id });
    await ok(200, p.token, 'POST', `/api/v1/invoices/${inv.invoice.id}/status`, { status: 'under_review' });
    const r = await api(p.token, 'POST', batchesPath(p), {
      selections: [
        { contractId: p.contractId, fromNumber: 1, toNumber: 3 },
        { contractId: other.id, fromNumber: 1 },
        { contractId: p.contractId, fromNumber: 7 },
      ],
      recipients: { mode: 'invoice_contacts' },
      subjectTemplate: 'Invoice {invoiceNumber} {nope}',
    });
    expect(r.status).toBe(422);
    const messages = r.body.error.details.map((d: any) => `${d.code}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'UNKNOWN_PLACEHOLDER: Unknown placeholder {nope}; use {invoiceNumber}, {contractNumber}, {contractTitle}, {periodStart}, {periodEnd}, {dueDate}, {project} or {projectNumber}',
        'INVOICE_IS_DRAFT: Invoice #3 of Prime Contract #1 (Prime) is a draft: only invoices out of draft (submitted for review or later) can be sent',
        'NO_INVOICES: No invoice of Prime Contract #1 (Prime) matches numbers 7–…',
        expect.stringMatching(/^NO_INVOICE_CONTACTS: Invoice #1 of Prime Contract #2 \(Annex\) has no recipients: its contract has no invoice contacts/),
      ]),
    );
    expect(messages).toHaveLength(4);
    expect((await env.DB.prepare('SELECT count(*) AS n FROM send_batches WHERE project_id = ?1').bind(p.projectId).first<{ n: number }>())!.n).toBe(0);
  });

  it('needs admin on prime contracts; others do not see the project at all', async () => {
    const p = await buildBulkProject();
    const reader = await seedUser({ name: 'Reader' });
    await joinByInvitation(p.token, p.projectId, reader, { primeContracts: 'standard', commitments: 'admin' });
    const r = await api(reader.token, 'POST', batchesPath(p), {
      selections: [{ contractId: p.contractId, fromNumber: 1 }],
      recipients: { mode: 'invoice_contacts' },
    });
    expect([r.status, r.body.error.message]).toEqual([403, 'Sending invoices in bulk needs admin permission on Prime Contracts']);
    const stranger = await seedUser();
    expect((await api(stranger.token, 'GET', batchesPath(p))).status).toBe(404);
    const batch = await registerChosen(p, addresses(1));
    expect((await api(stranger.token, 'GET', `${batchesPath(p)}/${batch.id}`)).status).toBe(404);
    expect((await api(reader.token, 'POST', `${batchesPath(p)}/${batch.id}/start`)).status).toBe(403);
  });
});

describe('test email', () => {
  it('reaches only the test address, marked as a test, with what the recipient will get', async () => {
    fake = new FakePostmarkBatch().install();
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(3), { message: 'Please review before the 10th.' });
    const res = await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/test-email`, {
      to: 'me@gc.example',
      invoiceId: p.invoiceIds[1],
      recipientEmail: 'person0002@owner.example',
    });
    expect(fake.batchCalls).toHaveLength(1);
    const sent = fake.batchCalls[0]!.messages;
    expect(sent.map((m) => addressOf(m.To))).toEqual(['me@gc.example']);
    expect(sent[0]!.Cc ?? null).toBeNull();
    expect(sent[0]!.Subject).toBe('[TEST] Invoice #2 for Prime Contract #1 – 2026-02-01 – 2026-02-28');
    expect(sent[0]!.HtmlBody).toContain('TEST — this is the message Person 2 &lt;person0002@owner.example&gt; will receive from the send batch');
    expect(sent[0]!.HtmlBody).toContain('Please review before the 10th.');
    expect(sent[0]!.TextBody).toMatch(/^\*\*\* TEST — /);
    expect(sent[0]!.From).toMatch(/^"Ana Ruiz via Progress Billing" <reply\+[0-9a-f]{32}@/);
    expect(res).toMatchObject({ to: 'me@gc.example', subject: sent[0]!.Subject, providerMessageId: fake.accepted[0]!.id, invoiceId: p.invoiceIds[1] });
    // nothing of the batch itself moved, and no thread was opened on the invoice
    expect((await ok(200, p.token, 'GET', `${batchesPath(p)}/${batch.id}/progress`)).pending).toBe(6);
    const emails = await ok(200, p.token, 'GET', `/api/v1/invoices/${p.invoiceIds[1]}/emails`);
    expect(emails.threads).toEqual([]);
  });

  it('goes to the local outbox when no Postmark token is set', async () => {
    const p = await buildBulkProject();
    const batch = await registerChosen(p, addresses(2));
    const res = await ok(200, p.token, 'POST', `${batchesPath(p)}/${batch.id}/test-email`, { to: 'me@gc.example' });
    expect(res.providerMessageId).toMatch(/^local-/);
    const row = await env.DB.prepare('SELECT to_json, subject, status, thread_id FROM email_messages WHERE provider_message_id = ?1')
      .bind(res.providerMessageId)
      .first<any>();
    expect(JSON.parse(row.to_json).map((t: any) => t.email)).toEqual(['me@gc.example']);
    expect([row.subject, row.status, row.thread_id]).toEqual(['[TEST] Invoice #1 for Prime Contract #1 – 2026-01-01 – 2026-01-31', 'sent', null]);
  });
});

async function periods(p: { token: string; projectId: string }) {
  return (await ok(200, p.token, 'GET', `/api/v1/projects/${p.projectId}/billing-periods`)).billingPeriods as Array<{ id: string; start: string }>;
}
async function itemPeriod(p: { token: string; projectId: string }) {
  return (await periods(p)).find((x) => x.start === '2026-02-01')!;
}
