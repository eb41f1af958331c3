// Classifies a reply to an invoice email, in English, Spanish and French: approval (possibly
// conditional: "approved as noted", "aprobada con observaciones", "approuvée sous réserve"),
// rejection, revise-and-resubmit request, question, payment notice, auto-reply or other.
// A suggestion shown beside the reply; an invoice admin changes the status. Pure: no IO.
//
// Pass the reply's own words (replies/text.ts ownWords: no quoted history, signature or
// disclaimer). Rules, strongest first:
// 1. auto-reply: the headers said so (auto-reply.ts), or the text is an out-of-office answer;
// 2. rejection: a rejection word that is not negated ("we're not rejecting it" is not one), or a
//    negated approval ("not approved", "no podemos aprobarla", "nous ne l'approuvons pas"); a
//    negation that is only "not yet" ("todavía no", "pas encore") is pending, neither;
// 3. revise: asked to send it again ("resubmit", "reenvíen", "renvoyez-la"), or asked to change
//    something ("please fix line 12", "favor de corregir", "merci de rectifier");
// 4. payment: a payment made ("wire sent", "transferencia realizada", "virement effectué"), never
//    one promised ("we will pay");
// 5. approval: an approval word or phrase that is neither negated, pending, hypothetical ("before
//    we approve", "once approved") nor in a question ("does this include the CO we approved?");
// 6. question: a sentence ending in "?" (or opening with "¿"); 7. other.
import { CONDITION, AUTO_REPLY_TEXT } from './replies/lexicon';
import { type Cue, cuesOf, type SentenceCues } from './replies/cues';
import { fold, sentences } from './replies/text';
import type { ReplyKind } from './reply-kinds';

export { replyKinds, type ReplyKind } from './reply-kinds';

export type ReplyClassification = {
  kind: ReplyKind;
  /** approval with a condition or notes ("approved as noted", "subject to…") */
  isConditional: boolean;
  /** rejection / revise: the owner's sentence(s) that carry the reason; null otherwise */
  reason: string | null;
  /** the words that decided it, as written in the reply; null for "other" */
  matched: string | null;
};

type Found = { s: SentenceCues; index: number; cue: Cue | null };

const isGreeting = (text: string) => /[,:]$/.test(text) && text.split(/\s+/).length <= 4; // "Hi Ana,", "Hola:"

/**
 * The sentence with the decision, the one before it when it gives the cause ("The dates are wrong.
 * Please resend."), and up to two after it that say more (≥ 3 words: not "Thanks," or a name).
 */
function reasonFrom(all: SentenceCues[], index: number): string {
  const before = all[index - 1]?.text;
  const parts = before && !isGreeting(before) && before.split(/\s+/).length >= 3 ? [before, all[index]!.text] : [all[index]!.text];
  for (let k = index + 1; k < all.length && parts.length < 4; k++) {
    const text = all[k]!.text;
    if (text.split(/\s+/).length < 3) break;
    parts.push(text);
  }
  return parts.join(' ').slice(0, 500);
}

function decide(all: SentenceCues[]): { kind: ReplyKind; found: Found | null } {
  const firstWhere = (pred: (s: SentenceCues, c: Cue) => boolean): Found | null => {
    for (let index = 0; index < all.length; index++) {
      const s = all[index]!;
      const cue = s.cues.find((c) => pred(s, c));
      if (cue) return { s, index, cue };
    }
    return null;
  };
  const plain = (c: Cue) => !c.frame.isNegated && !c.frame.isPending;
  const rejection =
    firstWhere((s, c) => c.kind === 'reject' && !c.frame.isNegated && !c.frame.isHypothetical && !s.isQuestion) ??
    firstWhere((s, c) => c.kind === 'approve' && c.frame.isNegated && !c.frame.isPending && !s.isQuestion);
  if (rejection) return { kind: 'rejection', found: rejection };
  // what follows "approved, subject to …" is the condition, not a request to revise
  const isConditionPart = (s: SentenceCues, c: Cue) =>
    s.conditionAt !== null && c.start > s.conditionAt && s.cues.some((a) => a.kind === 'approve' && a.start < c.start && plain(a));
  const resubmit = firstWhere((s, c) => c.kind === 'resubmit' && !c.frame.isNegated && !isConditionPart(s, c));
  const change = firstWhere((s, c) => c.kind === 'change' && c.isRequested && !c.frame.isNegated && !isConditionPart(s, c));
  // the reason starts at the first thing asked for ("Could you fix line 025? … Then send it again")
  if (resubmit) return { kind: 'revise', found: change && change.index < resubmit.index ? change : resubmit };
  // a payment made outranks a change asked for ("Paid on 4/18. Please update your records.")
  const payment = firstWhere((s, c) => c.kind === 'payment' && plain(c) && !s.isQuestion);
  if (payment) return { kind: 'payment', found: payment };
  if (change) return { kind: 'revise', found: change };
  const lineFigure = all.findIndex((s) => s.asksLineFigure && !s.cues.some((c) => c.kind === 'approve' && plain(c)));
  if (lineFigure >= 0) return { kind: 'revise', found: { s: all[lineFigure]!, index: lineFigure, cue: null } };
  const approval = firstWhere((s, c) => c.kind === 'approve' && plain(c) && !s.isQuestion);
  if (approval) return { kind: 'approval', found: approval };
  const question = all.findIndex((s) => s.isQuestion);
  if (question >= 0) return { kind: 'question', found: { s: all[question]!, index: question, cue: null } };
  return { kind: 'other', found: null };
}

export type ClassifyOptions = {
  /** the headers already said it is automatic (auto-reply.ts isAutoReplyByHeaders) */
  isAutoReplyByHeaders?: boolean;
  /** the subject line: "Automatic reply: …", "Respuesta automática: …" */
  subject?: string;
};

export function classifyReply(text: string, options: ClassifyOptions = {}): ReplyClassification {
  const none = { isConditional: false, reason: null };
  const normalized = text.normalize('NFC');
  if (options.isAutoReplyByHeaders) return { kind: 'auto_reply', ...none, matched: null };
  const head = fold(`${options.subject ?? ''}\n${normalized.slice(0, 600)}`);
  const auto = AUTO_REPLY_TEXT.exec(head);
  if (auto) return { kind: 'auto_reply', ...none, matched: auto[0] };

  const all = sentences(normalized).map((s) => cuesOf(s.text));
  const { kind, found } = decide(all);
  const matched = found?.cue ? found.s.text.slice(found.cue.start, found.cue.end) : found ? found.s.text : null;
  if (kind === 'rejection' || kind === 'revise') return { kind, isConditional: false, reason: reasonFrom(all, found!.index), matched };
  if (kind === 'approval') {
    const isConditional = all.some((s) => !s.isQuestion && CONDITION.test(fold(s.text)));
    return { kind, isConditional, reason: null, matched };
  }
  return { kind, ...none, matched: kind === 'other' ? null : matched };
}
