// The contract setup form's values ↔ the API's create/update bodies (shared/api/contracts.ts),
// and server error details ↔ the form's fields. Pure: the form (contract-form.tsx) renders it.
import type { Contract, ErrorDetail } from '../../api';
import type { Lang } from '../../i18n';
import { PAYMENT_TERMS_DAYS, parseDays, REMINDER_CADENCE_DAYS, type DaysProblem } from './days';
import { formatPercent, parsePercent, type PercentProblem } from './percent';

type ReductionMode = 'rerate_all' | 'new_work_only';

export type ContractFormValues = {
  kind: Contract['kind'];
  accountingMethod: Contract['accountingMethod'];
  title: string;
  /** '' = none */
  counterpartyCompanyId: string;
  /** YYYY-MM-DD or '' */
  contractDate: string;
  architect: string;
  description: string;
  workRetainage: string;
  storedRetainage: string;
  hasReduction: boolean;
  threshold: string;
  reducedRate: string;
  reductionMode: ReductionMode;
  allowOverbilling: boolean;
  /** whole days after submission that payment is due (typed text) */
  paymentTermsDays: string;
  remindersEnabled: boolean;
  /** whole days between two reminders on the same overdue invoice (typed text) */
  reminderCadenceDays: string;
  isPrivate: boolean;
  privateUserIds: string[];
  invoiceContactUserIds: string[];
};

export type FormField = keyof ContractFormValues;
/** a check the pane made (translated there) or the server's own sentence */
export type FieldProblem = { problem: PercentProblem } | { days: DaysProblem; min: number; max: number } | { server: string };
export type FieldProblems = Partial<Record<FormField, FieldProblem>>;

export type ContractBody = {
  title: string;
  counterpartyCompanyId: string | null;
  contractDate: string | null;
  architect: string;
  description: string;
  workRetainageBps: number;
  storedRetainageBps: number;
  retainageReduction: { thresholdPercentCompleteBps: number; reducedWorkRateBps: number; mode: ReductionMode } | null;
  allowOverbilling: boolean;
  paymentTermsDays: number;
  remindersEnabled: boolean;
  /** left out while reminders are off and the typed cadence is not a valid one: the stored one stays */
  reminderCadenceDays?: number;
  isPrivate: boolean;
  privateUserIds: string[];
  invoiceContactUserIds: string[];
};

export function emptyForm(kind: Contract['kind'] = 'prime'): ContractFormValues {
  return {
    kind,
    accountingMethod: 'amount',
    title: '',
    counterpartyCompanyId: '',
    contractDate: '',
    architect: '',
    description: '',
    workRetainage: '10',
    storedRetainage: '5',
    hasReduction: false,
    threshold: '50',
    reducedRate: '5',
    reductionMode: 'new_work_only',
    allowOverbilling: false,
    // the API's defaults (shared/api/contracts.ts): net 30, reminders off, weekly when on
    paymentTermsDays: '30',
    remindersEnabled: false,
    reminderCadenceDays: '7',
    isPrivate: false,
    privateUserIds: [],
    invoiceContactUserIds: [],
  };
}

export function formOf(c: Contract, lang: Lang): ContractFormValues {
  const r = c.retainageReduction;
  const blank = emptyForm();
  return {
    kind: c.kind,
    accountingMethod: c.accountingMethod,
    title: c.title,
    counterpartyCompanyId: c.counterpartyCompanyId ?? '',
    contractDate: c.contractDate ?? '',
    architect: c.architect,
    description: c.description,
    workRetainage: formatPercent(c.workRetainageBps, lang),
    storedRetainage: formatPercent(c.storedRetainageBps, lang),
    hasReduction: r !== null,
    threshold: r ? formatPercent(r.thresholdPercentCompleteBps, lang) : blank.threshold,
    reducedRate: r ? formatPercent(r.reducedWorkRateBps, lang) : blank.reducedRate,
    reductionMode: r?.mode ?? blank.reductionMode,
    allowOverbilling: c.allowOverbilling,
    paymentTermsDays: String(c.paymentTermsDays),
    remindersEnabled: c.remindersEnabled,
    reminderCadenceDays: String(c.reminderCadenceDays),
    isPrivate: c.isPrivate,
    privateUserIds: c.privateUserIds,
    invoiceContactUserIds: c.invoiceContactUserIds,
  };
}

