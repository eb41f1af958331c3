// The invoice email: G702 summary and the schedule of values (G703), in HTML and plain text, in
// the email's locale. Every value from the database is escaped: descriptions are user input.
import { escapeHtml } from '@shared/email/html-entities';
import type { EmailLabels } from '@shared/i18n/email-labels';
import { generalInfoLabels } from '@shared/i18n/general-info-labels';
import { g702TitleFor } from '@shared/i18n/release-labels';
import { retainageRates } from '@shared/engine/g702-rates';
import { formatMoney, percentDisplay } from '@shared/money';
import type { InvoiceView } from '../services/invoices/invoice-view';

export type InvoiceEmailInput = {
  view: InvoiceView;
  projectName: string;
  senderName: string;
  message: string;
  labels: EmailLabels;
  pdfUrl: string;
  attachmentNames: string[];
};

const g702Title = (i: InvoiceEmailInput) => g702TitleFor(i.view.invoice.kind, i.labels.locale, 'email', i.labels.g702Title);

const pct = (display: string, locale: string) => `${locale === 'en' ? display : display.replace('.', ',')} %`;

function g702Rows(i: InvoiceEmailInput): Array<[string, number, boolean]> {
  const g = i.view.g702;
  const l = i.labels.g702;
  const GI = generalInfoLabels(i.labels.locale);
  const rates = retainageRates(i.view.totals, g);
  return [
    [l.line1, g.line1OriginalContractSumCents, false],
    [l.line2, g.line2NetChangeByChangeOrdersCents, false],
    [l.line3, g.line3ContractSumToDateCents, false],
    [l.line4, g.line4TotalCompletedAndStoredCents, false],
    [`${l.line5a} (${GI.workRate(rates.work)})`, g.line5aWorkRetainageCents, false],
    [`${l.line5b} (${GI.storedRate(rates.stored)})`, g.line5bStoredRetainageCents, false],
    [l.line5, g.line5TotalRetainageCents, false],
    [l.line6, g.line6TotalEarnedLessRetainageCents, false],
    [l.line7, g.line7PreviousCertificatesCents, false],
    [l.line8, g.line8CurrentPaymentDueCents, true],
    [l.line9, g.line9BalanceToFinishInclRetainageCents, false],
  ];
}

function header(i: InvoiceEmailInput) {
  const { view, labels } = i;
  const p = view.invoice.billingPeriod;
  // The G702 general information as the invoice has it (services/invoices/general-info.ts).
  const g = view.generalInfo;
  const GI = generalInfoLabels(labels.locale);
  const rows: Array<readonly [string, string]> = [
    [GI.toName, g.toName],
    [labels.contract, g.contractFor],
    [GI.projectNumber, g.projectNumber],
    [GI.applicationDate, g.applicationDate],
    [labels.period, `${p.start} – ${p.end}`],
    [labels.dueDate, p.due],
    [GI.architect, g.architect],
    [GI.contractDate, g.contractDate ?? ''],
    [labels.status, labels.statuses[view.invoice.status] ?? view.invoice.status],
  ];
  return rows.filter(([, v]) => v !== '');
}

const TD = 'padding:4px 8px;border:1px solid #d0d7de;';
const NUM = `${TD}text-align:right;white-space:nowrap;`;

