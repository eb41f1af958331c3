export { createApiClient } from './client';
export type { ApiClient, ApiClientOptions, FetchLike } from './client';
export { ApiError, NetworkError, isApiError } from './errors';
export type { ErrorCode, ErrorDetail } from './errors';
export type * from './types';
