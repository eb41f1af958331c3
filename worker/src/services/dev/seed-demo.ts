import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema';
import { makeDb } from '../../db/client';
import type { Env } from '../../env';
import { serviceCtxFor } from '../../lib/service-ctx';
import type { ServiceCtx } from '../../context';
import { createBillingPeriods } from '../billing-periods/create-billing-periods';
import { approveChangeOrder } from '../change-orders/approve-change-order';
import { createChangeOrder } from '../change-orders/create-change-order';
import { approveContract } from '../contracts/approve-contract';
import { createContract } from '../contracts/create-contract';
import { changeInvoiceStatus } from '../invoices/change-status';
import { createInvoice } from '../invoices/create-invoice';
import { editInvoiceLines } from '../invoices/edit-lines';
import { respondToInvitation } from '../invitations/respond-to-invitation';
import { addMember } from '../projects/add-member';
import { createProject } from '../projects/create-project';
import { replaceSov } from '../sov/replace-sov';
import { ensureDemoPeople, issueDemoTokens } from './demo-people';
import { demoSov } from './demo-sov';
import { ZCreateContract, ZReplaceSov } from '@shared/api/contracts';
import { ZCreateInvoice } from '@shared/api/invoices';

export const DEMO_PROJECT = {
  name: 'Harbor Point Medical Office',
  number: '2026-014',
  address: '1200 Harbor Point Blvd, Houston, TX',
  // Texas private work: no retainage cap and the owner contract holds the 10% Texas expects (shared/jurisdiction/rules.ts),
  // so the demo shows no deadline warnings, and its lien waivers use the Texas statutory forms (shared/waivers/texas.ts)
  jurisdiction: 'US-TX' as const,
  workType: 'private' as const,
};

/** Cumulative % complete (basis points) of demo line i on invoice n: early trades ahead of finishes. */
const demoPercentBps = (n: number, i: number) => Math.max(0, [0, 3500, 6000, 7800][n]! - i * 110);

// Inputs go through the same schemas as the API (ZCreateContract.parse …), so the defaults are
// applied in one place, the schema, and the verbs receive the parsed type.
async function billInvoice(ctx: ServiceCtx, contractId: string, periodId: string, n: number, lineIds: string[], submit: boolean) {
  const created = await createInvoice({ ctx, input: { contractId, body: ZCreateInvoice.parse({ billingPeriodId: periodId }) } });
  const edits = lineIds.map((lineId, i) => ({
    lineId,
    percentComplete: demoPercentBps(n, i) / 100,
    // Structural steel (line 016) delivered and stored on site in August, installed in September.
    ...(i === 15 ? { materialsPresentlyStored: n === 1 ? 25000 : 0 } : {}),
  }));
  await editInvoiceLines({ ctx, input: { invoiceId: created.invoice.id, ifMatch: created.invoice.version, body: { edits } } });
  if (submit) {
    await changeInvoiceStatus({ ctx, input: { invoiceId: created.invoice.id, body: { status: 'under_review' } } });
    await changeInvoiceStatus({ ctx, input: { invoiceId: created.invoice.id, body: { status: 'approved' } } });
  }
  return created.invoice.id;
}

/**
 * The demo project (DEV only): a prime contract with the 64-line SOV in custom groups, 10% / 5%
 * retainage, invoices 1–2 approved and 3 in draft, a change order approved after invoice 3 was
 * created (the notice), and a unit-based commitment with its subcontractor as invoice contact.
 */
