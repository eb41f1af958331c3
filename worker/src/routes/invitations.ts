import { createRoute } from '@hono/zod-openapi';
import { ZInvitationResponse, ZInvitations } from '@shared/api/projects';
import { authErrors, json, params, routes, writeErrors } from '../lib/openapi';
import { listMyInvitations } from '../services/invitations/list-my-invitations';
import { respondToInvitation } from '../services/invitations/respond-to-invitation';

const id = params('id');

/** Invitations to projects, answered by the invitee (docs/security-rules.md "Membership"). */
export const invitationRoutes = routes()
  .openapi(
    createRoute({ method: 'get', path: '/invitations', summary: "The signed-in user's pending invitations to projects", responses: { 200: json(ZInvitations, 'Pending invitations, newest first'), ...authErrors() } }),
    async (c) => c.json(await listMyInvitations({ ctx: c.get('ctx'), input: {} }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invitations/{id}/accept', summary: 'Accept an invitation addressed to you: you join the project with its levels',
      request: { params: id }, responses: { 200: json(ZInvitationResponse, 'Accepted'), ...writeErrors() },
    }),
    async (c) => c.json(await respondToInvitation({ ctx: c.get('ctx'), input: { invitationId: c.req.valid('param').id, accept: true } }), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/invitations/{id}/decline', summary: 'Decline an invitation addressed to you',
      request: { params: id }, responses: { 200: json(ZInvitationResponse, 'Declined'), ...writeErrors() },
    }),
    async (c) => c.json(await respondToInvitation({ ctx: c.get('ctx'), input: { invitationId: c.req.valid('param').id, accept: false } }), 200),
  );
