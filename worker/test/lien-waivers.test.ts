import { SELF } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailMessageFiles } from '../src/db/schema';
import { api, db, joinByInvitation, ok, seedUser } from './helpers';
import { readPdf } from './pdf-text';
import { buildWaiverProject, insertPayment, type WaiverProject } from './waiver-builders';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) Waiver-Test/1.0';

async function getPdf(token: string, waiverId: string) {
  const res = await SELF.fetch(`http://localhost/api/v1/lien-waivers/${waiverId}/pdf`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes };
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
const pdfTextOf = async (bytes: Uint8Array) => (await readPdf(bytes)).pages.map((p) => flat(p.text.replace(/\n/g, ' ')));

async function sha256Hex(bytes: Uint8Array) {
  const d = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const sign = (token: string, waiverId: string, body: object, headers: Record<string, string> = {}) =>
  api(token, 'POST', `/api/v1/lien-waivers/${waiverId}/sign`, body, { 'cf-connecting-ip': '203.0.113.7', 'user-agent': UA, ...headers });

describe('lien waivers on an owner invoice (California project)', () => {
  let b: WaiverProject;
  let line8: number;
  beforeAll(async () => {
    b = await buildWaiverProject({ jurisdiction: 'US-CA', finalInvoice: true });
    line8 = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}`)).g702.line8CurrentPaymentDueCents;
  });

  it("the conditional progress waiver is for the invoice's line 8, through the period's end, on the statutory form", async () => {
    // independently: (40,000 + 10,000) less 10% retainage, nothing certified before = 45,000.00
    expect(line8).toBe(4_500_000);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    expect(list.form).toBe('us-ca');
    expect(list.available.find((a: any) => a.type === 'conditional_progress')).toEqual({
      type: 'conditional_progress',
      form: 'us-ca',
      amountCents: line8,
      paymentId: null,
      receivedOn: null,
      why: null,
      reason: null,
    });
    const w = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress' });
    expect(w).toMatchObject({
      status: 'draft',
      form: 'us-ca',
      amountCents: line8,
      throughDate: b.periods[0]!.endDate,
      paymentId: null,
      signer: null,
      attachmentId: null,
    });
    expect(w.parties).toMatchObject({
      claimant: 'Northbridge Builders Inc.',
      customer: 'Harbor View Owner LLC',
      owner: 'Harbor View Owner LLC',
      jobLocation: '1450 Embarcadero Blvd, San Francisco',
      makerOfCheck: 'Harbor View Owner LLC',
      payableTo: 'Northbridge Builders Inc.',
    });
    // a draft's PDF is an unsigned preview
    const preview = await getPdf(b.admin.token, w.id);
    expect(preview.status).toBe(200);
    expect((await pdfTextOf(preview.bytes))[0]).toContain('DRAFT: not signed');
    // the same type twice is refused while the first is not void
    const again = await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists \(draft\)/);
  });

  it('signing renders the PDF with the statutory heading, the amount and an audit page; it is linked to the invoice; the audit trail has it all', async () => {
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const draft = list.waivers.find((x: any) => x.type === 'conditional_progress');
    // no consent, consent false, no name: refused, nothing signed
    for (const [body, field] of [
      [{ signerName: 'Ana Ruiz', signerTitle: 'Controller' }, 'consent'],
      [{ signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: false }, 'consent'],
      [{ signerName: ' ', signerTitle: 'Controller', consent: true }, 'signerName'],
    ] as const) {
      const r = await sign(b.admin.token, draft.id, body);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field }));
    }
    const signed = await sign(b.admin.token, draft.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signer: { name: 'Ana Ruiz', title: 'Controller', user: { id: b.admin.id, name: 'Ana Ruiz' } } });
    const attachmentId = signed.body.attachmentId;
    expect(attachmentId).toBeTruthy();

    const pdf = await getPdf(b.admin.token, draft.id);
    expect(pdf.type).toBe('application/pdf');
    const pages = await pdfTextOf(pdf.bytes);
    expect(pages[0]).toContain('CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT');
    expect(pages[0]).toContain(
      'NOTICE: THIS DOCUMENT WAIVES THE CLAIMANT’S LIEN, STOP PAYMENT NOTICE, AND PAYMENT BOND RIGHTS EFFECTIVE ON RECEIPT OF PAYMENT.',
    );
    expect(pages[0]).toContain('Amount of Check: $45,000.00');
    expect(pages[0]).toContain('Through Date: January 31, 2026');
    expect(pages[0]).toContain('/s/ Ana Ruiz');
    expect(pages.join(' ')).toContain('California Civil Code § 8132');
    const audit = pages.at(-1)!;
    expect(audit).toContain('Signature audit trail');
    expect(audit).toContain('203.0.113.7');
    expect(audit).toContain(UA);
    expect(audit).toContain(`<${b.admin.email}>`);

    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${draft.id}/events`)).events;
    expect(events.map((e: any) => e.action)).toEqual(['created', 'signed']);
    const s = events[1];
    expect(s.user).toEqual({ id: b.admin.id, name: 'Ana Ruiz' });
    expect(s.detail).toMatchObject({ signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true, ip: '203.0.113.7', userAgent: UA, attachmentId });
    // the hash in the trail is the stored file's
    expect(s.detail.pdfSha256).toBe(await sha256Hex(pdf.bytes));
    expect(audit).toContain(s.detail.formSha256);

    const files = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/attachments`)).attachments;
    expect(files).toContainEqual(expect.objectContaining({ id: attachmentId, origin: 'generated', source: 'lien_waiver', contentType: 'application/pdf' }));

    // signed is final: not again, not by another request
    const twice = await sign(b.admin.token, draft.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/cannot be changed or signed again/);
  });

  it('goes with the invoice email, and the email is in the audit trail', async () => {
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const w = list.waivers.find((x: any) => x.status === 'signed');
    const sent = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/emails`, {
      to: [{ email: 'owner@harbor.example' }],
      message: 'Invoice 1',
    });
    const files = await db().select().from(emailMessageFiles).where(eq(emailMessageFiles.messageId, sent.email.id));
    expect(files.map((f) => f.attachmentId)).toEqual([w.attachmentId]);
    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${w.id}/events`)).events;
    expect(events.at(-1)).toMatchObject({ action: 'emailed', detail: { messageId: sent.email.id, to: ['owner@harbor.example'] } });
  });

  it('unconditional progress: the payment is required, must be live and on this invoice; the amount is the payment', async () => {
    const path = `/api/v1/invoices/${b.invoice1}/lien-waivers`;
    const none = await api(b.admin.token, 'POST', path, { type: 'unconditional_progress' });
    expect(none.status).toBe(422);
    expect(none.body.error.details).toContainEqual(expect.objectContaining({ field: 'paymentId', code: 'REQUIRED' }));
    const listBefore = await ok(200, b.admin.token, 'GET', path);
    expect(listBefore.available.find((a: any) => a.type === 'unconditional_progress').reason).toMatch(/No payment is recorded/);

    const voided = await insertPayment(b.invoice1, b.admin.id, 1_000_000, { voided: true });
    const onVoided = await api(b.admin.token, 'POST', path, { type: 'unconditional_progress', paymentId: voided });
    expect(onVoided.status).toBe(409);
    expect(onVoided.body.error.message).toMatch(/was voided \(bounced\)/);

    // a payment of another invoice, and another company's payment, are not this invoice's
    const elsewhere = await insertPayment(b.invoice2!, b.admin.id, 500_000);
    const other = await buildWaiverProject({ adminName: 'Zoe Other' });
    const foreign = await insertPayment(other.invoice1, other.admin.id, 700_000);
    for (const paymentId of [elsewhere, foreign]) {
      const r = await api(b.admin.token, 'POST', path, { type: 'unconditional_progress', paymentId });
      expect(r.status).toBe(422);
      expect(r.body.error.details).toContainEqual(expect.objectContaining({ field: 'paymentId', code: 'UNKNOWN_PAYMENT' }));
    }

    const paid = await insertPayment(b.invoice1, b.admin.id, 3_000_000, { receivedOn: '2026-02-15' });
    const list = await ok(200, b.admin.token, 'GET', path);
    expect(list.available.filter((a: any) => a.type === 'unconditional_progress')).toEqual([
      { type: 'unconditional_progress', form: 'us-ca', amountCents: 3_000_000, paymentId: paid, receivedOn: '2026-02-15', why: null, reason: null },
    ]);
    const w = await ok(201, b.admin.token, 'POST', path, { type: 'unconditional_progress', paymentId: paid });
    expect(w).toMatchObject({ amountCents: 3_000_000, paymentId: paid, throughDate: b.periods[0]!.endDate });
    await sign(b.admin.token, w.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    const pages = await pdfTextOf((await getPdf(b.admin.token, w.id)).bytes);
    expect(pages[0]).toContain('UNCONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT');
    expect(pages[0]).toContain('The claimant has received the following progress payment: $30,000.00');
  });

  it('final waivers only on the invoice that bills the contract to 100%, for its line 8 or its payment', async () => {
    const notFinal = await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_final' });
    expect(notFinal.status).toBe(409);
    expect(notFinal.body.error.message).toMatch(/does not bill the contract to 100%/);

    const inv2 = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice2}`);
    // 150,000 billed to date, 15,000 retained, 45,000 certified before: 90,000.00 due
    expect(inv2.g702.line4TotalCompletedAndStoredCents).toBe(inv2.g702.line3ContractSumToDateCents);
    expect(inv2.g702.line8CurrentPaymentDueCents).toBe(9_000_000);
    const cf = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice2}/lien-waivers`, { type: 'conditional_final', disputedClaimsCents: 125_000 });
    expect(cf.amountCents).toBe(9_000_000);
    await sign(b.admin.token, cf.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    const text = (await pdfTextOf((await getPdf(b.admin.token, cf.id)).bytes))[0]!;
    expect(text).toContain('CONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT');
    expect(text).toContain('Amount of Check: $90,000.00');
    expect(text).toContain('Disputed claims for extras in the amount of: $1,250.00');

    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice2}/lien-waivers`);
    const payment = list.available.find((a: any) => a.type === 'unconditional_final');
    // the payment recorded on invoice 2 in the test above ($5,000.00)
    expect(payment).toMatchObject({ amountCents: 500_000, reason: null });
    const uf = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice2}/lien-waivers`, {
      type: 'unconditional_final',
      paymentId: payment.paymentId,
    });
    expect(uf.amountCents).toBe(500_000);
  });

  it('a generic form is refused in California; a signed waiver is voided with its reason and leaves the invoice', async () => {
    const generic = await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress', form: 'generic' });
    expect(generic.status).toBe(422);
    expect(generic.body.error.details).toContainEqual(expect.objectContaining({ field: 'form', code: 'STATUTORY_FORM_REQUIRED' }));

    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const w = list.waivers.find((x: any) => x.type === 'conditional_progress' && x.status === 'signed');
    const noReason = await api(b.admin.token, 'POST', `/api/v1/lien-waivers/${w.id}/void`, { reason: '' });
    expect(noReason.status).toBe(422);
    const v = await ok(200, b.admin.token, 'POST', `/api/v1/lien-waivers/${w.id}/void`, { reason: 'Owner asked for a corrected job address' });
    expect(v).toMatchObject({ status: 'void', voided: { reason: 'Owner asked for a corrected job address', by: { id: b.admin.id } } });
    expect((await api(b.admin.token, 'POST', `/api/v1/lien-waivers/${w.id}/void`, { reason: 'again' })).status).toBe(409);
    const files = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/attachments`)).attachments;
    expect(files.map((f: any) => f.id)).not.toContain(w.attachmentId);
    // the stored file stays readable for the record; the trail says who voided it and why
    expect((await getPdf(b.admin.token, w.id)).status).toBe(200);
    const events = (await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${w.id}/events`)).events;
    expect(events.at(-1)).toMatchObject({ action: 'voided', detail: { reason: 'Owner asked for a corrected job address', was: 'signed' } });
    // once void, a new one can be generated
    expect((await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress' })).status).toBe(201);
  });

  it('a signed link opens the PDF without a bearer token (an Office dialog), and only as its user', async () => {
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const w = list.waivers.find((x: any) => x.status === 'signed');
    const link = await ok(200, b.admin.token, 'POST', `/api/v1/lien-waivers/${w.id}/pdf-link`);
    const viaLink = await SELF.fetch(link.url);
    expect(viaLink.status).toBe(200);
    expect(new Uint8Array(await viaLink.arrayBuffer())).toEqual((await getPdf(b.admin.token, w.id)).bytes);
    const forged = await SELF.fetch(link.url.replace(/sig=[^&]+/, 'sig=AAAA'));
    expect(forged.status).toBe(401);
    await forged.arrayBuffer();
    const outsider = await seedUser({ name: 'Olaf Outside' });
    expect((await api(outsider.token, 'POST', `/api/v1/lien-waivers/${w.id}/pdf-link`)).status).toBe(404);
  });

  it('a payment recorded through the payments route can be waived; voided there before signing, the draft cannot be signed', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/payments`, {
      receivedOn: today,
      amountCents: 250_000,
      method: 'wire',
      reference: 'WIRE 77',
    });
    const payment = recorded.payments.find((p: any) => p.reference === 'WIRE 77');
    const offered = (await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`)).available.find((a: any) => a.paymentId === payment.id);
    expect(offered).toMatchObject({ type: 'unconditional_progress', amountCents: 250_000, receivedOn: today, reason: null });
    const draft = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, {
      type: 'unconditional_progress',
      paymentId: payment.id,
    });
    await ok(200, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/payments/${payment.id}/void`, { reason: 'Entered twice' });
    const r = await sign(b.admin.token, draft.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/payment this waiver acknowledges was voided/);
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/lien-waivers/${draft.id}/events`)).events.map((e: any) => e.action)).toEqual(['created']);
  });

  it("the owner's invoice contact sees the signed waivers of an invoice, not its drafts", async () => {
    const contact = await seedUser({ name: 'Olga Owner' });
    await joinByInvitation(b.admin.token, b.projectId, contact);
    await ok(200, b.admin.token, 'PATCH', `/api/v1/contracts/${b.primeId}`, { invoiceContactUserIds: [contact.id] });
    const mine = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const theirs = await ok(200, contact.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const draftIds = mine.waivers.filter((w: any) => w.status === 'draft').map((w: any) => w.id);
    expect(draftIds.length).toBeGreaterThan(0);
    expect(theirs.waivers.map((w: any) => w.id)).toEqual(mine.waivers.filter((w: any) => w.status !== 'draft').map((w: any) => w.id));
    expect((await api(contact.token, 'GET', `/api/v1/lien-waivers/${draftIds[0]}/pdf`)).status).toBe(404);
    const signedId = theirs.waivers.find((w: any) => w.status === 'signed').id;
    expect((await getPdf(contact.token, signedId)).status).toBe(200);
    expect((await api(contact.token, 'POST', `/api/v1/lien-waivers/${signedId}/void`, { reason: 'not mine to void' })).status).toBe(403);
  });

  it('reading needs to see the invoice (404 otherwise, also across companies); writing needs admin on Prime Contracts', async () => {
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`);
    const draft = list.waivers.find((x: any) => x.status === 'draft');
    const reader = await seedUser({ name: 'Rita Reader' });
    await joinByInvitation(b.admin.token, b.projectId, reader, { primeContracts: 'read_only' });
    expect((await api(reader.token, 'GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`)).status).toBe(200);
    expect((await api(reader.token, 'GET', `/api/v1/lien-waivers/${draft.id}/events`)).status).toBe(200);
    expect((await api(reader.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_final' })).status).toBe(403);
    expect((await sign(reader.token, draft.id, { signerName: 'Rita', signerTitle: 'Clerk', consent: true })).status).toBe(403);
    expect((await api(reader.token, 'POST', `/api/v1/lien-waivers/${draft.id}/void`, { reason: 'x' })).status).toBe(403);

    const outsider = await seedUser({ name: 'Otto Outsider' });
    for (const [method, path, body] of [
      ['GET', `/api/v1/invoices/${b.invoice1}/lien-waivers`, undefined],
      ['POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress' }],
      ['GET', `/api/v1/lien-waivers/${draft.id}/pdf`, undefined],
      ['GET', `/api/v1/lien-waivers/${draft.id}/events`, undefined],
      ['POST', `/api/v1/lien-waivers/${draft.id}/sign`, { signerName: 'Otto', signerTitle: 'x', consent: true }],
      ['POST', `/api/v1/lien-waivers/${draft.id}/void`, { reason: 'x' }],
    ] as const) {
      const r = await api(outsider.token, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe('lien waivers in Texas and on the generic form', () => {
  it('Texas: the statutory form § 53.284(b) with the amount; exceptions are refused (the form has no blank for them)', async () => {
    const b = await buildWaiverProject({ jurisdiction: 'US-TX' });
    const path = `/api/v1/invoices/${b.invoice1}/lien-waivers`;
    const exc = await api(b.admin.token, 'POST', path, { type: 'conditional_progress', exceptions: 'CO 4' });
    expect(exc.status).toBe(422);
    expect(exc.body.error.details).toContainEqual(expect.objectContaining({ field: 'exceptions', code: 'NOT_ON_FORM' }));
    const w = await ok(201, b.admin.token, 'POST', path, { type: 'conditional_progress' });
    expect(w.form).toBe('us-tx');
    await sign(b.admin.token, w.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    const pages = await pdfTextOf((await getPdf(b.admin.token, w.id)).bytes);
    expect(pages[0]).toContain('CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT');
    expect(pages[0]).toContain('in the sum of $45,000.00 payable to Northbridge Builders Inc. (payee or payees of check)');
    expect(pages.join(' ')).toContain('Texas Property Code § 53.284(b)');
  });

  it('Florida: nothing is generated (its statutory forms are not carried yet), with the reason', async () => {
    const b = await buildWaiverProject({ jurisdiction: 'US-FL' });
    const r = await api(b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/^Florida prescribes its own waiver forms/);
  });

  it('elsewhere: the generic form, in the language asked for', async () => {
    const b = await buildWaiverProject({});
    const w = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${b.invoice1}/lien-waivers`, { type: 'conditional_progress', locale: 'es' });
    expect(w.form).toBe('generic');
    await sign(b.admin.token, w.id, { signerName: 'Ana Ruiz', signerTitle: 'Controller', consent: true });
    const pages = await pdfTextOf((await getPdf(b.admin.token, w.id)).bytes);
    expect(pages[0]).toContain('RENUNCIA Y LIBERACIÓN CONDICIONAL DE GRAVAMEN POR PAGO PARCIAL');
    expect(pages[0]).toContain('45.000,00 $');
    expect(pages.at(-1)).toContain('Registro de auditoría de la firma');
  });
});

describe('final waivers on a retainage-release invoice', () => {
  it('the release invoice is the final payment: its line 8 (the retainage released) is the conditional final amount', async () => {
    const b = await buildWaiverProject({});
    const created = await ok(201, b.admin.token, 'POST', `/api/v1/contracts/${b.primeId}/invoices`, {
      billingPeriodId: b.periods[1]!.id,
      kind: 'retainage_release',
    });
    const id = created.invoice.id;
    await ok(200, b.admin.token, 'POST', `/api/v1/invoices/${id}/release-retainage`, { all: true }, { 'if-match': String(created.invoice.version) });
    // invoice 1 held 10% of $50,000.00: releasing all of it is $5,000.00 due
    expect((await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${id}`)).g702.line8CurrentPaymentDueCents).toBe(500_000);
    const list = await ok(200, b.admin.token, 'GET', `/api/v1/invoices/${id}/lien-waivers`);
    expect(list.available.find((a: any) => a.type === 'conditional_final')).toMatchObject({ amountCents: 500_000, reason: null });
    expect(list.available.find((a: any) => a.type === 'conditional_progress').reason).toMatch(/retainage-release invoice is the final payment/);
    const w = await ok(201, b.admin.token, 'POST', `/api/v1/invoices/${id}/lien-waivers`, { type: 'conditional_final' });
    expect(w.amountCents).toBe(500_000);
  });
});
