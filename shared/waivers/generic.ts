import type { Locale } from '../i18n/locales';
import { formatMoney } from '../money';
import { longDate, orBlank, typedSignature } from './format';
import { genericWaiverLabels } from './generic-labels';
import { isFinal, isUnconditional, type WaiverBlock, type WaiverDocument, type WaiverFill, type WaiverType } from './types';

/** Our own wording (shared/waivers/generic-labels.ts), for jurisdictions without a statutory form. */
export function genericWaiver(type: WaiverType, fill: WaiverFill, locale: Locale): WaiverDocument {
  const L = genericWaiverLabels(locale);
  const amount = formatMoney(fill.amountCents, locale);
  const values = {
    claimant: orBlank(fill.claimant),
    customer: orBlank(fill.customer),
    owner: orBlank(fill.owner),
    job: orBlank(fill.jobName),
    location: orBlank(fill.jobLocation),
    amount,
    through: longDate(fill.throughDate, locale),
    maker: orBlank(fill.makerOfCheck),
    payee: orBlank(fill.payableTo),
  };
  const final = isFinal(type);
  const blocks: WaiverBlock[] = [
    { kind: 'title', text: L.titles[type].toUpperCase() },
    { kind: 'notice', text: isUnconditional(type) ? L.unconditionalNotice : L.conditionalNotice },
    { kind: 'heading', text: L.parties },
    { kind: 'field', label: L.claimant, value: values.claimant },
    { kind: 'field', label: L.customer, value: values.customer },
    { kind: 'field', label: L.owner, value: values.owner },
    { kind: 'field', label: L.job, value: fill.jobNumber ? `${values.job} (${fill.jobNumber})` : values.job },
    { kind: 'field', label: L.location, value: values.location },
    ...(final ? [] : [{ kind: 'field' as const, label: L.through, value: values.through }]),
    { kind: 'heading', text: L.payment },
    { kind: 'field', label: L.maker, value: values.maker },
    { kind: 'field', label: L.amount, value: amount },
    { kind: 'field', label: L.payee, value: values.payee },
    { kind: 'heading', text: L.waiver },
    { kind: 'para', text: L.body[type](values) },
    { kind: 'para', text: final ? L.finalKeeps : L.progressKeeps },
    { kind: 'field', label: L.exceptions, value: fill.exceptions.trim() || L.none },
    ...(final
      ? [{ kind: 'field' as const, label: L.disputed, value: fill.disputedClaimsCents == null ? L.none : formatMoney(fill.disputedClaimsCents, locale) }]
      : []),
    { kind: 'heading', text: L.signature },
    {
      kind: 'signature',
      lines: [
        { label: L.signedBy, value: typedSignature(fill.signerName), isSignature: true },
        { label: L.title, value: orBlank(fill.signerTitle) },
        { label: L.date, value: longDate(fill.signedOn, locale) },
      ],
    },
  ];
  return { form: 'generic', type, locale, title: L.titles[type], citation: L.citation, blocks };
}
