/**
 * wrangler.toml [triggers]: the daily run of payment reminders (the other cron is the every-5-minutes
 * upkeep). Kept out of worker/src/index.ts: workerd takes every named export of the entry module
 * for an entrypoint and refuses to start on a string ("Incorrect type for map entry 'REMINDERS_CRON'").
 */
export const REMINDERS_CRON = '0 14 * * *';
