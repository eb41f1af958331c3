// Postmark webhook payloads, parsed leniently: Postmark omits or nulls fields a mail did not have.
import { z } from 'zod';

const str = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

const ZInboundAddress = z.object({ Email: str, Name: str, MailboxHash: str });

export const ZPostmarkInbound = z.object({
  MessageID: z.string().min(1, 'MessageID is required to deduplicate'),
  From: str,
  FromName: str,
  FromFull: ZInboundAddress.nullish(),
  To: str,
  ToFull: z
    .array(ZInboundAddress)
    .nullish()
    .transform((v) => v ?? []),
  Cc: str,
  CcFull: z
    .array(ZInboundAddress)
    .nullish()
    .transform((v) => v ?? []),
  BccFull: z
    .array(ZInboundAddress)
    .nullish()
    .transform((v) => v ?? []),
  OriginalRecipient: str,
  Subject: str,
  MailboxHash: str,
  Date: str,
  TextBody: str,
  HtmlBody: str,
  StrippedTextReply: str,
  Headers: z
    .array(z.object({ Name: z.string(), Value: str }))
    .nullish()
    .transform((v) => v ?? []),
  Attachments: z
    .array(
      z.object({
        Name: str,
        Content: z.string(),
        ContentType: str,
        ContentLength: z.number().nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type PostmarkInbound = z.output<typeof ZPostmarkInbound>;

/** The first header with this name (case-insensitive), or null. */
export function headerValue(payload: PostmarkInbound, name: string): string | null {
  const lower = name.toLowerCase();
  return payload.Headers.find((h) => h.Name.toLowerCase() === lower)?.Value ?? null;
}

export const ZPostmarkEvent = z.discriminatedUnion('RecordType', [
  z.object({ RecordType: z.literal('Delivery'), MessageID: z.string().min(1), Recipient: str, DeliveredAt: str, Details: str }),
  z.object({
    RecordType: z.literal('Bounce'),
    ID: z.union([z.number(), z.string()]),
    MessageID: z.string().min(1),
    Type: str,
    Name: str,
    Description: str,
    Details: str,
    Email: str,
    BouncedAt: str,
  }),
  z.object({
    RecordType: z.literal('SpamComplaint'),
    ID: z.union([z.number(), z.string()]),
    MessageID: z.string().min(1),
    Email: str,
    BouncedAt: str,
    Details: str,
  }),
]);
