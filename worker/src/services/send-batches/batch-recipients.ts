import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSendBatchRecipients } from '@shared/api/send-batches';
import type { ErrorDetail } from '@shared/errors';
import type { ServiceCtx } from '../../context';
import { contractInvoiceContacts, contracts, users } from '../../db/schema';
import { normalizeEmail, type Person } from '../../email/addresses';
import type { SelectedInvoice } from './select-invoices';

type Recipients = z.output<typeof ZSendBatchRecipients>;
type Chosen = Extract<Recipients, { mode: 'chosen' }>['addresses'];

/**
 * A chosen list as people: each address once (any case), matched to a directory user by address
 * (name and id, as a single send does), never one of our own reply addresses. Thousands of
 * addresses: matched in one statement through json_each (D1 binds at most 100 parameters).
 */
async function chosenPeople(ctx: ServiceCtx, list: Chosen, problems: ErrorDetail[]): Promise<Person[]> {
  const emails = [...new Set(list.map((a) => normalizeEmail(a.email)))];
  const { results } = await ctx.env.DB.prepare('SELECT id, email, name FROM users WHERE lower(email) IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(emails))
    .all<{ id: string; email: string; name: string }>();
  const users = new Map(results.map((u) => [normalizeEmail(u.email), u]));
  const replyDomain = `@${ctx.env.INBOUND_DOMAIN.toLowerCase()}`;
  const seen = new Set<string>();
  const out: Person[] = [];
  list.forEach((a, i) => {
    const email = normalizeEmail(a.email);
    if (email.endsWith(replyDomain)) {
      problems.push({ field: `recipients.addresses.${i}.email`, code: 'REPLY_DOMAIN', message: `${email} is one of this product's reply addresses` });
      return;
    }
    if (seen.has(email)) return;
    seen.add(email);
    const user = users.get(email);
    out.push({ email, name: a.name?.trim() || user?.name || '', userId: user?.id ?? null });
  });
  return out;
}

/**
 * Who receives each invoice: its contract's invoice contacts (users of the owner's company), or
 * the chosen list (matched to directory users by address, as a single send does). An invoice
 * left with nobody is a problem that names it: it would silently not be sent.
 */
export async function recipientsByInvoice(
  ctx: ServiceCtx,
  projectId: string,
  selected: SelectedInvoice[],
  recipients: Recipients,
): Promise<{ byInvoice: Map<string, Person[]>; problems: ErrorDetail[] }> {
  const byInvoice = new Map<string, Person[]>();
  const problems: ErrorDetail[] = [];
  if (recipients.mode === 'chosen') {
    const chosen = await chosenPeople(ctx, recipients.addresses, problems);
    for (const inv of selected) byInvoice.set(inv.id, chosen);
    return { byInvoice, problems };
  }
  const rows = await ctx.db
    .select({ contractId: contractInvoiceContacts.contractId, userId: users.id, email: users.email, name: users.name })
    .from(contractInvoiceContacts)
    .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
    .innerJoin(users, eq(users.id, contractInvoiceContacts.userId))
    .where(eq(contracts.projectId, projectId))
    .orderBy(users.name, users.email);
  const byContract = new Map<string, Person[]>();
  for (const r of rows) {
    const list = byContract.get(r.contractId) ?? [];
    const email = normalizeEmail(r.email);
    if (!list.some((p) => p.email === email)) list.push({ email, name: r.name, userId: r.userId });
    byContract.set(r.contractId, list);
  }
  for (const inv of selected) {
    const people = byContract.get(inv.contract.id) ?? [];
    if (!people.length) {
      const message =
        `Invoice #${inv.number} of Prime Contract #${inv.contract.number} (${inv.contract.title}) has no recipients: ` +
        'its contract has no invoice contacts. Add invoice contacts to the contract, or send to a chosen list of addresses.';
      problems.push({ field: 'recipients', code: 'NO_INVOICE_CONTACTS', message });
    }
    byInvoice.set(inv.id, people);
  }
  return { byInvoice, problems };
}
