import type { Db } from './db/client';
import type { Env } from './env';

export type AuthUser = { id: string; companyId: string; email: string; name: string; locale: string };

/** What every service verb receives: the database, bindings, the signed-in user, the request id. */
export type ServiceCtx = {
  db: Db;
  env: Env;
  user: AuthUser;
  requestId: string;
  /** run work after the response (queue sends etc.); tests may await it */
  waitUntil: (p: Promise<unknown>) => void;
};

export type AppBindings = { Bindings: Env; Variables: { ctx: ServiceCtx; requestId: string } };