export function renderInvoiceHtml(i: InvoiceEmailInput): string {
  const { view, labels } = i;
  const loc = labels.locale;
  const money = (c: number) => escapeHtml(formatMoney(c, loc));
  const out: string[] = [];
  out.push('<!doctype html><html><head><meta charset="utf-8"></head>');
  out.push('<body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328;">');
  out.push(`<p>${escapeHtml(labels.intro({ senderName: i.senderName, projectName: i.projectName }))}</p>`);
  if (i.message.trim()) {
    out.push(`<p><strong>${escapeHtml(labels.messageFrom(i.senderName))}</strong></p>`);
    out.push(`<p style="white-space:pre-wrap;">${escapeHtml(i.message.trim())}</p>`);
  }
  out.push('<table style="border-collapse:collapse;margin:12px 0;">');
  for (const [k, v] of header(i)) out.push(`<tr><td style="${TD}font-weight:600;">${escapeHtml(k)}</td><td style="${TD}">${escapeHtml(v)}</td></tr>`);
  out.push('</table>');
  out.push(`<h3 style="margin:16px 0 6px;">${escapeHtml(g702Title(i))}</h3><table style="border-collapse:collapse;">`);
  for (const [label, cents, isStrong] of g702Rows(i)) {
    const w = isStrong ? 'font-weight:700;' : '';
    out.push(`<tr><td style="${TD}${w}">${escapeHtml(label)}</td><td style="${NUM}${w}">${money(cents)}</td></tr>`);
  }
  out.push('</table>');
  const c = labels.g703;
  out.push(`<h3 style="margin:16px 0 6px;">${escapeHtml(labels.g703Title)}</h3>`);
  out.push('<table style="border-collapse:collapse;font-size:12px;"><tr style="background:#f6f8fa;">');
  for (const h of [c.a, c.b, c.c, c.d, c.e, c.f, c.g, c.pct, c.h, c.i]) out.push(`<th style="${TD}">${escapeHtml(h)}</th>`);
  out.push('</tr>');
  let group: string | null = null;
  for (const l of view.lines) {
    if (l.groupName && l.groupName !== group)
      out.push(`<tr><td colspan="10" style="${TD}font-weight:600;background:#f6f8fa;">${escapeHtml(l.groupName)}</td></tr>`);
    group = l.groupName;
    out.push(
      `<tr><td style="${TD}">${escapeHtml(l.itemNo)}</td><td style="${TD}">${escapeHtml(l.description)}</td>` +
        [l.scheduledValueCents, l.workCompletedPreviousCents, l.workCompletedThisPeriodCents, l.materialsPresentlyStoredCents, l.totalCompletedAndStoredCents]
          .map((v) => `<td style="${NUM}">${money(v)}</td>`)
          .join('') +
        `<td style="${NUM}">${escapeHtml(pct(l.percentCompleteDisplay, loc))}</td>` +
        `<td style="${NUM}">${money(l.balanceToFinishCents)}</td><td style="${NUM}">${money(l.retainageCents)}</td></tr>`,
    );
  }
  const t = view.totals;
  out.push(
    `<tr style="font-weight:700;"><td style="${TD}"></td><td style="${TD}">${escapeHtml(labels.total)}</td>` +
      [t.scheduledValueCents, t.workCompletedPreviousCents, t.workCompletedThisPeriodCents, t.materialsPresentlyStoredCents, t.totalCompletedAndStoredCents]
        .map((v) => `<td style="${NUM}">${money(v)}</td>`)
        .join('') +
      `<td style="${NUM}">${escapeHtml(pct(percentDisplay(t.totalCompletedAndStoredCents, t.scheduledValueCents), loc))}</td>` +
      `<td style="${NUM}">${money(t.balanceToFinishCents)}</td><td style="${NUM}">${money(t.retainageCents)}</td></tr></table>`,
  );
  if (i.attachmentNames.length) {
    out.push(`<p><strong>${escapeHtml(labels.attachments)}:</strong> ${i.attachmentNames.map(escapeHtml).join(', ')}</p>`);
  }
  out.push(`<p><a href="${escapeHtml(i.pdfUrl)}">${escapeHtml(labels.pdfLink)}</a></p>`);
  out.push(`<p style="color:#656d76;">${escapeHtml(labels.replyHint)}</p></body></html>`);
  return out.join('\n');
}

export function renderInvoiceText(i: InvoiceEmailInput): string {
  const { view, labels } = i;
  const loc = labels.locale;
  const money = (c: number) => formatMoney(c, loc);
  const c = labels.g703;
  const out: string[] = [labels.intro({ senderName: i.senderName, projectName: i.projectName }), ''];
  if (i.message.trim()) out.push(`${labels.messageFrom(i.senderName)}:`, i.message.trim(), '');
  for (const [k, v] of header(i)) out.push(`${k}: ${v}`);
  out.push('', g702Title(i).toUpperCase());
  for (const [label, cents] of g702Rows(i)) out.push(`${label}: ${money(cents)}`);
  out.push('', labels.g703Title.toUpperCase());
  for (const l of view.lines) {
    out.push(
      `${l.itemNo} ${l.description}`,
      `   ${c.c}: ${money(l.scheduledValueCents)} | ${c.d}: ${money(l.workCompletedPreviousCents)} | ${c.e}: ${money(l.workCompletedThisPeriodCents)} | ` +
        `${c.f}: ${money(l.materialsPresentlyStoredCents)} | ${c.g}: ${money(l.totalCompletedAndStoredCents)} (${pct(l.percentCompleteDisplay, loc)}) | ` +
        `${c.h}: ${money(l.balanceToFinishCents)} | ${c.i}: ${money(l.retainageCents)}`,
    );
  }
  const t = view.totals;
  out.push(
    `${labels.total}: ${c.c}: ${money(t.scheduledValueCents)} | ${c.g}: ${money(t.totalCompletedAndStoredCents)} | ` +
      `${c.h}: ${money(t.balanceToFinishCents)} | ${c.i}: ${money(t.retainageCents)}`,
  );
  if (i.attachmentNames.length) out.push('', `${labels.attachments}: ${i.attachmentNames.join(', ')}`);
  out.push('', `${labels.pdfLink}: ${i.pdfUrl}`, '', labels.replyHint);
  return out.join('\n');
}
