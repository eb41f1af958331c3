import { describe, expect, it } from 'vitest';
import { blankPayment, fromSuggestion, localToday, methodFromText, serverFieldErrors, toRequest } from './payment-form';

const today = '2027-03-15';

describe('payment form', () => {
  it('reads the amount as the pane’s language writes money', () => {
    const form = { ...blankPayment(today), amount: '4.387,50', reference: ' 10442 ', note: ' first half ' };
    expect(toRequest(form, 'es', today)).toEqual({
      ok: true,
      body: { receivedOn: today, amountCents: 438_750, method: 'check', reference: '10442', note: 'first half' },
    });
    expect(toRequest({ ...form, amount: '4\u202f387,50' }, 'fr', today)).toMatchObject({ ok: true, body: { amountCents: 438_750 } });
    expect(toRequest({ ...form, amount: '$4,387.50' }, 'en', today)).toMatchObject({ ok: true, body: { amountCents: 438_750 } });
    // "4.387,50" is not an amount in English: named on the field, nothing sent
    expect(toRequest(form, 'en', today)).toEqual({ ok: false, errors: { amount: { code: 'NOT_A_NUMBER' } } });
  });

  it('names every bad field at once: empty or future date, zero amount, too long a reference', () => {
    const r = toRequest({ ...blankPayment(today), receivedOn: '2027-03-16', amount: '0', reference: 'x'.repeat(101) }, 'en', today);
    expect(r).toEqual({ ok: false, errors: { receivedOn: { code: 'IN_THE_FUTURE' }, amount: { code: 'NOT_POSITIVE' }, reference: { code: 'TOO_LONG' } } });
    expect(toRequest({ ...blankPayment(today), receivedOn: '', amount: '' }, 'en', today)).toEqual({
      ok: false,
      errors: { receivedOn: { code: 'REQUIRED' }, amount: { code: 'EMPTY' } },
    });
    expect(toRequest({ ...blankPayment(today), amount: '1.005' }, 'en', today)).toEqual({ ok: false, errors: { amount: { code: 'TOO_MANY_DECIMALS' } } });
  });

  it("pre-fills from an owner's notice (amount in the pane's language, its date unless in the future) and confirms it as the source", () => {
    const s = { messageId: 'msg_1', amountCents: 1_234_567, reference: 'W-88', receivedOn: '2027-03-10', excerpt: 'Virement effectué ce matin, réf. W-88.' };
    const form = fromSuggestion(s, today, 'fr');
    expect(form).toMatchObject({ receivedOn: '2027-03-10', reference: 'W-88', method: 'wire', sourceMessageId: 'msg_1' });
    expect(toRequest(form, 'fr', today)).toMatchObject({ ok: true, body: { amountCents: 1_234_567, sourceMessageId: 'msg_1', receivedOn: '2027-03-10' } });
    expect(fromSuggestion({ ...s, amountCents: null, receivedOn: '2027-04-01' }, today, 'en')).toMatchObject({ amount: '', receivedOn: today });
  });

  it('takes the method the notice names first, in any of the languages', () => {
    expect(methodFromText('Payment of $88,250.00 was sent via wire this morning.')).toBe('wire');
    expect(methodFromText('Check #10233 has been mailed; the wire failed.')).toBe('check');
    expect(methodFromText('Transferencia realizada.')).toBe('wire');
    expect(methodFromText('Paid by ACH today.')).toBe('ach');
    expect(methodFromText('Chèque posté hier.')).toBe('check');
    expect(methodFromText('This invoice was paid on 4/18.')).toBeNull();
  });

  it("puts the server's refusals on the field they name; unknown codes keep the server's sentence", () => {
    expect(
      serverFieldErrors([
        { field: 'receivedOn', code: 'BEFORE_SUBMISSION', message: 'before submission' },
        { field: 'amountCents', code: 'CUSTOM', message: 'a payment is more than 0 cents' },
        { field: 'sourceMessageId', code: 'ALREADY_RECORDED', message: 'already confirmed' },
      ]),
    ).toEqual({ receivedOn: { code: 'BEFORE_SUBMISSION' }, amount: { message: 'a payment is more than 0 cents' } });
  });

  it("today is the user's calendar day", () => {
    expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