export async function seedDemo(env: Env) {
  const db = makeDb(env.DB);
  const people = await ensureDemoPeople(db);
  const tokens = await issueDemoTokens(db, people.ids);
  const [existing] = await db.select().from(projects).where(eq(projects.name, DEMO_PROJECT.name)).limit(1);
  if (existing) return { alreadySeeded: true as const, projectId: existing.id, tokens };

  const ctx = await serviceCtxFor(env, people.ids.admin);
  const project = await createProject({ ctx, input: DEMO_PROJECT });
  const levels = { standard: 'standard', readOnly: 'read_only', none: 'none', privateListMember: 'read_only' } as const;
  for (const [role, level] of Object.entries(levels) as Array<[keyof typeof levels, (typeof levels)[keyof typeof levels]]>) {
    await addMember({ ctx, input: { projectId: project.id, body: { userId: people.ids[role], primeContracts: level, commitments: level } } });
  }
  // the owner's and the subcontractor's contacts join as invited people who accepted (docs/security-rules.md "Membership")
  for (const role of ['ownerContact', 'subcontractorContact'] as const) {
    const contact = await serviceCtxFor(env, people.ids[role]);
    const invited = await addMember({
      ctx,
      input: { projectId: project.id, body: { email: contact.user.email, primeContracts: 'none', commitments: 'none' } },
    });
    if ('invitation' in invited) await respondToInvitation({ ctx: contact, input: { invitationId: invited.invitation.id, accept: true } });
  }
  const { billingPeriods } = await createBillingPeriods({
    ctx,
    input: { projectId: project.id, body: { schedule: 'monthly', start: '2026-08-01', count: 3, dueDaysAfterEnd: 10 } },
  });
  const periodIds = billingPeriods.map((p) => p.id);

  const prime = await createContract({
    ctx,
    input: {
      projectId: project.id,
      body: ZCreateContract.parse({
        kind: 'prime',
        accountingMethod: 'amount',
        title: 'Harbor Point MOB – Prime Contract',
        counterpartyCompanyId: people.ownerCompanyId,
        workRetainageBps: 1000,
        storedRetainageBps: 500,
        invoiceContactUserIds: [people.ids.ownerContact],
        contractDate: '2026-06-15',
        architect: 'Lumen Architects',
      }),
    },
  });
  const sov = await replaceSov({ ctx, input: { contractId: prime.id, body: ZReplaceSov.parse({ lines: demoSov }) } });
  await approveContract({ ctx, input: { contractId: prime.id } });
  const lineIds = sov.lines.map((l) => l.id);
  const approvedCo = async (title: string, itemNo: string, amountCents: number, approvedOn: string) => {
    const co = await createChangeOrder({ ctx, input: { contractId: prime.id, body: { title, lines: [{ itemNo, amountCents }] } } });
    return approveChangeOrder({ ctx, input: { changeOrderId: co.id, approvedOn } });
  };
  await approvedCo('Added moment frames at the canopy', '016', 1_850_000, '2026-08-12');
  const inv1 = await billInvoice(ctx, prime.id, periodIds[0]!, 1, lineIds, true);
  await approvedCo('Value-engineered slab thickness', '010', -620_000, '2026-09-08');
  const inv2 = await billInvoice(ctx, prime.id, periodIds[1]!, 2, lineIds, true);
  const inv3 = await billInvoice(ctx, prime.id, periodIds[2]!, 3, lineIds, false);
  await approvedCo('Owner-requested upgrade to lobby finishes', '040', 1_275_000, '2026-10-20');

  const commitment = await createContract({
    ctx,
    input: {
      projectId: project.id,
      body: ZCreateContract.parse({
        kind: 'commitment',
        accountingMethod: 'unit',
        title: 'Structural steel erection – Steelworks',
        counterpartyCompanyId: people.subCompanyId,
        workRetainageBps: 1000,
        storedRetainageBps: 1000,
        invoiceContactUserIds: [people.ids.subcontractorContact],
        contractDate: '2026-07-01',
      }),
    },
  });
  await replaceSov({
    ctx,
    input: {
      contractId: commitment.id,
      body: ZReplaceSov.parse({
        lines: [
          { itemNo: '1', description: 'Erect structural steel', scheduledQty: 420_0000, unitOfMeasure: 'TON', unitPrice: 1_850_0000 },
          { itemNo: '2', description: 'Moment connections', scheduledQty: 96_0000, unitOfMeasure: 'EA', unitPrice: 425_5000 },
          { itemNo: '3', description: 'Stair railings', scheduledQty: 310_0000, unitOfMeasure: 'LF', unitPrice: 87_2500 },
        ],
      }),
    },
  });
  await approveContract({ ctx, input: { contractId: commitment.id } });
  const subInvoice = await createInvoice({ ctx, input: { contractId: commitment.id, body: ZCreateInvoice.parse({ billingPeriodId: periodIds[0]! }) } });
  const subLines = subInvoice.lines.map((l) => l.lineId);
  await editInvoiceLines({
    ctx,
    input: {
      invoiceId: subInvoice.invoice.id,
      ifMatch: subInvoice.invoice.version,
      body: {
        edits: [
          { lineId: subLines[0]!, workQtyThisPeriod: 120.5 },
          { lineId: subLines[1]!, workQtyThisPeriod: 18, storedQty: 6 },
        ],
      },
    },
  });
  await changeInvoiceStatus({ ctx, input: { invoiceId: subInvoice.invoice.id, body: { status: 'under_review' } } });
  await changeInvoiceStatus({ ctx, input: { invoiceId: subInvoice.invoice.id, body: { status: 'approved' } } });

  return {
    alreadySeeded: false as const,
    projectId: project.id,
    primeContractId: prime.id,
    commitmentId: commitment.id,
    invoiceIds: { 1: inv1, 2: inv2, 3: inv3 },
    billingPeriodIds: periodIds,
    tokens,
  };
}
