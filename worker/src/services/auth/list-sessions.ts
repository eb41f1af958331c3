import type { TSessions } from '@shared/api/emails';
import type { ServiceCtx } from '../../context';
import { liveTokensOf } from './live-tokens';

/** The user's live sign-in sessions, newest first (API tokens for scripts are not sessions). */
export async function listSessions({ ctx, input }: { ctx: ServiceCtx; input: { currentTokenHash: string } }): Promise<TSessions> {
  const rows = await liveTokensOf(ctx, 'session');
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      label: r.label,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      isCurrent: r.tokenHash === input.currentTokenHash,
    })),
  };
}
