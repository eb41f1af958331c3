// The closed list of error codes, shared by worker and add-in. One envelope for everything:
// { error: { code, message, requestId, details } }.

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
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one input: a cell of the schedule (lineId + field) or a request field (field only). */
export type ErrorDetail = {
  lineId?: string;
  itemNo?: string;
  field: string;
  code: string;
  message: string;
};

export type ErrorEnvelope = {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    details: ErrorDetail[];
    /** extra machine-readable facts, e.g. the current version on VERSION_CONFLICT */
    meta?: Record<string, unknown>;
  };
};
