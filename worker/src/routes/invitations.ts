import * as def from '@shared/api/routes/invitations';
import { routes } from '../lib/openapi';
import { listMyInvitations } from '../services/invitations/list-my-invitations';
import { respondToInvitation } from '../services/invitations/respond-to-invitation';

/** Invitations to projects, answered by the invitee (docs/security-rules.md "Membership"). */
export const invitationRoutes = routes()
  .openapi(def.listMyInvitations, async (c) => c.json(await listMyInvitations({ ctx: c.get('ctx'), input: {} }), 200))
  .openapi(def.acceptInvitation, async (c) =>
    c.json(await respondToInvitation({ ctx: c.get('ctx'), input: { invitationId: c.req.valid('param').id, accept: true } }), 200),
  )
  .openapi(def.declineInvitation, async (c) =>
    c.json(await respondToInvitation({ ctx: c.get('ctx'), input: { invitationId: c.req.valid('param').id, accept: false } }), 200),
  );
