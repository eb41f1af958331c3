import { describe, expect, it } from 'vitest';
import { waiverDocument } from './index';
import { WAIVER_TYPES, type WaiverFill } from './types';

const fill: WaiverFill = {
  claimant: 'Northbridge Builders Inc.',
  customer: 'Harbor View Owner LLC',
  owner: 'Harbor View Owner LLC',
  jobName: 'Harbor View',
  jobNumber: 'HV-2',
  jobLocation: '1450 Embarcadero Blvd',
  jobDescription: 'Owner contract',
  makerOfCheck: 'Harbor View Owner LLC',
  payableTo: 'Northbridge Builders Inc.',
  amountCents: 4_500_000,
  throughDate: '2026-01-31',
  exceptions: '',
  disputedClaimsCents: null,
  priorUnpaid: [],
  signerName: null,
  signerTitle: null,
  signedOn: null,
};

const headings = (form: 'us-ca' | 'us-tx', type: (typeof WAIVER_TYPES)[number]) =>
  waiverDocument(form, type, fill, 'en')
    .blocks.filter((b) => b.kind === 'heading')
    .map((b) => (b as { text: string }).text);

describe('statutory waiver forms', () => {
  it('are English whatever the user’s language (legal texts); the generic form follows the language', () => {
    for (const type of WAIVER_TYPES) {
      for (const form of ['us-ca', 'us-tx'] as const) {
        expect(waiverDocument(form, type, fill, 'fr')).toEqual(waiverDocument(form, type, fill, 'en'));
      }
      expect(waiverDocument('generic', type, fill, 'fr').title).not.toBe(waiverDocument('generic', type, fill, 'en').title);
    }
  });

  it('California: the statute’s section headings in its order, the Through Date only on progress forms, the notice by kind', () => {
    expect(headings('us-ca', 'conditional_progress')).toEqual(['Identifying Information', 'Conditional Waiver and Release', 'Exceptions', 'Signature']);
    expect(headings('us-ca', 'unconditional_final')).toEqual(['Identifying Information', 'Unconditional Waiver and Release', 'Exceptions', 'Signature']);
    for (const type of WAIVER_TYPES) {
      const doc = waiverDocument('us-ca', type, fill, 'en');
      const labels = doc.blocks.flatMap((b) => (b.kind === 'field' ? [b.label] : []));
      expect(labels.includes('Through Date:')).toBe(type.endsWith('progress'));
      const notice = doc.blocks.find((b) => b.kind === 'notice') as { text: string };
      expect(notice.text.startsWith(type.startsWith('unconditional') ? 'NOTICE TO CLAIMANT:' : 'NOTICE: THIS DOCUMENT WAIVES THE CLAIMANT’S LIEN')).toBe(true);
    }
  });

  it('Texas: no section headings; the notice only on the unconditional forms; blanks carry the statute’s captions', () => {
    for (const type of WAIVER_TYPES) {
      const doc = waiverDocument('us-tx', type, fill, 'en');
      expect(headings('us-tx', type)).toEqual([]);
      expect(doc.blocks.some((b) => b.kind === 'notice')).toBe(type.startsWith('unconditional'));
      const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
      expect(text).toContain('Harbor View Owner LLC (person with whom signer contracted)');
    }
    const cond = waiverDocument('us-tx', 'conditional_progress', fill, 'en')
      .blocks.map((b) => ('text' in b ? b.text : ''))
      .join(' ');
    expect(cond).toContain('in the sum of $45,000.00 payable to Northbridge Builders Inc. (payee or payees of check)');
  });

  it('an unsigned form leaves the signature blank as a line to sign on', () => {
    const sig = waiverDocument('us-ca', 'conditional_progress', fill, 'en').blocks.find((b) => b.kind === 'signature') as { lines: Array<{ value: string }> };
    expect(sig.lines.map((l) => l.value)).toEqual(['____________________', '____________________', '____________________']);
  });
});
