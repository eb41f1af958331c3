// Fallback for hosts without onChanged.triggerSource (ExcelApi < 1.14): a short log of the ranges
// this add-in just wrote. An event for exactly such a range, shortly after, is our own echo.
// Even when this misses, the diff against the last synced copy finds nothing to send.

import { supportsTriggerSource } from './support';

type Entry = { sheet: string; address: string; at: number }; // sheet: Worksheet.id
const log: Entry[] = [];
const TTL_MS = 5_000;

const norm = (a: string) => a.replace(/\$/g, '').replace(/^.*!/, '').toUpperCase();

/**
 * Only value/formula writes are recorded (formatting and notes raise no onChanged), and only on
 * hosts without triggerSource: an entry whose echo never comes could otherwise swallow a user's
 * edit of the same range within the TTL.
 */
export function recordOwnWrite(sheet: string, address: string, now = Date.now()): void {
  if (supportsTriggerSource()) return;
  log.push({ sheet, address: norm(address), at: now });
  while (log.length && (log.length > 500 || now - log[0].at > TTL_MS)) log.shift();
}

/** Consumes the matching entry: one write, one echo. */
export function takeOwnWrite(sheet: string, address: string, now = Date.now()): boolean {
  const a = norm(address);
  const i = log.findIndex((e) => e.sheet === sheet && e.address === a && now - e.at <= TTL_MS);
  if (i < 0) return false;
  log.splice(i, 1);
  return true;
}
