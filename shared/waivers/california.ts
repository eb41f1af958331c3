// California's four statutory waiver and release forms, Civil Code §§ 8132, 8134, 8136 and 8138,
// word for word: a waiver not "in substantially the following form" is "null, void, and
// unenforceable" (each section's first sentence). Headings, capitals and the order of the blanks are
// the statute's; only the values after the labels are ours. Where each text was read, and what is
// still to be checked against leginfo.legislature.ca.gov, is in docs/get-paid.md "Lien waivers".
import { BLANK, figures, longDate, orBlank, typedSignature } from './format';
import type { WaiverBlock, WaiverDocument, WaiverFill, WaiverType } from './types';

const COND_NOTICE =
  'NOTICE: THIS DOCUMENT WAIVES THE CLAIMANT’S LIEN, STOP PAYMENT NOTICE, AND PAYMENT BOND RIGHTS EFFECTIVE ON RECEIPT OF PAYMENT. A PERSON SHOULD NOT RELY ON THIS DOCUMENT UNLESS SATISFIED THAT THE CLAIMANT HAS RECEIVED PAYMENT.';
const UNCOND_NOTICE =
  'NOTICE TO CLAIMANT: THIS DOCUMENT WAIVES AND RELEASES LIEN, STOP PAYMENT NOTICE, AND PAYMENT BOND RIGHTS UNCONDITIONALLY AND STATES THAT YOU HAVE BEEN PAID FOR GIVING UP THOSE RIGHTS. THIS DOCUMENT IS ENFORCEABLE AGAINST YOU IF YOU SIGN IT, EVEN IF YOU HAVE NOT BEEN PAID. IF YOU HAVE NOT BEEN PAID, USE A CONDITIONAL WAIVER AND RELEASE FORM.';
const PROGRESS_WAIVES =
  'This document waives and releases lien, stop payment notice, and payment bond rights the claimant has for labor and service provided, and equipment and material delivered, to the customer on this job through the Through Date of this document.';
const CHANGE_ORDERS =
  'Rights based upon labor or service provided, or equipment or material delivered, pursuant to a written change order that has been fully executed by the parties prior to the date that this document is signed by the claimant, are waived and released by this document, unless listed as an Exception below.';
const CHECK_EFFECTIVE =
  'This document is effective only on the claimant’s receipt of payment from the financial institution on which the following check is drawn:';
const CONTRACT_RIGHTS =
  'Contract rights, including (A) a right based on rescission, abandonment, or breach of contract, and (B) the right to recover compensation for work not compensated by the payment.';

const money = (cents: number) => `$${figures(cents)}`;

function identifying(f: WaiverFill, withThroughDate: boolean): WaiverBlock[] {
  return [
    { kind: 'heading', text: 'Identifying Information' },
    { kind: 'field', label: 'Name of Claimant:', value: orBlank(f.claimant) },
    { kind: 'field', label: 'Name of Customer:', value: orBlank(f.customer) },
    { kind: 'field', label: 'Job Location:', value: orBlank(f.jobLocation) },
    { kind: 'field', label: 'Owner:', value: orBlank(f.owner) },
    ...(withThroughDate ? [{ kind: 'field' as const, label: 'Through Date:', value: longDate(f.throughDate) }] : []),
  ];
}

function check(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'field', label: 'Maker of Check:', value: orBlank(f.makerOfCheck) },
    { kind: 'field', label: 'Amount of Check:', value: money(f.amountCents) },
    { kind: 'field', label: 'Check Payable to:', value: orBlank(f.payableTo) },
  ];
}

/** Exceptions the claimant lists beyond the statute's own, printed under them. */
function listed(f: WaiverFill): WaiverBlock[] {
  return f.exceptions.trim() ? [{ kind: 'field', label: 'Exceptions listed by the claimant:', value: f.exceptions.trim() }] : [];
}

function signature(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'heading', text: 'Signature' },
    {
      kind: 'signature',
      lines: [
        { label: 'Claimant’s Signature:', value: typedSignature(f.signerName), isSignature: true },
        { label: 'Claimant’s Title:', value: orBlank(f.signerTitle) },
        { label: 'Date of Signature:', value: longDate(f.signedOn) },
      ],
    },
  ];
}

const disputed = (f: WaiverFill): WaiverBlock => ({
  kind: 'field',
  label: 'Disputed claims for extras in the amount of:',
  value: f.disputedClaimsCents == null ? `$${BLANK}` : money(f.disputedClaimsCents),
});