/** The body to send, or every field the pane can already tell is wrong (nothing is sent then). */
export function bodyOf(v: ContractFormValues): { ok: true; body: ContractBody } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const pct = (field: FormField, text: string): number => {
    const r = parsePercent(text);
    if (r.ok) return r.bps;
    problems[field] = { problem: r.problem };
    return 0;
  };
  if (!v.title.trim()) problems.title = { problem: 'required' };
  const workRetainageBps = pct('workRetainage', v.workRetainage);
  const storedRetainageBps = pct('storedRetainage', v.storedRetainage);
  const retainageReduction = v.hasReduction
    ? { thresholdPercentCompleteBps: pct('threshold', v.threshold), reducedWorkRateBps: pct('reducedRate', v.reducedRate), mode: v.reductionMode }
    : null;
  const terms = parseDays(v.paymentTermsDays, PAYMENT_TERMS_DAYS);
  if (!terms.ok) problems.paymentTermsDays = { days: terms.problem, ...PAYMENT_TERMS_DAYS };
  // the cadence only matters while reminders are on; off, a bad one is not worth refusing the save over
  const cadence = parseDays(v.reminderCadenceDays, REMINDER_CADENCE_DAYS);
  if (v.remindersEnabled && !cadence.ok) problems.reminderCadenceDays = { days: cadence.problem, ...REMINDER_CADENCE_DAYS };
  if (Object.keys(problems).length) return { ok: false, problems };
  return {
    ok: true,
    body: {
      title: v.title.trim(),
      counterpartyCompanyId: v.counterpartyCompanyId || null,
      contractDate: v.contractDate || null,
      architect: v.architect.trim(),
      description: v.description.trim(),
      workRetainageBps,
      storedRetainageBps,
      retainageReduction,
      allowOverbilling: v.allowOverbilling,
      paymentTermsDays: terms.ok ? terms.days : 0,
      remindersEnabled: v.remindersEnabled,
      ...(cadence.ok ? { reminderCadenceDays: cadence.days } : {}),
      isPrivate: v.isPrivate,
      // the list only means something on a private contract; a public one keeps none
      privateUserIds: v.isPrivate ? v.privateUserIds : [],
      invoiceContactUserIds: v.invoiceContactUserIds,
    },
  };
}

// The API names fields by the body's path (worker/src/lib/validate.ts joins zod's path with ".").
const serverFields: Record<string, FormField> = {
  title: 'title',
  counterpartyCompanyId: 'counterpartyCompanyId',
  contractDate: 'contractDate',
  architect: 'architect',
  description: 'description',
  workRetainageBps: 'workRetainage',
  storedRetainageBps: 'storedRetainage',
  'retainageReduction.thresholdPercentCompleteBps': 'threshold',
  'retainageReduction.reducedWorkRateBps': 'reducedRate',
  'retainageReduction.mode': 'reductionMode',
  allowOverbilling: 'allowOverbilling',
  paymentTermsDays: 'paymentTermsDays',
  remindersEnabled: 'remindersEnabled',
  reminderCadenceDays: 'reminderCadenceDays',
  isPrivate: 'isPrivate',
  privateUserIds: 'privateUserIds',
  invoiceContactUserIds: 'invoiceContactUserIds',
  kind: 'kind',
  accountingMethod: 'accountingMethod',
};

/**
 * The server's error details placed on the fields they name ("privateUserIds.2" is the private
 * list); details naming no field of the form are returned apart, to show above the buttons.
 */
export function problemsFromServer(details: ErrorDetail[]): { fields: FieldProblems; other: string[] } {
  const fields: FieldProblems = {};
  const other: string[] = [];
  for (const d of details) {
    const field = serverFields[d.field] ?? serverFields[d.field.replace(/\.\d+$/, '')];
    if (field && !fields[field]) fields[field] = { server: d.message };
    else if (!field) other.push(d.message);
  }
  return { fields, other };
}
