// Where email data lives in R2. Project-scoped where a project is known, so a project's files can
// be listed, exported or deleted together.

import { receivedFileName } from '@shared/file-name';

export const uploadKey = (projectId: string, attachmentId: string, fileName: string) =>
  `projects/${projectId}/attachments/${attachmentId}/${receivedFileName(fileName)}`;

/** Rendered outbound bodies ({ html, text }); sign-in mail has no project. */
export const outboundBodyKey = (projectId: string | null, messageId: string) =>
  projectId ? `projects/${projectId}/emails/${messageId}/body.json` : `system/emails/${messageId}/body.json`;

/**
 * The raw inbound webhook payload, stored before anything else happens. Keys sort by arrival
 * (day folder, then HHMMSSmmm): redriveStuck lists only the last minutes' payloads.
 * Older keys (inbound/raw/<day>/<receiptId>.json) stay valid: the receipt row keeps its key.
 */
export const inboundRawKey = (receivedAt: string, receiptId: string) =>
  `${inboundRawPrefix(receivedAt)}${receivedAt.slice(11, 23).replace(/[:.]/g, '')}-${receiptId}.json`;

/** The folder of one UTC day's raw payloads; with a time, the key every later arrival sorts after. */
export const inboundRawPrefix = (isoTime: string) => `inbound/raw/${isoTime.slice(0, 10)}/`;

/** The receipt id in a raw payload key (either layout). */
export const receiptIdOfRawKey = (key: string) => /(rcp_[0-9a-f]+)\.json$/.exec(key)?.[1] ?? null;

export const inboundFileKey = (projectId: string | null, messageId: string, position: number, fileName: string) =>
  projectId
    ? `projects/${projectId}/emails/${messageId}/files/${position}-${receivedFileName(fileName)}`
    : `inbound/unmatched/${messageId}/files/${position}-${receivedFileName(fileName)}`;
