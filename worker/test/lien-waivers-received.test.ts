import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, joinByInvitation, ok, seedUser } from './helpers';
import { buildSubcontractInvoice, buildWaiverProject, insertPayment, type WaiverProject } from './waiver-builders';

const PDF = new TextEncoder().encode('%PDF-1.7\n% a scanned, signed subcontractor waiver\n%%EOF\n');

async function upload(token: string, projectId: string, name = 'acme unconditional waiver.pdf') {
  const form = new FormData();
  form.set('projectId', projectId);
  form.set('file', new File([PDF], name, { type: 'application/pdf' }));
  const res = await SELF.fetch('http://localhost/api/v1/attachments', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("subcontractors' waivers received, and the warning for paid subcontractor invoices without them", () => {
  let b: WaiverProject;
  let sub: { contractId: string; invoiceId: string };
  beforeAll(async () => {
    b = await buildWaiverProject({});
    sub = await buildSubcontractInvoice(b.admin.token, b.projectId, b.periods[0]!.id);
  });

  const warnings = async () => (await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/lien-waiver-warnings`)).warnings;
  const receive = (body: object, invoiceId = sub.invoiceId, token = b.admin.token) =>
    api(token, 'POST', `/api/v1/invoices/${invoiceId}/lien-waivers/received`, body);

  it('no payment, no warning; a paid subcontractor invoice without an unconditional waiver is listed, on the project and on the invoice', async () => {
    expect(await warnings()).toEqual([]);
    await insertPayment(sub.invoiceId, b.admin.id, 400_000, { voided: true });
    expect(await warnings()).toEqual([]); // a voided payment paid nothing
    await insertPayment(sub.invoiceId, b.admin.id, 1_800_000, { receivedOn: '2026-02-20' });
    expect(await warnings()).toEqual([
      {
        invoiceId: sub.invoiceId,
        invoiceNumber: 1,
        contractId: sub.contractId,
        contractNumber: expect.any(Number),
        contractTitle: 'Concrete subcontract',
        counterpartyName: 'Acme Concrete',
        lastPaidOn: '2026-02-20',
        paidCents: 1_800_000,
        waivedCents: 0,
        missingCents: 1_800_000,
      },
    ]);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${sub.invoiceId}/lien-waivers`);
    expect(list.warning).toEqual({ paidCents: 1_800_000, waivedCents: 0, missingCents: 1_800_000 });
    // a subcontractor invoice's waivers are recorded, not generated
    expect(list.available.every((a: any) => /record the one received/.test(a.reason))).toBe(true);
    expect((await api(b.admin.token, 'POST', `/api/v1/invoices/${sub.invoiceId}/lien-waivers`, { type: 'conditional_progress' })).status).toBe(409);
  });

  it('records received waivers with their file; only unconditional ones cover what was paid', async () => {
    const file = await upload(b.admin.token, b.projectId);
    const cond = await receive({ type: 'conditional_progress', amountCents: 1_800_000, throughDate: '2026-01-31', attachmentId: file });
    expect(cond.status, JSON.stringify(cond.body)).toBe(201);
    expect(cond.body).toMatchObject({ direction: 'received', status: 'signed', attachmentId: file, amountCents: 1_800_000, parties: null });
    expect((await warnings())[0]).toMatchObject({ waivedCents: 0, missingCents: 1_800_000 });

    const partial = await receive({
      type: 'unconditional_progress',
      amountCents: 1_000_000,
      throughDate: '2026-01-31',
      attachmentId: await upload(b.admin.token, b.projectId, 'u1.pdf'),
    });
    expect(partial.status).toBe(201);
    expect((await warnings())[0]).toMatchObject({ paidCents: 1_800_000, waivedCents: 1_000_000, missingCents: 800_000 });

    const rest = await receive({
      type: 'unconditional_progress',
      amountCents: 800_000,
      throughDate: '2026-01-31',
      attachmentId: await upload(b.admin.token, b.projectId, 'u2.pdf'),
    });
    expect(rest.status).toBe(201);
    expect(await warnings()).toEqual([]);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${sub.invoiceId}/lien-waivers`);
    expect(list.warning).toBeNull();
    expect(list.waivers.map((w: any) => w.type)).toEqual(['conditional_progress', 'unconditional_progress', 'unconditional_progress']);
    // the files are the invoice's attachments; the waiver's PDF is the uploaded file
    const files = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${sub.invoiceId}/attachments`)).attachments;
    expect(files).toContainEqual(expect.objectContaining({ id: file, source: 'lien_waiver' }));
    const res = await SELF.fetch(`http://localhost/api/v1/lien-waivers/${cond.body.id}/pdf`, { headers: { authorization: `Bearer ${b.admin.token}` } });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${cond.body.id}/events`)).events;
    expect(events).toEqual([expect.objectContaining({ action: 'received', detail: expect.objectContaining({ attachmentId: file, amountCents: 1_800_000 }) })]);

    // voiding a received waiver brings the warning back
    await ok(200, b.admin.token, 'POST', `/api/v1/lien-waivers/${rest.body.id}/void`, { reason: 'Signed by someone without authority' });
    expect((await warnings())[0]).toMatchObject({ missingCents: 800_000 });
  });

  it("refuses a waiver for an owner invoice, another project's file, and a user who is not admin on Commitments", async () => {
    const file = await upload(b.admin.token, b.projectId, 'x.pdf');
    const onPrime = await receive({ type: 'unconditional_progress', amountCents: 100, throughDate: '2026-01-31', attachmentId: file }, b.invoice1);
    expect(onPrime.status).toBe(409);
    const other = await buildWaiverProject({ adminName: 'Zoe Other' });
    const foreignFile = await upload(other.admin.token, other.projectId);
    const foreign = await receive({ type: 'unconditional_progress', amountCents: 100, throughDate: '2026-01-31', attachmentId: foreignFile });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toContainEqual(expect.objectContaining({ field: 'attachmentId', code: 'UNKNOWN_ATTACHMENT' }));
    // a file of this project the user neither uploaded nor can see on an invoice
    const colleague = await seedUser({ name: 'Carl Colleague' });
    await joinByInvitation(b.admin.token, b.projectId, colleague, { primeContracts: 'admin', commitments: 'admin' });
    const theirs = await receive(
      { type: 'unconditional_progress', amountCents: 100, throughDate: '2026-01-31', attachmentId: file },
      sub.invoiceId,
      colleague.token,
    );
    expect(theirs.status).toBe(422);
    expect(theirs.body.error.details).toContainEqual(expect.objectContaining({ field: 'attachmentId', code: 'UNKNOWN_ATTACHMENT' }));
    const bad = await receive({ type: 'unconditional_progress', amountCents: 0, throughDate: '2026-02-30', attachmentId: file });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual(['amountCents', 'throughDate']);

    const primeOnly = await seedUser({ name: 'Pat Prime' });
    await joinByInvitation(b.admin.token, b.projectId, primeOnly, { primeContracts: 'admin', commitments: 'read_only' });
    const r = await receive(
      { type: 'unconditional_progress', amountCents: 100, throughDate: '2026-01-31', attachmentId: file },
      sub.invoiceId,
      primeOnly.token,
    );
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/needs admin permission on Commitments/);
    // a member without Commitments access sees neither the invoice nor its warnings
    const noCommitments = await seedUser({ name: 'Nina None' });
    await joinByInvitation(b.admin.token, b.projectId, noCommitments, { primeContracts: 'admin', commitments: 'none' });
    expect((await api(noCommitments.token, 'GET', `/api/v1/invoices/${sub.invoiceId}/lien-waivers`)).status).toBe(404);
    await insertPayment(sub.invoiceId, b.admin.id, 1, {});
    expect((await ok(200, noCommitments.token, 'GET', `/api/v1/projects/${b.projectId}/lien-waiver-warnings`)).warnings).toEqual([]);
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/projects/${b.projectId}/lien-waiver-warnings`)).warnings).toHaveLength(1);
    const outsider = await seedUser({ name: 'Otto' });
    expect((await api(outsider.token, 'GET', `/api/v1/projects/${b.projectId}/lien-waiver-warnings`)).status).toBe(404);
  });
});
