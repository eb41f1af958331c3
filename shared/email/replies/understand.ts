// A reply understood: its class, the G703 lines it names, the amount it certifies, and the status
// it suggests. What process-inbound stores and what the benchmark scores. Pure: no IO.
import { classifyReply, type ReplyClassification } from '../classify-reply';
import { findCertifiedAmount, type CertifiedAmount } from './amount';
import { autoReplyHeader, type MailHeader } from './auto-reply';
import { findLineMentions, type InvoiceLineRef, type LineMention } from './lines';
import { ownWords } from './text';

export type SuggestedStatus = 'approved' | 'approved_as_noted' | 'revise_and_resubmit';

export type ReplyInput = {
  /** the text part; null or '' when the mail is HTML-only */
  text: string | null;
  html: string | null;
  /** Postmark's StrippedTextReply, when it has one */
  stripped?: string | null;
  subject?: string;
  headers?: readonly MailHeader[];
  /**
   * SPF/DKIM/DMARC passed for the sender. A reply whose sender is not authenticated is still
   * classified and shown, but never suggests a status (a forged "Approved" must not be one click
   * away from approving an invoice).
   */
  isSenderAuthenticated: boolean;
  /** the invoice's G703 lines, to resolve "line 12", "partida 012", "item 03-012", descriptions */
  lines?: readonly InvoiceLineRef[];
};

export type ReplyUnderstanding = ReplyClassification & {
  /** the reply's own words the classifier read */
  ownText: string;
  /** the header that made it an auto-reply ("Auto-Submitted: auto-replied"), or null */
  autoReplyHeader: string | null;
  lines: LineMention[];
  amount: CertifiedAmount | null;
  suggestion: SuggestedStatus | null;
};

export function suggestionFor(c: Pick<ReplyClassification, 'kind' | 'isConditional'>): SuggestedStatus | null {
  if (c.kind === 'approval') return c.isConditional ? 'approved_as_noted' : 'approved';
  if (c.kind === 'rejection' || c.kind === 'revise') return 'revise_and_resubmit';
  return null;
}

export function understandReply(input: ReplyInput): ReplyUnderstanding {
  const own = ownWords(input.text, input.html, input.stripped);
  const header = autoReplyHeader(input.headers ?? []);
  const c = classifyReply(own, { isAutoReplyByHeaders: header !== null, subject: input.subject });
  const isAuto = c.kind === 'auto_reply';
  return {
    ...c,
    matched: header ?? c.matched,
    ownText: own,
    autoReplyHeader: header,
    // an automatic answer names no line and certifies nothing, whatever its text
    lines: isAuto ? [] : findLineMentions(own, input.lines ?? []),
    amount: isAuto ? null : findCertifiedAmount(own),
    suggestion: input.isSenderAuthenticated ? suggestionFor(c) : null,
  };
}
