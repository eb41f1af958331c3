import type { ExecutionContext } from '@cloudflare/workers-types';
import type { Env } from '../env';

/** Every background job: { type, ...payload }. Payloads carry ids and R2 keys, never documents (128 KB limit). */
export type Job = { type: string; [key: string]: unknown };

type Handler = (job: Job, env: Env, ctx: ExecutionContext) => Promise<void>;

/** Features register their job handlers here (email delivery, inbound processing, PDF compilation, bulk sends). */
export const jobHandlers: Record<string, Handler> = {};
