/**
 * Deliveries of one message: the first plus wrangler.toml's max_retries = 5 on the jobs queue. On
 * the last one a failure is settled for good (queues/consumer.ts) rather than dead-lettered.
 */
export const QUEUE_MAX_ATTEMPTS = 6;
