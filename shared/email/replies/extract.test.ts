import { describe, expect, it } from 'vitest';
import { findCertifiedAmount, parseAmountCents } from './amount';
import { autoReplyHeader } from './auto-reply';
import { findLineMentions, type InvoiceLineRef } from './lines';
import { ownWords } from './text';
import { understandReply } from './understand';

const lines: InvoiceLineRef[] = [
  { lineId: 'a', itemNo: '007', costCode: '02-007', description: 'Selective demolition' },
  { lineId: 'b', itemNo: '009', costCode: '03-009', description: 'Footings and foundations' },
  { lineId: 'c', itemNo: '010', costCode: '03-010', description: 'Slab on grade' },
  { lineId: 'd', itemNo: '011', costCode: '03-011', description: 'Elevated slabs' },
  { lineId: 'e', itemNo: '012', costCode: '03-012', description: 'Concrete reinforcing' },
  { lineId: 'f', itemNo: '039', costCode: '10-039', description: 'Signage' },
  { lineId: 'g', itemNo: '1.2', costCode: null, description: 'Mobilization' },
];
const items = (text: string) => findLineMentions(text, lines).map((m) => m.itemNo);

describe('parseAmountCents', () => {
  const table: Array<[string, number | null]> = [
    ['412,000.00', 41_200_000],
    ['412.000,00', 41_200_000],
    ['412 000,00', 41_200_000],
    ['412\u202f000,00', 41_200_000],
    ['19,252.83', 1_925_283],
    ['19.252,83', 1_925_283],
    ['18.500', 1_850_000],
    ['18,500', 1_850_000],
    ['1,240', 124_000],
    ['12,5', 1_250],
    ['250', 25_000],
    ['1.234.567,89', 123_456_789],
    ['x', null],
  ];
  for (const [raw, cents] of table) it(`${raw} → ${cents}`, () => expect(parseAmountCents(raw)).toBe(cents));
});

describe('findCertifiedAmount', () => {
  it.each([
    ['we can certify $412,000 this period', 41_200_000],
    ['Ana, aprobamos 412.000,00 para este periodo.', 41_200_000],
    ['Nous certifions 412 000,00 € pour cette période.', 41_200_000],
    ['We will pay $250k this cycle.', 25_000_000],
    ['Wire sent today for $19,252.83, confirmation attached.', 1_925_283],
  ])('%s', (text, cents) => expect(findCertifiedAmount(text)?.cents).toBe(cents));

  it.each([
    'The G702 is off by $1,240.', // no certify/pay word
    'On line 60 we would accept $12,500.00 instead.', // a line's figure, not the certificate
    'Cheque #004512 mailed.', // a reference number
    'Retainage stays at 10% until completion, approved.',
    'How much will you pay, $400,000?',
  ])('none in %s', (text) => expect(findCertifiedAmount(text)).toBeNull());
});

describe('findLineMentions', () => {
  it.each([
    ['rechazada, la partida 012 está mal medida', ['012']],
    ['Rejected - line 12 is overbilled', ['012']],
    ['Lines 9 through 11 are ahead of the pour schedule', ['009', '010', '011']],
    ['Las partidas 9 a 11 de concreto', ['009', '010', '011']],
    ['Les lignes 7 et 12 sont fausses', ['007', '012']],
    ['Item 03-012 exceeds its scheduled value', ['012']],
    ['Le poste 03-012 dépasse', ['012']],
    ['The concrete reinforcing is short', ['012']], // a description of several words
    ['Please break the signage line in two', ['039']], // one word, next to "line"
    ['Signage looks fine', []], // one word alone is not a reference
    ['line 1.2 mobilization', ['1.2']],
    ['line 12 at 100% is wrong, invoice 3, CO #7', ['012']],
    ['La partida 99 no existe', []],
  ])('%s', (text, want) => expect(items(text)).toEqual(want));

  it('keeps the sentence that names the line', () => {
    const [m] = findLineMentions('Gracias.\nrechazada, la partida 012 está mal medida', lines);
    expect(m).toMatchObject({ lineId: 'e', sentence: 'rechazada, la partida 012 está mal medida' });
  });
});

describe('autoReplyHeader (RFC 3834)', () => {
  it.each([
    [[{ Name: 'Auto-Submitted', Value: 'auto-replied' }], true],
    [[{ Name: 'auto-submitted', Value: 'auto-generated; owner-email="a@b"' }], true],
    [[{ Name: 'Auto-Submitted', Value: 'no' }], false],
    [[{ Name: 'Precedence', Value: 'bulk' }], true],
    [[{ Name: 'Precedence', Value: 'list' }], false],
    [[{ Name: 'X-Autoreply', Value: 'yes' }], true],
    [[{ Name: 'X-Autorespond', Value: '1' }], true],
    [[{ Name: 'Received-SPF', Value: 'Pass' }], false],
  ])('%j → %s', (headers, isAuto) => expect(autoReplyHeader(headers) !== null).toBe(isAuto));
});

describe('ownWords', () => {
  it('drops quoted history, the signature, client boilerplate and a disclaimer', () => {
    const text =
      'Approved.\n\nSent from my iPhone\n\nCONFIDENTIALITY NOTICE: if you are not the intended recipient, do not approve anything.\n\nOn Mon, Mar 31, 2025 at 4:02 PM Ana <a@b.com> wrote:\n> Rejected last time';
    expect(ownWords(text, null)).toBe('Approved.');
    expect(ownWords('Fine by me, approved.\n-- \nKaren\nnot approved by legal', null)).toBe('Fine by me, approved.');
  });

  it('reads an HTML-only body without its <blockquote>', () => {
    expect(ownWords(null, '<p>We are <b>not</b> approving this.</p><blockquote>Please approve</blockquote>')).toBe('We are not approving this.');
  });
});

describe('understandReply', () => {
  it('is an auto-reply whatever the text with Auto-Submitted: auto-replied, and names no line', () => {
    const u = understandReply({
      text: 'Approved. Line 12 certified at $412,000.',
      html: null,
      headers: [{ Name: 'Auto-Submitted', Value: 'auto-replied' }],
      isSenderAuthenticated: true,
      lines,
    });
    expect(u).toMatchObject({ kind: 'auto_reply', suggestion: null, lines: [], amount: null, matched: 'Auto-Submitted: auto-replied' });
  });

  it('suggests no status when the sender is not authenticated, but still reads the reply', () => {
    const u = understandReply({ text: 'Approved.', html: null, isSenderAuthenticated: false });
    expect(u.kind).toBe('approval');
    expect(u.suggestion).toBeNull();
  });

  it('suggests approved_as_noted for a conditional approval and revise_and_resubmit for a rejection', () => {
    expect(understandReply({ text: 'Approved as noted.', html: null, isSenderAuthenticated: true }).suggestion).toBe('approved_as_noted');
    expect(understandReply({ text: 'rechazada, la partida 012 está mal medida', html: null, isSenderAuthenticated: true, lines }).suggestion).toBe(
      'revise_and_resubmit',
    );
  });
});
