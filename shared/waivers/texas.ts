// Texas's four statutory waiver and release forms, Property Code § 53.284(b)–(e): "A waiver and
// release given by a claimant or potential claimant is unenforceable unless it substantially
// complies with the applicable form" (§ 53.284(a)). The words, the parenthesised captions under
// the blanks ("(maker of check)") and the capitalised notice are the statute's; only the values in
// the blanks are ours. Texas's progress forms have no through date and no exceptions blank: the
// release covers "the attached statement(s) or progress payment request(s)", i.e. the invoice the
// waiver goes with. Source and what is still to be verified: docs/get-paid.md "Lien waivers".
import { BLANK, figures, longDate, orBlank, typedSignature } from './format';
import type { WaiverBlock, WaiverDocument, WaiverFill, WaiverType } from './types';

const RIGHTS =
  'any mechanic’s lien right, any right arising from a payment bond that complies with a state or federal statute, any common law payment bond right, any claim for payment, and any rights under any similar ordinance, rule, or statute related to claim or payment rights for persons in the signer’s position';
const NOTICE =
  'NOTICE: This document waives rights unconditionally and states that you have been paid for giving up those rights. It is prohibited for a person to require you to sign this document if you have not been paid the payment amount set forth below. If you have not been paid, use a conditional release form.';
const VERIFY = 'Before any recipient of this document relies on this document, the recipient should verify evidence of payment to the signer.';
const WARRANT_PROGRESS =
  'The signer warrants that the signer has already paid or will use the funds received from this progress payment to promptly pay in full all of the signer’s laborers, subcontractors, materialmen, and suppliers for all work, materials, equipment, or services provided for or to the above referenced project in regard to the attached statement(s) or progress payment request(s).';
const WARRANT_FINAL =
  'The signer warrants that the signer has already paid or will use the funds received from this final payment to promptly pay in full all of the signer’s laborers, subcontractors, materialmen, and suppliers for all work, materials, equipment, or services provided for or to the above referenced project up to the date of this waiver and release.';

/** A filled blank followed by the statute's caption for it: "Acme Owner LLC (owner)". */
const blank = (value: string, caption: string) => `${orBlank(value)} (${caption})`;

function head(f: WaiverFill): WaiverBlock[] {
  return [
    { kind: 'field', label: 'Project', value: orBlank(f.jobName) },
    { kind: 'field', label: 'Job No.', value: orBlank(f.jobNumber) },
  ];
}

function onCheck(f: WaiverFill): string {
  return (
    `On receipt by the signer of this document of a check from ${blank(f.makerOfCheck, 'maker of check')} in the sum of $${figures(f.amountCents)} ` +
    `payable to ${blank(f.payableTo, 'payee or payees of check')} and when the check has been properly endorsed and has been paid by the bank on which it is drawn, ` +
    `this document becomes effective to release ${RIGHTS} that the signer has on the property of ${blank(f.owner, 'owner')} located at ${blank(f.jobLocation, 'location')} ` +
    `to the following extent: ${blank(f.jobDescription, 'job description')}.`
  );
}

const progressCovers = (f: WaiverFill) =>
  `This release covers a progress payment for all labor, services, equipment, or materials furnished to the property or to ${blank(f.customer, 'person with whom signer contracted')} as indicated in the attached statement(s) or progress payment request(s), except for unpaid retention, pending modifications and changes, or other items furnished.`;

function signature(f: WaiverFill): WaiverBlock {
  return {
    kind: 'signature',
    lines: [
      { label: 'Date', value: longDate(f.signedOn) },
      { label: '', value: blank(f.claimant, 'Company name') },
      { label: 'By', value: `${f.signerName?.trim() ? typedSignature(f.signerName) : BLANK} (Signature)`, isSignature: true },
      { label: '', value: blank(f.signerTitle ?? '', 'Title') },
    ],
  };
}

const FORMS: Record<WaiverType, { sub: string; title: string; blocks: (f: WaiverFill) => WaiverBlock[] }> = {
  conditional_progress: {
    sub: '(b)',
    title: 'Conditional Waiver and Release on Progress Payment',
    blocks: (f) => [
      { kind: 'title', text: 'CONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT' },
      ...head(f),
      { kind: 'para', text: onCheck(f) },
      { kind: 'para', text: progressCovers(f) },
      { kind: 'para', text: VERIFY },
      { kind: 'para', text: WARRANT_PROGRESS },
      signature(f),
    ],
  },
  unconditional_progress: {
    sub: '(c)',
    title: 'Unconditional Waiver and Release on Progress Payment',
    blocks: (f) => [
      { kind: 'title', text: 'UNCONDITIONAL WAIVER AND RELEASE ON PROGRESS PAYMENT' },
      { kind: 'notice', text: NOTICE },
      ...head(f),
      {
        kind: 'para',
        text:
          `The signer of this document has been paid and has received a progress payment in the sum of $${figures(f.amountCents)} for all labor, services, equipment, or materials furnished ` +
          `to the property or to ${blank(f.customer, 'person with whom signer contracted')} on the property of ${blank(f.owner, 'owner')} located at ${blank(f.jobLocation, 'location')} ` +
          `to the following extent: ${blank(f.jobDescription, 'job description')}. The signer therefore waives and releases ${RIGHTS} that the signer has on the above referenced project to the following extent:`,
      },
      { kind: 'para', text: progressCovers(f) },
      { kind: 'para', text: WARRANT_PROGRESS },
      signature(f),
    ],
  },
  conditional_final: {
    sub: '(d)',
    title: 'Conditional Waiver and Release on Final Payment',
    blocks: (f) => [
      { kind: 'title', text: 'CONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT' },
      ...head(f),
      { kind: 'para', text: onCheck(f) },
      {
        kind: 'para',
        text: `This release covers the final payment to the signer for all labor, services, equipment, or materials furnished to the property or to ${blank(f.customer, 'person with whom signer contracted')}.`,
      },
      { kind: 'para', text: VERIFY },
      { kind: 'para', text: WARRANT_FINAL },
      signature(f),
    ],
  },
  unconditional_final: {
    sub: '(e)',
    title: 'Unconditional Waiver and Release on Final Payment',
    blocks: (f) => [
      { kind: 'title', text: 'UNCONDITIONAL WAIVER AND RELEASE ON FINAL PAYMENT' },
      { kind: 'notice', text: NOTICE },
      ...head(f),
      {
        kind: 'para',
        text:
          `The signer of this document has been paid in full for all labor, services, equipment, or materials furnished to the property or to ${blank(f.customer, 'person with whom signer contracted')} ` +
          `on the property of ${blank(f.owner, 'owner')} located at ${blank(f.jobLocation, 'location')} to the following extent: ${blank(f.jobDescription, 'job description')}. ` +
          `The signer therefore waives and releases ${RIGHTS}.`,
      },
      { kind: 'para', text: WARRANT_FINAL },
      signature(f),
    ],
  },
};

export function texasWaiver(type: WaiverType, fill: WaiverFill): WaiverDocument {
  const form = FORMS[type];
  return {
    form: 'us-tx',
    type,
    locale: 'en',
    title: form.title,
    citation: `Texas Property Code § 53.284${form.sub} (statutory form)`,
    blocks: form.blocks(fill),
  };
}