function conditionalProgress(f: WaiverFill): WaiverBlock[] {
  const prior = f.priorUnpaid;
  return [
    { kind: 'title', text: 'CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT' },
    { kind: 'notice', text: COND_NOTICE },
    ...identifying(f, true),
    { kind: 'heading', text: 'Conditional Waiver and Release' },
    { kind: 'para', text: `${PROGRESS_WAIVES} ${CHANGE_ORDERS} ${CHECK_EFFECTIVE}` },
    ...check(f),
    { kind: 'heading', text: 'Exceptions' },
    { kind: 'para', text: 'This document does not affect any of the following:' },
    { kind: 'para', text: '(1) Retentions.' },
    { kind: 'para', text: '(2) Extras for which the claimant has not received payment.' },
    {
      kind: 'para',
      text: '(3) The following progress payments for which the claimant has previously given a conditional waiver and release but has not received payment:',
    },
    { kind: 'field', label: 'Date(s) of waiver and release:', value: prior.length ? prior.map((p) => longDate(p.signedOn)).join('; ') : BLANK },
    {
      kind: 'field',
      label: 'Amount(s) of unpaid progress payment(s):',
      value: prior.length ? prior.map((p) => money(p.unpaidCents)).join('; ') : `$${BLANK}`,
    },
    { kind: 'para', text: `(4) ${CONTRACT_RIGHTS}` },
    ...listed(f),
    ...signature(f),
  ];
}

function unconditionalProgress(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'title', text: 'UNCONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT' },
    { kind: 'notice', text: UNCOND_NOTICE },
    ...identifying(f, true),
    { kind: 'heading', text: 'Unconditional Waiver and Release' },
    { kind: 'para', text: `${PROGRESS_WAIVES} ${CHANGE_ORDERS} The claimant has received the following progress payment: ${money(f.amountCents)}` },
    { kind: 'heading', text: 'Exceptions' },
    { kind: 'para', text: 'This document does not affect the following:' },
    { kind: 'para', text: '(1) Retentions.' },
    { kind: 'para', text: '(2) Extras for which the claimant has not received payment.' },
    { kind: 'para', text: `(3) ${CONTRACT_RIGHTS}` },
    ...listed(f),
    ...signature(f),
  ];
}

function conditionalFinal(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'title', text: 'CONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT' },
    { kind: 'notice', text: COND_NOTICE },
    ...identifying(f, false),
    { kind: 'heading', text: 'Conditional Waiver and Release' },
    {
      kind: 'para',
      text: `This document waives and releases lien, stop payment notice, and payment bond rights the claimant has for labor and service provided, and equipment and material delivered, to the customer on this job. ${CHANGE_ORDERS} ${CHECK_EFFECTIVE}`,
    },
    ...check(f),
    { kind: 'heading', text: 'Exceptions' },
    { kind: 'para', text: 'This document does not affect any of the following:' },
    disputed(f),
    ...listed(f),
    ...signature(f),
  ];
}

function unconditionalFinal(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'title', text: 'UNCONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT' },
    { kind: 'notice', text: UNCOND_NOTICE },
    ...identifying(f, false),
    { kind: 'heading', text: 'Unconditional Waiver and Release' },
    {
      kind: 'para',
      text: `This document waives and releases lien, stop payment notice, and payment bond rights the claimant has for all labor and service provided, and equipment and material delivered, to the customer on this job. ${CHANGE_ORDERS} The claimant has been paid in full.`,
    },
    { kind: 'heading', text: 'Exceptions' },
    { kind: 'para', text: 'This document does not affect the following:' },
    disputed(f),
    ...listed(f),
    ...signature(f),
  ];
}

const FORMS: Record<WaiverType, { section: string; title: string; blocks: (f: WaiverFill) => WaiverBlock[] }> = {
  conditional_progress: { section: '8132', title: 'Conditional Waiver and Release on Progress Payment', blocks: conditionalProgress },
  unconditional_progress: { section: '8134', title: 'Unconditional Waiver and Release on Progress Payment', blocks: unconditionalProgress },
  conditional_final: { section: '8136', title: 'Conditional Waiver and Release on Final Payment', blocks: conditionalFinal },
  unconditional_final: { section: '8138', title: 'Unconditional Waiver and Release on Final Payment', blocks: unconditionalFinal },
};

export function californiaWaiver(type: WaiverType, fill: WaiverFill): WaiverDocument {
  const form = FORMS[type];
  return {
    form: 'us-ca',
    type,
    locale: 'en',
    title: form.title,
    citation: `California Civil Code § ${form.section} (statutory form)`,
    blocks: form.blocks(fill),
  };
}
