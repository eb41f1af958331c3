export { createApiClient, createEmailApi, createSendBatchApi } from './client';
export type { ApiClient, BillingPeriod, EmailApi, PrimeContract, SendBatchApi } from './client';
export { NetworkError, isApiError } from './errors';
export type { ErrorDetail } from './errors';
export type * from './types';
