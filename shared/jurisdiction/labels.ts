// The words of the jurisdiction deadlines (shared/jurisdiction/deadlines.ts) in en/es/fr. Values
// come in already formatted for the locale (percent, money, date): see formatters at the bottom.
import { defineLabels } from '../i18n/define-labels';
import type { Locale } from '../i18n/locales';
import { formatPdfDate } from '../i18n/pdf-dates';
import { formatMoney } from '../money';

type Cap = { rate: string; cap: string; law: string };
type Clock = { date: string; law: string };

export type DeadlineLabels = {
  locale: Locale;
  /** where a cap applies, by rule ("California's … for private works") */
  capScope: {
    caPrivate: string;
    caPublic: string;
    nyPrivate: (threshold: string) => string;
    maPrivate: (threshold: string) => string;
    flPublic: (threshold: string) => string;
  };
  retainageAboveCap: (a: Cap & { scope: string }) => string;
  /** appended when the rule depends on a contract date the contract does not have */
  dateUnknown: (effective: string) => string;
  texasOwnerRetainage: (a: { rate: string; law: string }) => string;
  ontarioHoldback: (a: { rate: string; law: string }) => string;
  payWithin: (a: Clock & { days: number; place: string }) => string;
  payOverdue: (a: Clock & { days: number; place: string; late: number }) => string;
  nonPaymentNotice: (a: Clock & { days: number }) => string;
  holdbackNotice: (a: Clock & { anniversary: string }) => string;
  holdbackPayment: (a: Clock & { notice: string }) => string;
  holdbackNoDate: (law: string) => string;
};

const en: DeadlineLabels = {
  locale: 'en',
  capScope: {
    caPrivate: "California's 5% cap for private works",
    caPublic: "California's 5% cap for public works",
    nyPrivate: (t) => `New York's 5% cap for private works of ${t} or more`,
    maPrivate: (t) => `Massachusetts' 5% cap for private prime contracts of ${t} or more`,
    flPublic: (t) => `Florida's 5% cap for public works of ${t} or more`,
  },
  retainageAboveCap: ({ rate, scope, law }) => `Retainage ${rate} is above ${scope} (${law}).`,
  dateUnknown: (effective) => ` It applies to contracts signed on or after ${effective}: give the contract its date.`,
  texasOwnerRetainage: ({ rate, law }) =>
    `In Texas the owner must retain 10% on private work that can be liened (${law}), a floor rather than a cap; this contract holds ${rate}.`,
  ontarioHoldback: ({ rate, law }) => `Ontario's basic holdback is 10% (${law}); this contract holds ${rate}.`,
  payWithin: ({ place, days, date, law }) => `${place} prompt payment: the owner pays a proper invoice within ${days} days, by ${date} (${law}).`,
  payOverdue: ({ place, days, date, late, law }) =>
    `${place} prompt payment: the owner had ${days} days to pay this invoice, until ${date}; it is ${late} day(s) late (${law}).`,
  nonPaymentNotice: ({ days, date, law }) => `An owner who disputes this invoice must give a notice of non-payment within ${days} days, by ${date} (${law}).`,
  holdbackNotice: ({ anniversary, date, law }) =>
    `Annual holdback release: the owner's notice is due within 14 days of the contract's anniversary on ${anniversary}, by ${date} (${law}).`,
  holdbackPayment: ({ notice, date, law }) =>
    `Annual holdback release: the accrued holdback is paid 60 to 74 days after the notice, by ${date} at the latest for a notice on ${notice}, unless a lien is preserved (${law}).`,
  holdbackNoDate: (law) => `Annual holdback release (${law}): give the contract its date to see when the owner's notice and the payment are due.`,
};

