import { describe, expect, it } from 'vitest';
import { paymentReference } from './reference';

describe('payment reference in a notice', () => {
  it.each([
    ['Check #10233 has been mailed.', '10233'],
    ['Cheque no. 004512 is in the mail', '004512'],
    ['Wire sent today, ref 88213-A.', '88213-A'],
    ['Wire reference: FT26118XQ9 for $19,252.83', 'FT26118XQ9'],
    ['Transferencia realizada con referencia 4471.', '4471'],
    ['Virement effectué, réf. 2026-118.', '2026-118'],
    ['ACH trace number 021000021234567 sent', '021000021234567'],
  ])('%s → %s', (text, ref) => {
    expect(paymentReference(text)).toBe(ref);
  });

  it.each([['Wire sent today.'], ['Payment of $88,250.00 was sent via wire this morning.'], ['This invoice was paid on 4/18.'], ['']])(
    'finds none in %j',
    (text) => {
      expect(paymentReference(text)).toBeNull();
    },
  );
});
