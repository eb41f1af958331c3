// HTML of the local outbox (/dev/outbox, DEV_MODE only). Every stored value is escaped; a message
// body is shown in a sandboxed iframe (no scripts, its own opaque origin) served with its own CSP.
import { escapeHtml as e } from '@shared/email/html-entities';
import type { OutboxEntry } from '../services/emails/list-outbox';

export const OUTBOX_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'";
/** The body frame: no scripts, no network, no forms; its own origin via the sandbox directive. */
export const OUTBOX_BODY_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `body{font-family:Segoe UI,Helvetica,Arial,sans-serif;margin:1.5rem;color:#1f2328}table{border-collapse:collapse}
td,th{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}.muted{color:#656d76}
iframe{width:100%;height:60vh;border:1px solid #d0d7de}textarea{width:100%;height:6rem}.err{color:#b3261e}`;

const people = (list: OutboxEntry['to']) => list.map((p) => (p.name ? `${p.name} <${p.email}>` : p.email)).join(', ');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function outboxListPage(entries: OutboxEntry[]): string {
  const rows = entries
    .map(
      (m) =>
        `<tr><td class="muted">${e(m.createdAt.replace('T', ' ').slice(0, 19))}</td><td>${e(m.kind)}</td><td>${e(people(m.to))}</td>` +
        `<td><a href="/dev/outbox/${encodeURIComponent(m.id)}">${e(m.subject)}</a></td><td>${e(m.status)}</td></tr>`,
    )
    .join('');
  return page(
    'Local outbox',
    `<h1>Local outbox</h1><p class="muted">Mail the worker would have sent through Postmark (no POSTMARK_SERVER_TOKEN is set). JSON: <a href="/dev/outbox.json">/dev/outbox.json</a></p>` +
      (entries.length ? `<table><tr><th>Created</th><th>Kind</th><th>To</th><th>Subject</th><th>Status</th></tr>${rows}</table>` : '<p>No mail yet.</p>'),
  );
}

export function outboxMessagePage(m: OutboxEntry, notice: { text: string; isError: boolean } | null, canReply: boolean): string {
  const from = m.replyAddress ? `"${m.from.name} via …" <${m.replyAddress}>` : `${m.from.name} <${m.from.email}>`;
  const headers: Array<[string, string]> = [
    ['From', from],
    ['Reply-To', m.replyAddress ?? ''],
    ['To', people(m.to)],
    ['Cc', people(m.cc)],
    ['Subject', m.subject],
    ['Message-ID', m.internetMessageId ?? ''],
    ['Status', `${m.status}${m.providerMessageId ? ` (${m.providerMessageId})` : ''}${m.failureReason ? ` – ${m.failureReason}` : ''}`],
  ];
  const replyTo = m.to[0];
  const form =
    canReply && m.replyAddress
      ? `<h2>Reply as recipient</h2><form method="post" action="/dev/outbox/${encodeURIComponent(m.id)}/reply" enctype="multipart/form-data">` +
        `<p><label>From <input name="fromEmail" value="${e(replyTo?.email ?? 'owner@example.com')}" size="40"></label> ` +
        `<label>Name <input name="fromName" value="${e(replyTo?.name ?? '')}"></label></p>` +
        `<p><textarea name="text">Aprobado, gracias</textarea></p>` +
        `<p><label>Attachment (optional) <input type="file" name="file"></label></p>` +
        `<p><button type="submit">Send reply to ${e(m.replyAddress)}</button></p></form>`
      : '';
  return page(
    m.subject,
    `<p><a href="/dev/outbox">← Outbox</a></p><h1>${e(m.subject)}</h1>` +
      (notice ? `<p class="${notice.isError ? 'err' : ''}" role="status">${e(notice.text)}</p>` : '') +
      `<table>${headers.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>` +
      `<h2>As the recipient sees it</h2><iframe sandbox="" src="/dev/outbox/${encodeURIComponent(m.id)}/body" title="Message body"></iframe>` +
      `<details><summary>Plain text part</summary><pre>${e(m.text ?? '')}</pre></details>` +
      form,
  );
}
