// The closed list of error codes, shared by worker and add-in. One envelope for everything:
// { error: { code, message, requestId, details } }. The envelope is a zod schema so that the
// OpenAPI document (worker/src/lib/openapi.ts) describes every error response with it.
import { z } from 'zod';

export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  INVOICE_NOT_EDITABLE: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** the mail provider (Postmark) did not answer or refused for now; try again */
  UPSTREAM_UNAVAILABLE: 502,
  /** a secret this deployment needs is not set (POSTMARK_SERVER_TOKEN, DOWNLOAD_SIGNING_KEY): nothing was done */
  NOT_CONFIGURED: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** One problem with one input: a cell of the schedule (lineId + field) or a request field (field only). */
export const ZErrorDetail = z.object({
  lineId: z.string().optional(),
  itemNo: z.string().optional(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ZErrorDetail>;

export const ZErrorEnvelope = z.object({
  error: z.object({
    code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    requestId: z.string(),
    details: z.array(ZErrorDetail),
    /** extra machine-readable facts, e.g. the current version on VERSION_CONFLICT */
    meta: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ZErrorEnvelope>;
