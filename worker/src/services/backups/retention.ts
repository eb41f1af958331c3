import { LINK_TTL_SECONDS } from '../pdf/signed-links';

/**
 * How long a compiled backup is kept in R2 after it is ready. Compiled PDFs are copies (every
 * invoice and attachment stays stored on its own), so they are deleted after this many days by the
 * cron (purge-expired-backups.ts); the API says when (expiresAt), and the user can compile again.
 */
export const BACKUP_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export function backupExpiresAt(readyAt: string | null): string | null {
  return readyAt ? new Date(Date.parse(readyAt) + BACKUP_RETENTION_DAYS * DAY_MS).toISOString() : null;
}

export const isBackupExpired = (readyAt: string | null, now = Date.now()) => readyAt !== null && Date.parse(backupExpiresAt(readyAt)!) <= now;

/** The retention rule as the API states it next to every backup. */
export function retentionView(readyAt: string | null, now = Date.now()) {
  return {
    keptForDays: BACKUP_RETENTION_DAYS,
    expiresAt: backupExpiresAt(readyAt),
    isExpired: isBackupExpired(readyAt, now),
    /** a download link (POST …/download-link) works this long after it is made */
    downloadLinkLifetimeSeconds: LINK_TTL_SECONDS,
  };
}

/** The cutoff for the purge: backups ready before it are past their retention. */
export const retentionCutoff = (now: number) => new Date(now - BACKUP_RETENTION_DAYS * DAY_MS).toISOString();
