import { describe, expect, it } from 'vitest';
import { classifyReply, type ReplyKind } from './classify-reply';

// Each row pins one behaviour the corpus (fixtures/replies) relies on; the corpus scores the whole.
// [reply text, expected kind, conditional?]
const cases: Array<[string, ReplyKind, boolean?]> = [
  // conjugation and clitics
  ['Podemos aprobarla.', 'approval'],
  ['La aprobamos.', 'approval'],
  ['Se aprueba.', 'approval'],
  ['Nous l’approuvons.', 'approval'],
  ['Approuvée, merci', 'approval'],
  ['Approving it now.', 'approval'],
  ['aproved, sorry for the delay', 'approval'], // one typo
  ['Rechácenla.', 'rejection'],
  ['Je la refuse.', 'rejection'],
  // negation and its scope
  ['Not approved', 'rejection'],
  ['No podemos aprobarla tal como viene.', 'rejection'],
  ['Nous ne pouvons pas approuver cette situation.', 'rejection'],
  ["Je ne l'approuve pas.", 'rejection'],
  ["Impossible de l'approuver : la retenue est fausse.", 'rejection'],
  ['No issues found - approved.', 'approval'], // "no" ends at the dash
  ['Sin comentarios, aprobado.', 'approval'],
  ['Aucune remarque de notre part, la situation est approuvée.', 'approval'],
  ["We're not rejecting it, but please update line 5 and resubmit.", 'revise'],
  // pending, hypothetical, in a question: no decision
  ['Not yet approved, the architect still has to look at it.', 'other'],
  ['Todavía no está aprobada.', 'other'],
  ['Pas encore approuvée.', 'other'],
  ['Before I approve - why did the retainage go down?', 'question'],
  ['Does this include the change order we approved last week?', 'question'],
  ['Sent it to the lender for their approval.', 'other'],
  // conditional approval
  ['Approved as noted.', 'approval', true],
  ['Approved subject to receipt of the lien waiver.', 'approval', true],
  ['Aprobada con observaciones.', 'approval', true],
  ['Approuvée sous réserve de la réception du PV.', 'approval', true],
  ["Nous l'approuvons sans réserve.", 'approval', false],
  ['Approved, subject to the drawings being resubmitted before next month.', 'approval', true],
  // revise-and-resubmit
  ['Please revise line 12 and resubmit.', 'revise'],
  ['Favor de corregir la partida 30 y reenviarla.', 'revise'],
  ['Merci de rectifier la ligne 30 puis de nous la renvoyer.', 'revise'],
  ['Is this the final version or should I wait for the revised one?', 'question'],
  // payment made, not promised
  ['Wire sent today.', 'payment'],
  ['Cheque mailed to your office.', 'payment'],
  ['Transferencia realizada.', 'payment'],
  ['Virement effectué.', 'payment'],
  ['Payment of $88,250.00 was sent via wire this morning.', 'payment'],
  ['This invoice was paid on 4/18. Please update your records.', 'payment'],
  ['We will pay $250k this cycle, the invoice is approved.', 'approval'],
  ['Nous réglerons 250 000 € ce mois-ci, la situation est approuvée.', 'approval'],
  // auto-replies by text
  ['Automatic reply: I am out of the office until Monday.', 'auto_reply'],
  ['Respuesta automática: estoy de vacaciones.', 'auto_reply'],
  // other
  ['Thanks, received.', 'other'],
  ['', 'other'],
];

describe('classifyReply', () => {
  for (const [text, kind, isConditional] of cases) {
    it(`${JSON.stringify(text)} → ${kind}${isConditional ? ' (conditional)' : ''}`, () => {
      const got = classifyReply(text);
      expect(got.kind).toBe(kind);
      if (isConditional !== undefined) expect(got.isConditional).toBe(isConditional);
      if (kind === 'rejection' || kind === 'revise') expect(got.reason).not.toBeNull();
      else expect(got.reason).toBeNull();
      if (kind === 'other') expect(got.matched).toBeNull();
    });
  }

  it('is an auto-reply whatever the text when the headers said so', () => {
    expect(classifyReply('Approved.', { isAutoReplyByHeaders: true }).kind).toBe('auto_reply');
  });

  it('reads an out-of-office subject', () => {
    expect(classifyReply('Back on the 14th.', { subject: 'Réponse automatique : Facture 3' }).kind).toBe('auto_reply');
  });

  it('reports the matched words as written, accents included, and the reason with its cause', () => {
    expect(classifyReply('Facture approuvée, merci.').matched).toBe('approuvée');
    const r = classifyReply('The period dates are wrong (should end March 31). Kindly update and resend the invoice.');
    expect(r.kind).toBe('revise');
    expect(r.reason).toContain('period dates are wrong');
  });

  it('takes the reason on the next sentence when the decision is a single word', () => {
    const r = classifyReply('Rechazada.\nLa partida 2 viene al 80% y vamos a la mitad del programa.');
    expect(r.reason).toBe('Rechazada. La partida 2 viene al 80% y vamos a la mitad del programa.');
  });
});
