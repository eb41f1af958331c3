import { describe, expect, it } from 'vitest';
import type { TEmailMessageView, TEmailThreadView } from '@shared/api/emails';
import { mergeThreads } from './merge-threads';

const msg = (id: string, createdAt: string, status: TEmailMessageView['status'] = 'queued') => ({ id, createdAt, status }) as TEmailMessageView;
const thread = (id: string, createdAt: string, messages: TEmailMessageView[]) => ({ id, createdAt, messages }) as TEmailThreadView;

describe('mergeThreads', () => {
  it('adds new messages in order, replaces ones seen again, and puts new threads first', () => {
    const current = [thread('t1', '2026-11-01T00:00:00Z', [msg('a', '2026-11-01T00:00:00Z'), msg('b', '2026-11-01T00:01:00Z')])];
    const incoming = [
      thread('t1', '2026-11-01T00:00:00Z', [msg('b', '2026-11-01T00:01:00Z', 'sent'), msg('c', '2026-11-01T00:02:00Z', 'received')]),
      thread('t2', '2026-11-02T00:00:00Z', [msg('d', '2026-11-02T00:00:00Z')]),
    ];
    const merged = mergeThreads(current, incoming);
    expect(merged.map((t) => t.id)).toEqual(['t2', 't1']);
    expect(merged[1]!.messages.map((m) => `${m.id}:${m.status}`)).toEqual(['a:queued', 'b:sent', 'c:received']);
    expect(mergeThreads(merged, incoming)).toEqual(merged);
  });
});
