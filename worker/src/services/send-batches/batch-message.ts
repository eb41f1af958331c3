import type { Env } from '../../env';
import { formatAddress, replyAddress, viaName } from '../../email/addresses';
import type { PostmarkBatchMessage } from './batch-postmark';
import type { InvoiceContent } from './invoice-content';

export type Sender = { name: string; email: string };

/** What a message is built from: the item's recipient, subject and the identity fixed at registration. */
export type MessageItem = {
  id: string;
  emailMessageId: string;
  replyToken: string;
  recipientEmail: string;
  recipientName: string;
  subject: string;
};

/** Headers, addresses and JSON framing besides bodies and attachments (as the email module counts them). */
export const ENVELOPE_BYTES = 16 * 1024;
const utf8 = new TextEncoder();

/** The base64 text of every file a message of this invoice carries: the invoice PDF and its signed waivers. */
const attachedBytes = (content: InvoiceContent) => (content.pdf?.base64.length ?? 0) + content.waivers.reduce((n, w) => n + w.base64.length, 0);

/** The size Postmark counts for one message of this invoice (bodies + base64 attachments + envelope): its 10 MB limit. */
export function contentBytes(content: InvoiceContent): number {
  return ENVELOPE_BYTES + utf8.encode(content.html).length + utf8.encode(content.text).length + attachedBytes(content);
}

/** Addresses, subject, headers and metadata of one message in a batch request, JSON-encoded: generous. */
const CALL_ENVELOPE_BYTES = 2 * 1024;

/** What one message of this invoice adds to a batch request's body: its JSON, escapes included. */
export function requestBytes(content: InvoiceContent): number {
  return CALL_ENVELOPE_BYTES + utf8.encode(JSON.stringify(content.html)).length + utf8.encode(JSON.stringify(content.text)).length + attachedBytes(content);
}

/** The same Message-ID scheme as a single send (sendInvoiceEmail): replies' In-Reply-To finds the thread. */
export const internetMessageId = (env: Env, emailMessageId: string) => `<${emailMessageId}@${env.INBOUND_DOMAIN}>`;

/**
 * One Postmark message, as the email module delivers a single send: From and Reply-To are the thread's reply
 * address under "<sender> via <product>", so every reply lands on the invoice's thread; the
 * Message-ID is ours. Metadata names the item and the claim that sent it: a claim left by a dead
 * attempt is looked up in Postmark's outbound messages by it.
 */
export function batchMessage(
  env: Env,
  sender: Sender,
  item: MessageItem,
  content: Pick<InvoiceContent, 'html' | 'text' | 'pdf' | 'waivers'>,
  metadata: Record<string, string>,
  to: { email: string; name: string } = { email: item.recipientEmail, name: item.recipientName },
): PostmarkBatchMessage {
  const from = formatAddress(viaName(sender.name, env.APP_NAME), replyAddress(item.replyToken, env.INBOUND_DOMAIN));
  return {
    From: from,
    To: formatAddress(to.name, to.email),
    ReplyTo: from,
    Subject: item.subject,
    HtmlBody: content.html,
    TextBody: content.text,
    MessageStream: 'outbound',
    Headers: [{ Name: 'Message-ID', Value: internetMessageId(env, item.emailMessageId) }],
    Attachments: [
      ...(content.pdf ? [{ Name: content.pdf.fileName, Content: content.pdf.base64, ContentType: 'application/pdf', ContentID: null }] : []),
      ...content.waivers.map((w) => ({ Name: w.fileName, Content: w.base64, ContentType: w.contentType, ContentID: null })),
    ],
    Metadata: { pbMessageId: item.emailMessageId, ...metadata },
  };
}
