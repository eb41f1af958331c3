export { createApiClient } from './client';
export type { ApiClient } from './client';
export { createRequester } from './requester';
export type { FetchLike } from './requester';
export { NetworkError, isApiError } from './errors';
export type { ErrorDetail } from './errors';
export type * from './types';
