import { describe, expect, it } from 'vitest';
import type { Contract } from '../../api';
import { bodyOf, emptyForm, formOf, problemsFromServer } from './contract-form-state';

const contract: Contract = {
  id: 'ctr_1',
  projectId: 'prj_1',
  kind: 'commitment',
  number: 2,
  title: 'Steel',
  counterpartyCompanyId: 'co_9',
  status: 'draft',
  accountingMethod: 'unit',
  workRetainageBps: 550,
  storedRetainageBps: 0,
  retainageReduction: { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 250, mode: 'rerate_all' },
  allowOverbilling: true,
  isPrivate: true,
  contractDate: '2026-03-01',
  architect: 'A+E',
  description: '',
  paymentTermsDays: 45,
  remindersEnabled: true,
  reminderCadenceDays: 10,
  privateUserIds: ['u1'],
  invoiceContactUserIds: ['u2'],
  originalContractSumCents: 0,
  approvedChangeOrdersCents: 0,
  revisedContractSumCents: 0,
  lineCount: 0,
  deadlines: [],
};

describe('contract form ↔ API body', () => {
  it('writes a contract back unchanged through the form (French decimal commas)', () => {
    const values = formOf(contract, 'fr');
    expect(values.workRetainage).toBe('5,5');
    expect(values.reducedRate).toBe('2,5');
    const r = bodyOf(values);
    expect(r).toEqual({
      ok: true,
      body: {
        title: 'Steel',
        counterpartyCompanyId: 'co_9',
        contractDate: '2026-03-01',
        architect: 'A+E',
        description: '',
        workRetainageBps: 550,
        storedRetainageBps: 0,
        retainageReduction: { thresholdPercentCompleteBps: 5000, reducedWorkRateBps: 250, mode: 'rerate_all' },
        allowOverbilling: true,
        paymentTermsDays: 45,
        remindersEnabled: true,
        reminderCadenceDays: 10,
        isPrivate: true,
        privateUserIds: ['u1'],
        invoiceContactUserIds: ['u2'],
      },
    });
  });

  it('names every wrong field at once and sends nothing', () => {
    const r = bodyOf({ ...emptyForm(), title: ' ', workRetainage: '5.555', storedRetainage: 'x', hasReduction: true, threshold: '101', reducedRate: '' });
    expect(r).toEqual({
      ok: false,
      problems: {
        title: { problem: 'required' },
        workRetainage: { problem: 'too_precise' },
        storedRetainage: { problem: 'not_number' },
        threshold: { problem: 'range' },
        reducedRate: { problem: 'required' },
      },
    });
  });

  it('empty optional fields become null, no reduction is null, a public contract keeps no private list', () => {
    const r = bodyOf({ ...emptyForm(), title: 'Owner contract', privateUserIds: ['u1'] });
    expect(r.ok && r.body).toMatchObject({
      counterpartyCompanyId: null,
      contractDate: null,
      retainageReduction: null,
      privateUserIds: [],
      workRetainageBps: 1000,
      storedRetainageBps: 500,
    });
  });

  it('payment terms and the reminder cadence are whole days in the API’s ranges', () => {
    const r = bodyOf({ ...emptyForm(), title: 'T', paymentTermsDays: '30.5', remindersEnabled: true, reminderCadenceDays: '91' });
    expect(r).toEqual({
      ok: false,
      problems: { paymentTermsDays: { days: 'not_whole', min: 1, max: 365 }, reminderCadenceDays: { days: 'range', min: 1, max: 90 } },
    });
    expect(bodyOf({ ...emptyForm(), title: 'T', paymentTermsDays: '' })).toEqual({
      ok: false,
      problems: { paymentTermsDays: { days: 'required', min: 1, max: 365 } },
    });
    expect(bodyOf({ ...emptyForm(), title: 'T', paymentTermsDays: '366' })).toMatchObject({ ok: false, problems: { paymentTermsDays: { days: 'range' } } });
    const ok = bodyOf({ ...emptyForm(), title: 'T', paymentTermsDays: ' 60 ', remindersEnabled: true, reminderCadenceDays: '14' });
    expect(ok.ok && ok.body).toMatchObject({ paymentTermsDays: 60, remindersEnabled: true, reminderCadenceDays: 14 });
  });

  it('with reminders off, a bad cadence does not block the save and is not sent', () => {
    const r = bodyOf({ ...emptyForm(), title: 'T', remindersEnabled: false, reminderCadenceDays: 'x' });
    expect(r.ok).toBe(true);
    expect(r.ok && 'reminderCadenceDays' in r.body).toBe(false);
    expect(r.ok && r.body).toMatchObject({ paymentTermsDays: 30, remindersEnabled: false });
  });

  it('puts server details on the fields they name, list items on their list', () => {
    const { fields, other } = problemsFromServer([
      { field: 'retainageReduction.reducedWorkRateBps', code: 'too_big', message: 'at most 10000' },
      { field: 'privateUserIds.1', code: 'NOT_MEMBER', message: 'u7 is not a member of this project' },
      { field: '(body)', code: 'x', message: 'something else' },
      { field: 'reminderCadenceDays', code: 'too_big', message: 'at most 90 days' },
    ]);
    expect(fields).toEqual({
      reducedRate: { server: 'at most 10000' },
      privateUserIds: { server: 'u7 is not a member of this project' },
      reminderCadenceDays: { server: 'at most 90 days' },
    });
    expect(other).toEqual(['something else']);
  });
});
