import { describe, expect, it } from 'vitest';
import { checkGenerate, checkReceived, checkSign, firstAvailableType, typeChoices, type AvailableWaiver } from './waiver-choices';

// An approved invoice with line 8 = $42,750.00 and two payments recorded ($20,000.00 and $22,750.00):
// the conditional progress waiver is for line 8; each unconditional one for its payment; final
// waivers are refused (not the last invoice), with the server's reason code.
const available: AvailableWaiver[] = [
  { type: 'conditional_progress', form: 'us-ca', amountCents: 4_275_000, paymentId: null, why: null, reason: null },
  { type: 'unconditional_progress', form: 'us-ca', amountCents: 2_000_000, paymentId: 'pay_1', receivedOn: '2026-11-02', why: null, reason: null },
  { type: 'unconditional_progress', form: 'us-ca', amountCents: 2_275_000, paymentId: 'pay_2', receivedOn: '2026-11-20', why: null, reason: null },
  {
    type: 'conditional_final',
    form: 'us-ca',
    amountCents: 0,
    paymentId: null,
    why: { code: 'NOT_FINAL', invoiceNumber: 2 },
    reason: 'Invoice #2 does not bill the contract to 100% and is not a retainage release: it is not the final payment',
  },
];

describe('what can be generated now', () => {
  it('lists the four types in order, with amounts per payment and reasons otherwise', () => {
    const choices = typeChoices(available, 'us-ca');
    expect(choices).toEqual([
      { type: 'conditional_progress', isAvailable: true, options: [{ paymentId: null, amountCents: 4_275_000, receivedOn: null }] },
      {
        type: 'unconditional_progress',
        isAvailable: true,
        options: [
          { paymentId: 'pay_1', amountCents: 2_000_000, receivedOn: '2026-11-02' },
          { paymentId: 'pay_2', amountCents: 2_275_000, receivedOn: '2026-11-20' },
        ],
      },
      { type: 'conditional_final', isAvailable: false, why: { code: 'NOT_FINAL', invoiceNumber: 2 } },
      { type: 'unconditional_final', isAvailable: false, why: null },
    ]);
    expect(firstAvailableType(choices)).toBe('conditional_progress');
  });

  it('takes the entries of another form when the server lists the amounts once (they do not depend on the form)', () => {
    expect(typeChoices(available, 'generic')[1]).toMatchObject({ isAvailable: true, options: [{ paymentId: 'pay_1' }, { paymentId: 'pay_2' }] });
  });

  it('counts a payment listed once per form once', () => {
    const perForm = (['generic', 'us-ca', 'us-tx'] as const).map((form) => ({ ...available[1]!, form }));
    expect(typeChoices(perForm, 'us-tx')[1]).toEqual({
      type: 'unconditional_progress',
      isAvailable: true,
      options: [{ paymentId: 'pay_1', amountCents: 2_000_000, receivedOn: '2026-11-02' }],
    });
  });

  it('never offers an unconditional waiver without a payment, nor anything when nothing is listed', () => {
    const noPayment: AvailableWaiver[] = [{ type: 'unconditional_progress', form: 'generic', amountCents: 100, paymentId: null, why: null, reason: null }];
    expect(typeChoices(noPayment, 'generic')[1]).toEqual({ type: 'unconditional_progress', isAvailable: false, why: null });
    expect(firstAvailableType(typeChoices([], 'generic'))).toBeNull();
  });
});

