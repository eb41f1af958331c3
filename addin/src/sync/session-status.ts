// Builds the SyncStatus from the session's facts; precedence: a blocking error, offline/retrying,
// saving, pending, refused cells, conflicts, G702 mismatch, saved.

import type { G702Mismatch } from '../excel/read';
import { englishStatus, type ConflictCell, type RejectedCell, type StatusKey, type StatusParams, type SyncStatus, type SyncStatusKind } from './status';

export type SessionFacts = {
  phase: 'idle' | 'opening' | 'saving';
  error: { code: string; message: string; requestId?: string } | null;
  offline?: boolean;
  retryAt: number | null;
  lastSavedAt: string | null;
  mismatch: G702Mismatch[];
  savingCount: number;
};

export type Counts = {
  queued: number;
  inFlight: number;
  rejected: RejectedCell[];
  conflicts: ConflictCell[];
  version: number | null;
  readOnlyReason: string | null;
};

export function buildStatus(f: SessionFacts, c: Counts, now = Date.now()): SyncStatus {
  const pendingCount = c.queued + c.inFlight;
  const retryInMs = f.retryAt === null ? null : Math.max(0, f.retryAt - now);
  const seconds = retryInMs === null ? 0 : Math.ceil(retryInMs / 1000);
  let kind: SyncStatusKind;
  let key: StatusKey;
  let params: StatusParams = {};
  if (f.phase === 'opening') [kind, key] = ['saving', 'sync.opening'];
  else if (f.phase === 'saving') [kind, key, params] = ['saving', 'sync.saving', { count: f.savingCount }];
  else if (f.error && f.retryAt !== null)
    [kind, key, params] = f.offline
      ? ['offline', 'sync.offline', { count: pendingCount, seconds }]
      : ['error', 'sync.retrying', { count: pendingCount, seconds, message: f.error.message }];
  else if (f.error)
    [kind, key, params] = [
      'error',
      'sync.error',
      { message: pendingCount ? `${f.error.message} (${pendingCount} ${pendingCount === 1 ? 'edit' : 'edits'} not yet saved)` : f.error.message },
    ];
  else if (pendingCount && c.readOnlyReason)
    [kind, key, params] = ['error', 'sync.error', { message: `${c.readOnlyReason} (${pendingCount} ${pendingCount === 1 ? 'edit' : 'edits'} not yet saved)` }];
  else if (pendingCount) [kind, key, params] = ['pending', 'sync.pending', { count: pendingCount }];
  else if (c.rejected.length) [kind, key, params] = ['error', 'sync.rejected', { count: c.rejected.length, message: c.rejected[0].message }];
  else if (c.conflicts.length) [kind, key, params] = ['conflict', 'sync.conflict', { count: c.conflicts.length }];
  else if (f.mismatch.length) [kind, key, params] = ['error', 'sync.mismatch', { line: f.mismatch.map((m) => m.line).join(', ') }];
  else if (c.readOnlyReason) [kind, key, params] = ['saved', 'sync.readOnly', { message: c.readOnlyReason }];
  else [kind, key] = ['saved', 'sync.saved'];
  return {
    kind,
    key,
    params,
    message: englishStatus(key, params),
    pendingCount,
    savingCount: f.phase === 'saving' ? f.savingCount : 0,
    rejected: c.rejected,
    conflicts: c.conflicts,
    mismatch: f.mismatch,
    version: c.version,
    lastSavedAt: f.lastSavedAt,
    retryInMs,
    error: f.error,
  };
}