const es: DeadlineLabels = {
  locale: 'es',
  capScope: {
    caPrivate: 'el tope del 5 % de California para obras privadas',
    caPublic: 'el tope del 5 % de California para obras públicas',
    nyPrivate: (t) => `el tope del 5 % de Nueva York para obras privadas de ${t} o más`,
    maPrivate: (t) => `el tope del 5 % de Massachusetts para contratos principales privados de ${t} o más`,
    flPublic: (t) => `el tope del 5 % de Florida para obras públicas de ${t} o más`,
  },
  retainageAboveCap: ({ rate, scope, law }) => `La retención del ${rate} supera ${scope} (${law}).`,
  dateUnknown: (effective) => ` Se aplica a los contratos firmados a partir del ${effective}: indique la fecha del contrato.`,
  texasOwnerRetainage: ({ rate, law }) =>
    `En Texas el propietario debe retener el 10 % en obras privadas sujetas a gravamen (${law}), un mínimo y no un tope; este contrato retiene el ${rate}.`,
  ontarioHoldback: ({ rate, law }) => `La retención básica (holdback) de Ontario es del 10 % (${law}); este contrato retiene el ${rate}.`,
  payWithin: ({ place, days, date, law }) =>
    `Pago puntual en ${place}: el propietario paga una factura correcta en ${days} días, a más tardar el ${date} (${law}).`,
  payOverdue: ({ place, days, date, late, law }) =>
    `Pago puntual en ${place}: el propietario tenía ${days} días para pagar esta factura, hasta el ${date}; lleva ${late} día(s) de retraso (${law}).`,
  nonPaymentNotice: ({ days, date, law }) =>
    `Un propietario que disputa esta factura debe enviar un aviso de impago en ${days} días, a más tardar el ${date} (${law}).`,
  holdbackNotice: ({ anniversary, date, law }) =>
    `Liberación anual de la retención: el aviso del propietario vence 14 días después del aniversario del contrato del ${anniversary}, el ${date} (${law}).`,
  holdbackPayment: ({ notice, date, law }) =>
    `Liberación anual de la retención: la retención acumulada se paga de 60 a 74 días después del aviso, a más tardar el ${date} si el aviso es del ${notice}, salvo que se conserve un gravamen (${law}).`,
  holdbackNoDate: (law) =>
    `Liberación anual de la retención (${law}): indique la fecha del contrato para ver cuándo vencen el aviso del propietario y el pago.`,
};

const fr: DeadlineLabels = {
  locale: 'fr',
  capScope: {
    caPrivate: 'le plafond de 5 % de la Californie pour les travaux privés',
    caPublic: 'le plafond de 5 % de la Californie pour les travaux publics',
    nyPrivate: (t) => `le plafond de 5 % de l'État de New York pour les travaux privés de ${t} ou plus`,
    maPrivate: (t) => `le plafond de 5 % du Massachusetts pour les contrats principaux privés de ${t} ou plus`,
    flPublic: (t) => `le plafond de 5 % de la Floride pour les travaux publics de ${t} ou plus`,
  },
  retainageAboveCap: ({ rate, scope, law }) => `La retenue de ${rate} dépasse ${scope} (${law}).`,
  dateUnknown: (effective) => ` Il s'applique aux contrats signés à partir du ${effective} : indiquez la date du contrat.`,
  texasOwnerRetainage: ({ rate, law }) =>
    `Au Texas, le maître d'ouvrage doit retenir 10 % sur les travaux privés grevables d'un privilège (${law}), un minimum et non un plafond ; ce contrat retient ${rate}.`,
  ontarioHoldback: ({ rate, law }) => `La retenue de base de l'Ontario est de 10 % (${law}) ; ce contrat retient ${rate}.`,
  payWithin: ({ place, days, date, law }) =>
    `Paiement rapide (${place}) : le maître d'ouvrage paie une facture conforme dans les ${days} jours, au plus tard le ${date} (${law}).`,
  payOverdue: ({ place, days, date, late, law }) =>
    `Paiement rapide (${place}) : le maître d'ouvrage avait ${days} jours pour payer cette facture, jusqu'au ${date} ; elle a ${late} jour(s) de retard (${law}).`,
  nonPaymentNotice: ({ days, date, law }) =>
    `Un maître d'ouvrage qui conteste cette facture doit donner un avis de non-paiement dans les ${days} jours, au plus tard le ${date} (${law}).`,
  holdbackNotice: ({ anniversary, date, law }) =>
    `Libération annuelle de la retenue : l'avis du maître d'ouvrage est dû dans les 14 jours suivant l'anniversaire du contrat du ${anniversary}, au plus tard le ${date} (${law}).`,
  holdbackPayment: ({ notice, date, law }) =>
    `Libération annuelle de la retenue : la retenue accumulée est payée de 60 à 74 jours après l'avis, au plus tard le ${date} pour un avis du ${notice}, sauf privilège conservé (${law}).`,
  holdbackNoDate: (law) =>
    `Libération annuelle de la retenue (${law}) : indiquez la date du contrat pour voir quand l'avis du maître d'ouvrage et le paiement sont dus.`,
};

export const deadlineLabels = defineLabels<DeadlineLabels>({ en, es, fr });

/** 1000 bps → "10%" (en), "10 %" (es, fr: a no-break space, decimal comma "7,5 %"). Not Intl: its space differs between ICU builds. */
export function formatRate(locale: Locale, bps: number): string {
  const figures = String(Math.round(bps) / 100);
  return locale === 'en' ? `${figures}%` : `${figures.replace('.', ',')}\u00a0%`;
}

/** A date in the locale's order, as the PDF and email write them. */
export function formatDay(locale: Locale, iso: string): string {
  return formatPdfDate(iso, locale === 'en' ? 'mdy' : 'dmy');
}

/** Whole dollars for thresholds: "$150,000.00" is noise, "$150,000" reads. */
export function formatThreshold(locale: Locale, cents: number): string {
  return formatMoney(cents, locale).replace(/[.,]00(?=\D*$)/, '');
}
