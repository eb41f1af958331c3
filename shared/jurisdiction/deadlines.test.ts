import { describe, expect, it } from 'vitest';
import { contractDeadlines, invoiceDeadlines } from './deadlines';
import { holdbackAnniversary, RULES, type ContractFacts } from './rules';

// Expected dates are counted by hand in the comments, not with the code under test.

const contract = (over: Partial<ContractFacts> = {}): ContractFacts => ({
  jurisdiction: 'US-CA',
  workType: 'private',
  kind: 'prime',
  contractDate: '2026-03-01',
  contractSumCents: 100_000_000,
  maxRetainageBps: 1000,
  workRetainageBps: 1000,
  ...over,
});
const codes = (d: Array<{ code: string; severity: string }>) => d.map((x) => `${x.code}:${x.severity}`);
const AS_OF = '2026-11-30';

describe('retainage caps', () => {
  it('California private 10% on a 2026 contract: a warning citing Civil Code §8811 and its source', () => {
    const d = contractDeadlines(contract(), AS_OF, 'en');
    expect(d).toEqual([
      {
        code: 'US-CA.private-retainage-cap',
        severity: 'warning',
        message: "Retainage 10% is above California's 5% cap for private works (Civil Code §8811).",
        dueOn: null,
        source: {
          title: expect.stringContaining('SB 61'),
          url: 'https://www.coxcastle.com/publication-new-california-law-caps-construction-contract-retention-at-5-on-private-projects',
          checkedOn: '2026-11-30',
        },
      },
    ]);
  });

  it('California private: 5% is within the cap; a contract signed before 2026 is not under SB 61', () => {
    expect(contractDeadlines(contract({ maxRetainageBps: 500, workRetainageBps: 500 }), AS_OF, 'en')).toEqual([]);
    expect(contractDeadlines(contract({ contractDate: '2025-12-31' }), AS_OF, 'en')).toEqual([]);
    expect(codes(contractDeadlines(contract({ contractDate: '2026-01-01' }), AS_OF, 'en'))).toEqual(['US-CA.private-retainage-cap:warning']);
  });

  it('the highest rate counts: 5% on work but 7.5% on stored materials is above the cap', () => {
    const [d] = contractDeadlines(contract({ workRetainageBps: 500, maxRetainageBps: 750 }), AS_OF, 'en');
    expect(d!.message).toBe("Retainage 7.5% is above California's 5% cap for private works (Civil Code §8811).");
  });

  it('without a contract date a dated cap is an info note that asks for the date', () => {
    const [d] = contractDeadlines(contract({ contractDate: null }), AS_OF, 'en');
    expect(d).toMatchObject({ code: 'US-CA.private-retainage-cap', severity: 'info' });
    expect(d!.message).toBe(
      "Retainage 10% is above California's 5% cap for private works (Civil Code §8811). It applies to contracts signed on or after 01/01/2026: give the contract its date.",
    );
  });

  it('California public works: Public Contract Code §7201, whatever the date', () => {
    const d = contractDeadlines(contract({ workType: 'public', contractDate: '2015-06-01', maxRetainageBps: 600 }), AS_OF, 'en');
    expect(d.map((x) => [x.code, x.severity, x.message])).toEqual([
      ['US-CA.public-retainage-cap', 'warning', "Retainage 6% is above California's 5% cap for public works (Public Contract Code §7201)."],
    ]);
  });

  it('New York private: from $150,000 and contracts from 2023-11-17', () => {
    const ny = (over: Partial<ContractFacts>) => codes(contractDeadlines(contract({ jurisdiction: 'US-NY', ...over }), AS_OF, 'en'));
    expect(ny({ contractSumCents: 15_000_000 })).toEqual(['US-NY.private-retainage-cap:warning']);
    expect(ny({ contractSumCents: 14_999_999 })).toEqual([]);
    expect(ny({ contractDate: '2023-11-16' })).toEqual([]);
    expect(ny({ workType: 'public' })).toEqual([]);
    expect(contractDeadlines(contract({ jurisdiction: 'US-NY', contractSumCents: 15_000_000 }), AS_OF, 'en')[0]!.message).toBe(
      "Retainage 10% is above New York's 5% cap for private works of $150,000 or more (General Business Law §756-c).",
    );
  });

  it('Massachusetts: private prime contracts of $3,000,000 or more only', () => {
    const ma = (over: Partial<ContractFacts>) =>
      codes(contractDeadlines(contract({ jurisdiction: 'US-MA', contractSumCents: 300_000_000, ...over }), AS_OF, 'en'));
    expect(ma({})).toEqual(['US-MA.private-retainage-cap:warning']);
    expect(ma({ contractSumCents: 299_999_999 })).toEqual([]);
    expect(ma({ kind: 'commitment' })).toEqual([]);
  });

  it('Florida: public works of $200,000 or more from 2020-10-01; private retainage is not capped', () => {
    expect(codes(contractDeadlines(contract({ jurisdiction: 'US-FL', workType: 'public', contractSumCents: 20_000_000 }), AS_OF, 'en'))).toEqual([
      'US-FL.public-retainage-cap:warning',
    ]);
    expect(contractDeadlines(contract({ jurisdiction: 'US-FL', workType: 'public', contractSumCents: 19_999_999 }), AS_OF, 'en')).toEqual([]);
    expect(contractDeadlines(contract({ jurisdiction: 'US-FL' }), AS_OF, 'en')).toEqual([]);
  });

  it('Texas: retainage below 10% on an owner contract is an info note (a floor for the owner), never a warning', () => {
    const d = contractDeadlines(contract({ jurisdiction: 'US-TX', workRetainageBps: 500, maxRetainageBps: 500 }), AS_OF, 'en');
    expect(d.map((x) => [x.code, x.severity])).toEqual([['US-TX.owner-retainage', 'info']]);
    expect(d[0]!.message).toContain('this contract holds 5%');
    expect(contractDeadlines(contract({ jurisdiction: 'US-TX' }), AS_OF, 'en')).toEqual([]);
    expect(contractDeadlines(contract({ jurisdiction: 'US-TX', workRetainageBps: 0, kind: 'commitment' }), AS_OF, 'en')).toEqual([]);
  });

  it('no jurisdiction chosen: nothing', () => {
    expect(contractDeadlines(contract({ jurisdiction: null }), AS_OF, 'en')).toEqual([]);
  });

  it('speaks Spanish and French (a no-break space before %, a decimal comma)', () => {
    expect(contractDeadlines(contract({ maxRetainageBps: 750 }), AS_OF, 'fr')[0]!.message).toContain('La retenue de 7,5\u00a0% dépasse');
    expect(contractDeadlines(contract(), AS_OF, 'es-MX')[0]!.message).toBe(
      'La retención del 10\u00a0% supera el tope del 5\u00a0% de California para obras privadas (Civil Code §8811).',
    );
    expect(contractDeadlines(contract(), AS_OF, 'fr')[0]!.message).toBe(
      'La retenue de 10\u00a0% dépasse le plafond de 5\u00a0% de la Californie pour les travaux privés (Civil Code §8811).',
    );
  });
});

