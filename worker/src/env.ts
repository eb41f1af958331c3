import type { D1Database, Queue, R2Bucket, Fetcher } from '@cloudflare/workers-types';

export type Env = {
  DB: D1Database;
  FILES: R2Bucket;
  JOBS: Queue;
  ASSETS: Fetcher;
  APP_NAME: string;
  PUBLIC_URL: string;
  INBOUND_DOMAIN: string;
  POSTMARK_SERVER_TOKEN?: string;
  INBOUND_WEBHOOK_USER?: string;
  INBOUND_WEBHOOK_PASSWORD?: string;
  /** comma-separated origins allowed to call the API from a browser (e.g. the sideloaded dev task pane) */
  ALLOWED_ORIGINS?: string;
  /** "1" in local dev: enables /dev/* pages (outbox) and demo seeding */
  DEV_MODE?: string;
  /** "1": mail without POSTMARK_SERVER_TOKEN goes to the local outbox (the worker tests); see email/postmark-client.ts */
  LOCAL_OUTBOX?: string;
  /** HMAC key of signed download links (services/pdf/signed-links.ts); required outside DEV_MODE */
  DOWNLOAD_SIGNING_KEY?: string;
  /** recipients a company may mail per 24 hours (services/emails/sending-quota.ts); 2000 when unset */
  MAIL_DAILY_RECIPIENTS_PER_COMPANY?: string;
  /** bytes an invoice contact may upload into one project (services/attachments/upload-attachment.ts); 200 MB when unset */
  CONTACT_UPLOAD_QUOTA_BYTES?: string;
};
