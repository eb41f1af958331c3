import { describe, expect, it } from 'vitest';
import type { TEmailThreadView } from '@shared/api/emails';
import { replyMarkDiff, replyMarksFrom } from './reply-marks';

const ref = (lineId: string, sentence: string, isOpen = true) => ({ lineId, itemNo: lineId, description: 'd', sentence, matched: lineId, isOpen });
const msg = (id: string, createdAt: string, lines: ReturnType<typeof ref>[], kind = 'rejection', direction = 'inbound') =>
  ({ id, direction, createdAt, from: { name: 'María', email: 'm@x' }, classification: { kind, lines } }) as unknown as TEmailThreadView['messages'][number];
const threads = (messages: TEmailThreadView['messages']) => [{ messages } as TEmailThreadView];
const note = (from: string, s: string) => `${from}: ${s}`;

describe('replyMarksFrom', () => {
  it('marks every open line a reply names, the latest reply winning, never from auto-replies', () => {
    const marks = replyMarksFrom(
      threads([
        msg('a', '2026-01-01T00:00:00.000Z', [ref('012', 'old'), ref('011', 'eleven')]),
        msg('b', '2026-01-02T00:00:00.000Z', [ref('012', 'rechazada, la partida 012 está mal medida'), ref('013', 'closed', false)]),
        msg('c', '2026-01-03T00:00:00.000Z', [ref('014', 'auto')], 'auto_reply'),
      ]),
      note,
    );
    expect(marks).toEqual([
      { lineId: '011', note: 'María: eleven', receivedAt: '2026-01-01T00:00:00.000Z' },
      { lineId: '012', note: 'María: rechazada, la partida 012 está mal medida', receivedAt: '2026-01-02T00:00:00.000Z' },
    ]);
  });
});

describe('replyMarkDiff', () => {
  const wanted = [
    { lineId: '011', note: 'n11', receivedAt: '2026-01-01T00:00:00.000Z' },
    { lineId: '012', note: 'n12', receivedAt: '2026-01-02T00:00:00.000Z' },
  ];
  it('writes new marks and removes marks no reply asks for', () => {
    expect(
      replyMarkDiff(
        new Map([
          ['009', 'x'],
          ['011', 'n11'],
        ]),
        wanted,
        new Map(),
      ),
    ).toEqual({ write: [{ lineId: '012', note: 'n12' }], remove: ['009'] });
  });
  it('does not mark again a line saved after its reply, but does for a newer reply', () => {
    const saved = new Map([
      ['012', '2026-01-03T00:00:00.000Z'],
      ['011', '2025-12-31T00:00:00.000Z'],
    ]);
    expect(replyMarkDiff(new Map([['012', 'n12']]), wanted, saved)).toEqual({ write: [{ lineId: '011', note: 'n11' }], remove: ['012'] });
  });
});
