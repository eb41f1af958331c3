import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../i18n/i18n-context';
import { auditFacts } from './audit-trail';
import { waiverLabels } from './labels';

describe('the audit trail details', () => {
  it('names what was recorded in the pane’s words, money and dates formatted, ids left out', () => {
    const created = { type: 'unconditional_progress', form: 'us-ca', amountCents: 625_000, throughDate: '2026-10-31', paymentId: 'pay_1' };
    expect(auditFacts(created, waiverLabels('en'), makeI18n('en'))).toEqual([
      ['Type', 'Unconditional waiver on progress payment'],
      ['Form', 'California statutory form (Civil Code §§\u00a08132–8138)'],
      ['Amount', '$6,250.00'],
      ['Work through', 'Oct 31, 2026'],
    ]);
  });

  it('shows the signature evidence, and an unknown value as it was recorded', () => {
    const signed = { signerName: 'Ana Ruiz', signerTitle: 'CFO', consent: true, ip: '127.0.0.1', pdfSha256: 'ab12', attachmentId: 'att_1', sizeBytes: 6952 };
    expect(auditFacts(signed, waiverLabels('es'), makeI18n('es'))).toEqual([
      ['Nombre escrito', 'Ana Ruiz'],
      ['Cargo', 'CFO'],
      ['Consentimiento para firmar electrónicamente', 'Sí'],
      ['Dirección IP', '127.0.0.1'],
      ['SHA-256 del PDF', 'ab12'],
    ]);
    expect(auditFacts({ reason: 'Wrong payment', was: 'signed', form: 'us-zz' }, waiverLabels('en'), makeI18n('en'))).toEqual([
      ['Form', 'us-zz'],
      ['Reason', 'Wrong payment'],
      ['Status before', 'Signed'],
    ]);
  });
});
