import { describe, expect, it } from 'vitest';
import { classifyReply, type ReplyKind } from './classify-reply';

// [reply text, expected kind, expected reason (rejections) or undefined]
const cases: Array<[string, ReplyKind, string?]> = [
  // approvals, en/es/fr
  ['Approved', 'approval'],
  ['Approved.\n\nThanks, Maria', 'approval'],
  ['Looks fine. I approve this pay app.', 'approval'],
  ['OK to pay', 'approval'],
  ['Aprobado, gracias', 'approval'],
  ['Aprobado, gracias. Procedemos con el pago esta semana.\n\nMaría', 'approval'],
  ['Factura aprobada', 'approval'],
  ['Visto bueno.', 'approval'],
  ['Approuvée', 'approval'],
  ['Facture approuvée, merci.', 'approval'],
  ["J'approuve la demande de paiement.", 'approval'],
  ['APPROUVÉ', 'approval'],
  // rejections, with the reason line
  ['Rejected – see line 12', 'rejection', 'Rejected – see line 12'],
  ['Rechazada', 'rejection', 'Rechazada'],
  ['Rechazada.\nFalta el respaldo de la línea 4.', 'rejection', 'Rechazada. Falta el respaldo de la línea 4.'],
  ['Refusée', 'rejection', 'Refusée'],
  ['Refusée : la ligne 3 dépasse le montant prévu.', 'rejection', 'Refusée : la ligne 3 dépasse le montant prévu.'],
  ['Please fix line 12, the stored materials are counted twice.', 'rejection', 'Please fix line 12, the stored materials are counted twice.'],
  ['Approved, but please fix line 12 first.', 'rejection', 'Approved, but please fix line 12 first.'],
  ['Por favor corrija la línea 7', 'rejection', 'Por favor corrija la línea 7'],
  ['Merci de corriger la ligne 2', 'rejection', 'Merci de corriger la ligne 2'],
  // negated approvals never count as approval: they are rejections
  ['Not approved', 'rejection', 'Not approved'],
  ['This is not approved – line 12 is overbilled', 'rejection', 'This is not approved – line 12 is overbilled'],
  ["We can't approve it as submitted.", 'rejection', "We can't approve it as submitted."],
  ['No aprobado', 'rejection', 'No aprobado'],
  ['La factura no está aprobada: revisar la línea 5', 'rejection', 'La factura no está aprobada: revisar la línea 5'],
  ['Pas approuvée', 'rejection', 'Pas approuvée'],
  ['Non approuvée, voir la ligne 9', 'rejection', 'Non approuvée, voir la ligne 9'],
  ["Je n'approuve pas cette facture.", 'rejection', "Je n'approuve pas cette facture."],
  // pending ("not yet") is neither
  ['Not yet approved, I will review it tomorrow.', 'other'],
  ['Todavía no aprobado, lo reviso mañana.', 'other'],
  ['Pas encore approuvée.', 'other'],
  // other
  ['Thanks, received. I will forward it to accounting.', 'other'],
  ['Sent for approval to the owner.', 'other'],
  ['Recibido, gracias.', 'other'],
  ['Bien reçu, merci.', 'other'],
  ['', 'other'],
  // quoted lines are not the reply
  ['Thanks\n> Approved', 'other'],
];

describe('classifyReply', () => {
  for (const [text, kind, reason] of cases) {
    it(`${JSON.stringify(text)} → ${kind}`, () => {
      const got = classifyReply(text);
      expect(got.kind).toBe(kind);
      if (kind === 'rejection') expect(got.reason).toBe(reason);
      else expect(got.reason).toBeNull();
      if (kind === 'other') expect(got.matched).toBeNull();
      else expect(got.matched).not.toBeNull();
    });
  }

  it('reports the matched words as written, accents included', () => {
    expect(classifyReply('Facture approuvée, merci.').matched).toBe('approuvée');
    expect(classifyReply('No aprobado').matched).toBe('aprobado');
  });
});
