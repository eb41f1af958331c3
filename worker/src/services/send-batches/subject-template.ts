import { subjectPlaceholders, type SubjectPlaceholder } from '@shared/api/send-batches';
import { emailLabels } from '@shared/i18n/email-labels';

export type SubjectValues = Record<SubjectPlaceholder, string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders of a template that do not exist (each once, in order of appearance). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(subjectPlaceholders);
  const unknown: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!known.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** "{invoiceNumber}" → "3"; whitespace inside braces is tolerated ("{ project }"). Line breaks become spaces (a subject is one header line). */
export function renderSubject(template: string, values: SubjectValues): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => {
      const key = name.trim() as SubjectPlaceholder;
      return key in values ? values[key] : whole;
    })
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * The subject a single send prefills (the email module's localized wording), as a template: the labels'
 * own formatter is run with marker numbers that are then turned into placeholders, so the two
 * subjects cannot drift apart.
 */
export function defaultSubjectTemplate(locale: string): string {
  const invoiceMark = 987_654_321;
  const contractMark = 987_654_322;
  return emailLabels(locale)
    .subject({ kind: 'prime', invoiceNumber: invoiceMark, contractNumber: contractMark, start: '{periodStart}', end: '{periodEnd}' })
    .replace(String(invoiceMark), '{invoiceNumber}')
    .replace(String(contractMark), '{contractNumber}');
}
