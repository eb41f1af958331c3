import { escapeHtml } from '@shared/email/html-entities';
import { bytesToBase64 } from '../../email/base64';
import type { OutboxEntry } from './list-outbox';

export type SimulatedReply = {
  fromEmail: string;
  fromName: string;
  text: string;
  attachment?: { name: string; contentType: string; bytes: Uint8Array };
};

/** RFC 2822 date, as mail programs write it: "Tue, 1 Apr 2025 10:15:27 +0000". */
function rfc2822(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const t = d.toISOString().slice(11, 19);
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${t} +0000`;
}

/**
 * What Postmark would post to the inbound webhook if the recipient of `original` answered from
 * their mail program: the shape of fixtures/postmark-inbound-reply.json (MailboxHash,
 * threading headers, quoted history, HTML part, base64 attachment).
 */
export function buildReplyPayload(original: OutboxEntry, reply: SimulatedReply, now = new Date()) {
  const messageId = crypto.randomUUID();
  const senderDomain = reply.fromEmail.split('@')[1] ?? 'example.com';
  const to = original.replyAddress ?? original.from.email;
  const quoted = (original.text ?? '')
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const attribution = `On ${rfc2822(new Date(original.sentAt ?? original.createdAt))} ${original.from.name} <${to}> wrote:`;
  const references = original.internetMessageId ?? '';
  return {
    FromName: reply.fromName,
    MessageStream: 'inbound',
    From: reply.fromEmail,
    FromFull: { Email: reply.fromEmail, Name: reply.fromName, MailboxHash: '' },
    To: `"${original.from.name}" <${to}>`,
    ToFull: [{ Email: to, Name: original.from.name, MailboxHash: original.mailboxHash ?? '' }],
    Cc: '',
    CcFull: [],
    Bcc: '',
    BccFull: [],
    OriginalRecipient: to,
    Subject: `RE: ${original.subject}`,
    MessageID: messageId,
    ReplyTo: '',
    MailboxHash: original.mailboxHash ?? '',
    Date: rfc2822(now),
    TextBody: `${reply.text}\n\n${attribution}\n${quoted}\n`,
    HtmlBody: `<html><body><p>${escapeHtml(reply.text).replace(/\n/g, '<br>')}</p><blockquote>${escapeHtml(original.text ?? '').replace(/\n/g, '<br>')}</blockquote></body></html>`,
    StrippedTextReply: reply.text,
    Tag: '',
    Headers: [
      // what Postmark's receiving server adds for a sender whose domain allows it (email/sender-auth.ts):
      // the simulated recipient is the real addressee, so it passes
      { Name: 'Received-SPF', Value: `Pass (sender SPF authorized) identity=mailfrom; client-ip=192.0.2.1; envelope-from=${reply.fromEmail}` },
      { Name: 'Message-ID', Value: `<${messageId}@${senderDomain}>` },
      ...(references
        ? [
            { Name: 'In-Reply-To', Value: references },
            { Name: 'References', Value: references },
          ]
        : []),
    ],
    Attachments: reply.attachment
      ? [
          {
            Name: reply.attachment.name,
            Content: bytesToBase64(reply.attachment.bytes),
            ContentType: reply.attachment.contentType,
            ContentLength: reply.attachment.bytes.length,
            ContentID: '',
          },
        ]
      : [],
  };
}
