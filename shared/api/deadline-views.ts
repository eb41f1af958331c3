// A deadline or warning from the project's jurisdiction rules (shared/jurisdiction/rules.ts), as the
// contract view and the invoice view answer them: in the signed-in user's language, with the law's source.
import { z } from 'zod';

export const ZDeadline = z.object({
  /** the rule: '<jurisdiction>.<rule>', e.g. 'US-CA.private-retainage-cap', 'CA-ON.prompt-payment' */
  code: z.string(),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  /** the day it falls due (YYYY-MM-DD), null for a standing rule such as a retainage cap */
  dueOn: z.string().nullable(),
  source: z.object({ title: z.string(), url: z.string(), checkedOn: z.string() }),
});
export type TDeadline = z.infer<typeof ZDeadline>;
