// The email_messages.understanding column: what shared/email/replies understood beyond the kind,
// reason and matched words (which have columns of their own), stored as JSON and read back checked.
import { z } from 'zod';
import { ZReplyClassification, ZReplyLineRef, type TReplyClassification } from '@shared/api/emails';
import type { ReplyUnderstanding } from '@shared/email/replies/understand';
import type { emailMessages } from '../../db/schema';

// isOpen is not stored: listInvoiceEmails works it out from the line history when it answers
const ZStored = ZReplyClassification.pick({ isConditional: true, suggestion: true, amount: true }).extend({
  lines: z.array(ZReplyLineRef.omit({ isOpen: true })),
});

export function storedUnderstanding(u: ReplyUnderstanding): string {
  const stored: z.infer<typeof ZStored> = {
    isConditional: u.isConditional,
    suggestion: u.suggestion,
    lines: u.lines.map(({ lineId, itemNo, description, sentence, matched }) => ({ lineId, itemNo, description, sentence, matched })),
    amount: u.amount,
  };
  return JSON.stringify(stored);
}

/** The classification of a stored inbound message; replies stored before the column read as plain. */
export function classificationOf(m: typeof emailMessages.$inferSelect): TReplyClassification | null {
  if (m.direction !== 'inbound' || !m.classification) return null;
  let rest: z.infer<typeof ZStored> = { isConditional: false, suggestion: null, lines: [], amount: null };
  if (m.understanding) {
    let json: unknown = null;
    try {
      json = JSON.parse(m.understanding);
    } catch {
      // written by storedUnderstanding only: unreadable means damaged, and the plain kind still shows
    }
    const parsed = ZStored.safeParse(json);
    if (parsed.success) rest = parsed.data;
  } else if (m.classification === 'approval') rest.suggestion = 'approved';
  else if (m.classification === 'rejection') rest.suggestion = 'revise_and_resubmit';
  return {
    kind: m.classification,
    reason: m.classificationReason,
    matched: m.classificationMatched,
    ...rest,
    lines: rest.lines.map((l) => ({ ...l, isOpen: true })),
  };
}
