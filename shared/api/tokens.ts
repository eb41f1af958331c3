import { z } from 'zod';

/** POST /api/v1/auth/tokens: an API token for scripts; it always expires (docs/security-rules.md "Tokens") */
export const ZCreateApiToken = z.object({
  label: z.string().trim().min(1).max(100),
  /** days until it stops working: 1 – 365, 90 when left out */
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const ZApiTokenView = z.object({ id: z.string(), label: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() });

/** 201: the token itself is shown once, here; only its SHA-256 is kept */
export const ZApiTokenCreated = ZApiTokenView.extend({ token: z.string() });

/** GET /api/v1/auth/tokens: the user's API tokens still in force (not revoked, not expired) */
export const ZApiTokens = z.object({ tokens: z.array(ZApiTokenView) });

/** DELETE /api/v1/auth/tokens/:id */
export const ZRevokedApiToken = z.object({ revoked: z.string() });
