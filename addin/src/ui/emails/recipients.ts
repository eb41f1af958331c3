// To/CC as the form keeps them: a chip per recipient (a directory user by id, or a typed address),
// the directory suggestions, and the server's 422 details mapped to the form's fields.
import type { TEmailThreadView, TRecipientInput } from '@shared/api/emails';
import type { ErrorDetail } from '../../api';
import { parseAddresses } from '../send-batches/parse-addresses';

export type Chip = { key: string; label: string; recipient: TRecipientInput };
export type Suggestion = { email: string; name: string; userId: string | null };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text) && text.length <= 254;
}

export function chipOf(s: { email?: string; name?: string; userId?: string | null }): Chip {
  if (s.userId)
    return { key: `u:${s.userId}`, label: s.name ? `${s.name} <${s.email ?? ''}>`.replace(' <>', '') : (s.email ?? s.userId), recipient: { userId: s.userId } };
  const email = s.email!.trim();
  return { key: `e:${email.toLowerCase()}`, label: s.name ? `${s.name} <${email}>` : email, recipient: { email, ...(s.name ? { name: s.name } : {}) } };
}

/** Typed text → chips for the valid addresses, and the pieces that are not addresses. */
export function parseTyped(text: string, suggestions: Suggestion[]): { chips: Chip[]; invalid: string[] } {
  const chips: Chip[] = [];
  const invalid: string[] = [];
  for (const { email } of parseAddresses(text)) {
    if (!isEmail(email)) {
      invalid.push(email);
      continue;
    }
    const known = suggestions.find((s) => s.email.toLowerCase() === email.toLowerCase());
    chips.push(chipOf(known ?? { email }));
  }
  return { chips, invalid };
}

export function addChips(current: Chip[], more: Chip[]): Chip[] {
  const keys = new Set(current.map((c) => c.key));
  const emails = new Set(current.map((c) => ('email' in c.recipient ? c.recipient.email?.toLowerCase() : undefined)).filter(Boolean));
  return [...current, ...more.filter((c) => !keys.has(c.key) && !('email' in c.recipient && emails.has(c.recipient.email?.toLowerCase())))];
}

/**
 * The people the pane can suggest: the signed-in user, the project directory (members and the
 * invoice contacts of visible contracts, when the user may read it) and everyone on this
 * invoice's threads.
 */
export function directorySuggestions(me: { id: string; name: string; email: string }, threads: TEmailThreadView[], directory: Suggestion[] = []): Suggestion[] {
  const out = new Map<string, Suggestion>();
  const add = (p: Suggestion) => {
    const k = p.email.toLowerCase();
    if (!out.has(k) && !k.includes('reply+')) out.set(k, p);
  };
  add({ email: me.email, name: me.name, userId: me.id });
  for (const p of directory) add(p);
  for (const t of threads) for (const p of t.participants) add({ email: p.email, name: p.name, userId: p.userId });
  return [...out.values()];
}

export type FieldErrors = Partial<Record<'to' | 'cc' | 'subject' | 'message' | 'attachments' | 'form', string[]>>;

/** The 422 details ("to.1.email", "subject", …) by form field; anything else under "form". */
export function fieldErrors(details: ErrorDetail[], chips: { to: Chip[]; cc: Chip[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) {
    const [head, index] = (d.field ?? '').split('.');
    const field = head === 'to' || head === 'cc' || head === 'subject' || head === 'message' ? head : head === 'attachmentIds' ? 'attachments' : 'form';
    const who = (field === 'to' || field === 'cc') && index !== undefined ? chips[field][Number(index)]?.label : undefined;
    (out[field] ??= []).push(who ? `${who}: ${d.message}` : d.message);
  }
  return out;
}
