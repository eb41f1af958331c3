// The words around a waiver that are ours, not the form's: the draft mark and the signature audit
// page appended to a signed waiver's PDF (like an e-signature certificate), in en/es/fr.
import { defineLabels } from '../i18n/define-labels';

export type WaiverAction = 'created' | 'signed' | 'voided' | 'emailed' | 'received';

const en = {
  draft: 'DRAFT: not signed. Sign it in the app to issue it.',
  auditTitle: 'Signature audit trail',
  auditIntro: 'This page records how the waiver above was prepared and signed. It is not part of the waiver form.',
  waiverId: 'Waiver',
  document: 'Document',
  fingerprint: 'SHA-256 of the waiver pages as signed (rendered without this page)',
  later: 'Later events (email, void) are kept in the waiver’s audit trail in the app.',
  actions: { created: 'Created', signed: 'Signed', voided: 'Voided', emailed: 'Emailed', received: 'Received' } satisfies Record<WaiverAction, string>,
  at: 'Time (UTC)',
  by: 'User',
  typedName: 'Typed name (signature)',
  title: 'Title',
  consent: 'Consent to sign electronically',
  consentYes: 'Given: the signer ticked the consent box before signing',
  ip: 'IP address',
  userAgent: 'Browser (user agent)',
  amount: 'Amount',
  reason: 'Reason',
};

type AuditLabels = typeof en;

const es: AuditLabels = {
  draft: 'BORRADOR: sin firmar. Fírmelo en la aplicación para emitirlo.',
  auditTitle: 'Registro de auditoría de la firma',
  auditIntro: 'Esta página registra cómo se preparó y firmó la renuncia anterior. No forma parte del formulario de renuncia.',
  waiverId: 'Renuncia',
  document: 'Documento',
  fingerprint: 'SHA-256 de las páginas de la renuncia firmada (generadas sin esta página)',
  later: 'Los eventos posteriores (correo, anulación) se guardan en el registro de la renuncia en la aplicación.',
  actions: { created: 'Creada', signed: 'Firmada', voided: 'Anulada', emailed: 'Enviada por correo', received: 'Recibida' },
  at: 'Hora (UTC)',
  by: 'Usuario',
  typedName: 'Nombre escrito (firma)',
  title: 'Cargo',
  consent: 'Consentimiento para firmar electrónicamente',
  consentYes: 'Otorgado: el firmante marcó la casilla de consentimiento antes de firmar',
  ip: 'Dirección IP',
  userAgent: 'Navegador (user agent)',
  amount: 'Importe',
  reason: 'Motivo',
};

const fr: AuditLabels = {
  draft: 'BROUILLON : non signé. Signez-le dans l’application pour l’émettre.',
  auditTitle: 'Journal d’audit de la signature',
  auditIntro: 'Cette page indique comment la renonciation ci-dessus a été préparée et signée. Elle ne fait pas partie du formulaire.',
  waiverId: 'Renonciation',
  document: 'Document',
  fingerprint: 'SHA-256 des pages de la renonciation signée (rendues sans cette page)',
  later: 'Les événements ultérieurs (courriel, annulation) sont conservés dans le journal de la renonciation dans l’application.',
  actions: { created: 'Créée', signed: 'Signée', voided: 'Annulée', emailed: 'Envoyée par courriel', received: 'Reçue' },
  at: 'Heure (UTC)',
  by: 'Utilisateur',
  typedName: 'Nom saisi (signature)',
  title: 'Fonction',
  consent: 'Consentement à la signature électronique',
  consentYes: 'Donné : le signataire a coché la case de consentement avant de signer',
  ip: 'Adresse IP',
  userAgent: 'Navigateur (user agent)',
  amount: 'Montant',
  reason: 'Motif',
};

export const waiverAuditLabels = defineLabels<AuditLabels>({ en, es, fr });