describe('the generate request', () => {
  const choices = typeChoices(available, 'us-ca');

  it('a conditional waiver needs no payment and carries the invoice amount', () => {
    expect(
      checkGenerate(choices, { type: 'conditional_progress', form: 'us-ca', paymentId: 'pay_1' }, { throughDate: ' 2026-10-31 ', exceptions: '  ' }),
    ).toEqual({
      ok: true,
      amountCents: 4_275_000,
      body: { type: 'conditional_progress', form: 'us-ca', throughDate: '2026-10-31' },
    });
  });

  it('an unconditional waiver with two payments asks which one, then carries that payment’s amount', () => {
    expect(checkGenerate(choices, { type: 'unconditional_progress', form: 'us-ca', paymentId: null })).toEqual({ ok: false, problem: 'choose_payment' });
    expect(checkGenerate(choices, { type: 'unconditional_progress', form: 'us-ca', paymentId: 'pay_9' })).toEqual({ ok: false, problem: 'choose_payment' });
    expect(checkGenerate(choices, { type: 'unconditional_progress', form: 'us-ca', paymentId: 'pay_2' })).toEqual({
      ok: true,
      amountCents: 2_275_000,
      body: { type: 'unconditional_progress', form: 'us-ca', paymentId: 'pay_2' },
    });
  });

  it('a single payment is taken without asking', () => {
    const one = typeChoices([available[1]!], 'generic');
    expect(checkGenerate(one, { type: 'unconditional_progress', form: 'generic', paymentId: null })).toMatchObject({ ok: true, body: { paymentId: 'pay_1' } });
  });

  it('refuses a type that cannot be made now, or no type', () => {
    expect(checkGenerate(choices, { type: 'conditional_final', form: 'us-ca', paymentId: null })).toEqual({ ok: false, problem: 'not_available' });
    expect(checkGenerate(choices, { type: null, form: 'us-ca', paymentId: null })).toEqual({ ok: false, problem: 'choose_type' });
  });
});

describe('the typed-name signature', () => {
  it('needs a full name, a title and the explicit consent', () => {
    expect(checkSign({ signerName: '', signerTitle: ' ', consent: false })).toEqual({
      ok: false,
      problems: { signerName: 'name_required', signerTitle: 'title_required', consent: 'consent_required' },
    });
    expect(checkSign({ signerName: 'Ana', signerTitle: 'CFO', consent: true })).toEqual({ ok: false, problems: { signerName: 'name_one_word' } });
  });

  it('sends the name and title as typed, spaces tidied, with consent: true', () => {
    expect(checkSign({ signerName: '  Ana   Ruiz ', signerTitle: 'Project  Manager', consent: true })).toEqual({
      ok: true,
      body: { signerName: 'Ana Ruiz', signerTitle: 'Project Manager', consent: true },
    });
  });
});

describe('a waiver received from a subcontractor', () => {
  const file = { name: 'steel-waiver.pdf' };
  const today = '2026-11-30';

  it('reads the amount in the pane’s notation', () => {
    for (const [locale, amount] of [
      ['en', '12,500.50'],
      ['es', '12.500,50'],
      ['fr', '12 500,50'],
    ] as const) {
      expect(checkReceived({ type: 'unconditional_progress', amount, throughDate: '2026-10-31', file }, locale, today)).toEqual({
        ok: true,
        value: { type: 'unconditional_progress', amountCents: 1_250_050, throughDate: '2026-10-31' },
      });
    }
  });

  it('says what is missing or wrong on each field', () => {
    expect(checkReceived({ type: '', amount: '', throughDate: '', file: null }, 'en', today)).toEqual({
      ok: false,
      problems: { type: 'required', amount: 'required', throughDate: 'required', file: 'required' },
    });
    const bad = (amount: string, throughDate: string) => checkReceived({ type: 'conditional_progress', amount, throughDate, file }, 'en', today);
    expect(bad('12.505', '2026-12-01')).toEqual({ ok: false, problems: { amount: 'amount_too_precise', throughDate: 'date_future' } });
    expect(bad('0', '2026-13-45')).toEqual({ ok: false, problems: { amount: 'amount_not_positive', throughDate: 'date_invalid' } });
    expect(bad('-5', today)).toEqual({ ok: false, problems: { amount: 'amount_not_positive' } });
    expect(bad('twelve', today)).toEqual({ ok: false, problems: { amount: 'amount_not_number' } });
  });
});