describe('Ontario', () => {
  const on = (over: Partial<ContractFacts> = {}) => contract({ jurisdiction: 'CA-ON', contractDate: '2026-03-15', ...over });

  it('prompt payment: submitted 2026-03-10 → notice of non-payment by 03-24 (10 + 14), payment by 04-07 (10 + 28 = 38 = 31 + 7)', () => {
    const d = invoiceDeadlines(on(), { submittedOn: '2026-03-10', openCents: 100 }, '2026-03-20', 'en').filter((x) => x.code === 'CA-ON.prompt-payment');
    expect(d.map((x) => [x.severity, x.dueOn])).toEqual([
      ['info', '2026-04-07'],
      ['info', '2026-03-24'],
    ]);
    expect(d[0]!.message).toBe('Ontario prompt payment: the owner pays a proper invoice within 28 days, by 04/07/2026 (Construction Act, Part I.1).');
    expect(d[1]!.message).toBe(
      'An owner who disputes this invoice must give a notice of non-payment within 14 days, by 03/24/2026 (Construction Act, Part I.1).',
    );
  });

  it('past the 28 days with money open it is a warning with the days late: 2026-04-10 is 3 days after 04-07', () => {
    const [pay] = invoiceDeadlines(on(), { submittedOn: '2026-03-10', openCents: null }, '2026-04-10', 'en').filter((x) => x.code === 'CA-ON.prompt-payment');
    expect(pay).toMatchObject({ severity: 'warning', dueOn: '2026-04-07' });
    expect(pay!.message).toContain('it is 3 day(s) late');
    // on the day itself it is not late yet
    expect(
      invoiceDeadlines(on(), { submittedOn: '2026-03-10', openCents: 1 }, '2026-04-07', 'en').find((x) => x.code === 'CA-ON.prompt-payment')!.severity,
    ).toBe('info');
  });

  it('across the year end: submitted 2026-12-20 → notice by 2027-01-03 (20 + 14 − 31), payment by 2027-01-17 (20 + 28 − 31)', () => {
    const d = invoiceDeadlines(on(), { submittedOn: '2026-12-20', openCents: 5 }, '2026-12-21', 'en').filter((x) => x.code === 'CA-ON.prompt-payment');
    expect(d.map((x) => x.dueOn)).toEqual(['2027-01-17', '2027-01-03']);
  });

  it('no clocks on a paid invoice, a draft, a commitment, or a project elsewhere', () => {
    const clocks = (c: ContractFacts, submittedOn: string | null, openCents: number | null) =>
      invoiceDeadlines(c, { submittedOn, openCents }, '2026-03-20', 'en').filter((x) => x.code.endsWith('prompt-payment'));
    expect(clocks(on(), '2026-03-10', 0)).toEqual([]);
    expect(clocks(on(), null, null)).toEqual([]);
    expect(clocks(on({ kind: 'commitment' }), '2026-03-10', 10)).toEqual([]);
    expect(clocks(on({ jurisdiction: 'US-NY' }), '2026-03-10', 10)).toEqual([]);
    // Alberta: the same clocks, as info even when late
    expect(clocks(on({ jurisdiction: 'CA-AB' }), '2026-01-10', 10).map((x) => [x.code, x.severity, x.dueOn])).toEqual([
      ['CA-AB.prompt-payment', 'info', '2026-02-07'],
      ['CA-AB.prompt-payment', 'info', '2026-01-24'],
    ]);
  });

  it('annual holdback release: contract 2026-03-15 → notice by 2027-03-29 (anniversary + 14), payment by 2027-06-11 (+74: 2 + 30 + 31 + 11)', () => {
    const d = contractDeadlines(on(), AS_OF, 'en').filter((x) => x.code === 'CA-ON.annual-holdback-release');
    expect(d.map((x) => [x.severity, x.dueOn])).toEqual([
      ['info', '2027-03-29'],
      ['info', '2027-06-11'],
    ]);
    expect(d[0]!.message).toBe(
      "Annual holdback release: the owner's notice is due within 14 days of the contract's anniversary on 03/15/2027, by 03/29/2027 (Construction Act).",
    );
  });

  it('annual holdback release: the next year once the last payment day has passed; a pre-2026 contract starts at its second anniversary after 2026-01-01', () => {
    expect(holdbackAnniversary('2026-03-15', '2027-06-11')).toBe('2027-03-15');
    expect(holdbackAnniversary('2026-03-15', '2027-06-12')).toBe('2028-03-15');
    // signed 2024-05-01: 2026-05-01 is the first anniversary after the amendments (no release), 2027-05-01 the second
    expect(holdbackAnniversary('2024-05-01', '2026-02-01')).toBe('2027-05-01');
    // notice 2027-05-15, payment 2027-05-15 + 74 = 16 (to May 31) + 30 (June) + 28 → 2027-07-28
    expect(
      contractDeadlines(on({ contractDate: '2024-05-01' }), AS_OF, 'en')
        .filter((x) => x.code === 'CA-ON.annual-holdback-release')
        .map((x) => x.dueOn),
    ).toEqual(['2027-05-15', '2027-07-28']);
    // a leap-day contract's anniversary is Feb 28 in common years
    expect(holdbackAnniversary('2028-02-29', '2028-03-01')).toBe('2029-02-28');
  });

  it('annual holdback release without a contract date: one note asking for it; basic holdback below 10% is an info note', () => {
    const undated = contractDeadlines(on({ contractDate: null }), AS_OF, 'en');
    expect(undated.map((x) => [x.code, x.severity, x.dueOn])).toEqual([['CA-ON.annual-holdback-release', 'info', null]]);
    expect(codes(contractDeadlines(on({ workRetainageBps: 500, maxRetainageBps: 500 }), AS_OF, 'en'))).toEqual([
      'CA-ON.basic-holdback:info',
      'CA-ON.annual-holdback-release:info',
      'CA-ON.annual-holdback-release:info',
    ]);
  });

  it('the invoice view repeats the contract-level rules', () => {
    expect(codes(invoiceDeadlines(contract(), { submittedOn: '2026-03-10', openCents: 1 }, AS_OF, 'en'))).toEqual(['US-CA.private-retainage-cap:warning']);
  });
});

describe('the rule table', () => {
  it('every rule has a unique code, a source with an https URL and the day it was checked', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.source.url, r.code).toMatch(/^https:\/\//);
      expect(r.source.checkedOn, r.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.code.startsWith(`${r.jurisdiction}.`), r.code).toBe(true);
    }
  });

  it('says in whole dollars which contracts a cap reaches', () => {
    const ny = RULES.find((r) => r.jurisdiction === 'US-NY')!;
    expect(ny.checks).toContain('on contracts of $150,000 or more');
    const ma = RULES.find((r) => r.jurisdiction === 'US-MA')!;
    expect(ma.checks).toContain('on contracts of $3,000,000 or more');
  });
});
