import { and, eq } from 'drizzle-orm';
import { contractInvoiceContacts, contracts, projectInvitations, projectMembers, projects, users } from '../../db/schema';
import { normalizeEmail } from '../../email/addresses';
import type { PostmarkInbound } from '../../email/postmark-payloads';
import type { SystemCtx } from '../../email/system-ctx';
import { atLeast, toolOf, type Tool } from '../access/levels';

export type UnmatchedRule = 'sender_is_member' | 'sender_is_invoice_contact';
export type UnmatchedListing = { rules: Set<UnmatchedRule>; tools: Set<Tool> };

/**
 * Which projects' admins see a reply that matched no thread (docs/security-rules.md "Unmatched
 * replies"). A reply tied to a thread by its reply token or In-Reply-To/References never gets here
 * (match-thread.ts). Otherwise the only tie is the sender, and only when:
 *   - the sender is authenticated (SPF aligned with From, or a DKIM signature of the From domain:
 *     email/sender-auth.ts) — a forged From ties nothing; and
 *   - the sender is a user who is a member or an invoice contact of the project, AND belongs to the
 *     project's company or accepted an invitation to the project. Nothing an outsider can do alone
 *     (create a project, mail or name an address) makes a project qualify.
 * The tools are those the sender's role concerns (the contracts they are invoice contact of, the
 * tools they may read as a member); only admins of those tools see it (list-unmatched-emails.ts).
 * A mail that qualifies nowhere is still stored with its receipt and raw payload, listed for no
 * project (operators find it: email_messages rows with neither thread nor project).
 */
export async function unmatchedProjects(ctx: SystemCtx, p: PostmarkInbound, isSenderAuthenticated: boolean): Promise<Map<string, UnmatchedListing>> {
  const out = new Map<string, UnmatchedListing>();
  const sender = normalizeEmail(p.FromFull?.Email || p.From);
  if (!sender || !isSenderAuthenticated) return out;
  const [user] = await ctx.db.select().from(users).where(eq(users.email, sender)).limit(1);
  if (!user) return out;
  const [memberRows, contactRows, accepted] = await ctx.db.batch([
    ctx.db
      .select({
        projectId: projectMembers.projectId,
        companyId: projects.companyId,
        prime: projectMembers.primeContractsLevel,
        commitments: projectMembers.commitmentsLevel,
      })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, user.id)),
    ctx.db
      .selectDistinct({ projectId: contracts.projectId, companyId: projects.companyId, kind: contracts.kind })
      .from(contractInvoiceContacts)
      .innerJoin(contracts, eq(contracts.id, contractInvoiceContacts.contractId))
      .innerJoin(projects, eq(projects.id, contracts.projectId))
      .where(eq(contractInvoiceContacts.userId, user.id)),
    ctx.db
      .select({ projectId: projectInvitations.projectId })
      .from(projectInvitations)
      .where(and(eq(projectInvitations.email, sender), eq(projectInvitations.status, 'accepted'))),
  ]);
  const acceptedIn = new Set(accepted.map((r) => r.projectId));
  const trusted = (r: { projectId: string; companyId: string }) => r.companyId === user.companyId || acceptedIn.has(r.projectId);
  const listing = (projectId: string) => {
    if (!out.has(projectId)) out.set(projectId, { rules: new Set(), tools: new Set() });
    return out.get(projectId)!;
  };
  for (const r of memberRows.filter(trusted)) {
    const l = listing(r.projectId);
    l.rules.add('sender_is_member');
    if (atLeast(r.prime, 'read_only')) l.tools.add('prime_contracts');
    if (atLeast(r.commitments, 'read_only')) l.tools.add('commitments');
  }
  for (const r of contactRows.filter(trusted)) {
    const l = listing(r.projectId);
    l.rules.add('sender_is_invoice_contact');
    l.tools.add(toolOf(r.kind));
  }
  return out;
}
