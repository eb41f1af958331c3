import { escapeHtml } from '@shared/email/html-entities';
import type { EmailLabels } from '@shared/i18n/email-labels';

export function renderSignIn(labels: EmailLabels, appName: string, link: string, minutes: number) {
  const intro = labels.signIn.body({ appName, minutes });
  const html =
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;">' +
    `<p>${escapeHtml(intro)}</p>` +
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:8px 16px;background:#0f6cbd;color:#fff;text-decoration:none;border-radius:4px;">${escapeHtml(labels.signIn.button)}</a></p>` +
    `<p style="font-size:12px;color:#656d76;">${escapeHtml(link)}</p>` +
    `<p style="color:#656d76;">${escapeHtml(labels.signIn.ignore)}</p></body></html>`;
  const text = `${intro}\n\n${link}\n\n${labels.signIn.ignore}`;
  return { subject: labels.signIn.subject(appName), html, text };
}
