import { describe, expect, it } from 'vitest';
import { replyText, stripQuotedReply } from './strip-reply';
import fixture from '../../fixtures/postmark-inbound-reply.json';

const cases: Array<[string, string, string]> = [
  ['English attribution', 'Approved.\n\nOn Mon, Mar 31, 2025 at 4:02 PM Ana <a@b.com> wrote:\n> Please find invoice #3', 'Approved.'],
  [
    'attribution wrapped over two lines',
    'Approved.\n\nOn Mon, Mar 31, 2025 at 4:02 PM Ana Ruiz via Progress Billing <reply+abc@reply.example.com>\nwrote:\n\n> old',
    'Approved.',
  ],
  ['Spanish attribution', 'Aprobado.\n\nEl lun, 31 mar 2025 a las 16:02, Ana Ruiz (<a@b.com>) escribió:\n> Adjunto la factura', 'Aprobado.'],
  ['French attribution', 'Approuvée.\n\nLe lun. 31 mars 2025 à 16:02, Ana Ruiz <a@b.com> a écrit :\n> Voici la facture', 'Approuvée.'],
  ['Outlook original message', 'Rejected – see line 12\n\n-----Original Message-----\nFrom: Ana\nSent: Monday', 'Rejected – see line 12'],
  ['Spanish original message', 'Rechazada\n-----Mensaje original-----\nDe: Ana', 'Rechazada'],
  [
    'Outlook header block after a rule',
    'Refusée, ligne 3.\n\n________________________________\nDe : Ana Ruiz <a@b.com>\nEnvoyé : lundi 31 mars 2025 16:02\nÀ : Maria',
    'Refusée, ligne 3.',
  ],
  ['inline quoted lines dropped, answers kept', '> Is line 4 right?\nYes.\n> And line 5?\nNo, see note.', 'Yes.\nNo, see note.'],
  ['nothing quoted', 'Thanks!\nMaria', 'Thanks!\nMaria'],
  ['CRLF line ends', 'Approved\r\n\r\nOn Tue, Apr 1, 2025, X wrote:\r\n> hi', 'Approved'],
  ['a line starting with "On" that is not an attribution', 'On second thought, approved.\nMaria', 'On second thought, approved.\nMaria'],
];

describe('stripQuotedReply', () => {
  for (const [name, input, expected] of cases) {
    it(name, () => expect(stripQuotedReply(input)).toBe(expected));
  }

  it('the fixture: our fallback gives the same reply as Postmark', () => {
    expect(stripQuotedReply(fixture.TextBody)).toBe(fixture.StrippedTextReply);
  });
});

describe('replyText', () => {
  it("prefers Postmark's StrippedTextReply", () => expect(replyText('  Approved  ', 'whatever')).toBe('Approved'));
  it('falls back to stripping the full text when StrippedTextReply is empty', () =>
    expect(replyText('', fixture.TextBody)).toBe('Aprobado, gracias. Procedemos con el pago esta semana.\n\nMaría'));
});
