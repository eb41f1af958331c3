// The invitations routes, declared once: served by worker/src/routes/invitations.ts, called through
// shared/api/call.ts, documented in GET /api/v1/openapi.json (see shared/api/route-kit.ts).
import { ZInvitationResponse, ZInvitations } from '../projects';
import { defineRoute, authErrors, json, params, writeErrors } from '../route-kit';

const id = params('id');

export const listMyInvitations = defineRoute({
  method: 'get',
  path: '/invitations',
  summary: "The signed-in user's pending invitations to projects",
  responses: { 200: json(ZInvitations, 'Pending invitations, newest first'), ...authErrors() },
});

export const acceptInvitation = defineRoute({
  method: 'post',
  path: '/invitations/{id}/accept',
  summary: 'Accept an invitation addressed to you: you join the project with its levels',
  request: { params: id },
  responses: { 200: json(ZInvitationResponse, 'Accepted'), ...writeErrors() },
});

export const declineInvitation = defineRoute({
  method: 'post',
  path: '/invitations/{id}/decline',
  summary: 'Decline an invitation addressed to you',
  request: { params: id },
  responses: { 200: json(ZInvitationResponse, 'Declined'), ...writeErrors() },
});
