// A zod failure as the error envelope's details: one entry per issue, the field as its dotted
// path ("lines.3999.description"). The worker answers 422 with these (worker/src/lib/openapi.ts),
// and the pane's pre-checks (shared/sov/sov-rules.ts) produce the very same entries.
import type { z } from 'zod';
import type { ErrorDetail } from '../errors';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    code: issue.code.toUpperCase(),
    message: issue.message,
  }));
}
