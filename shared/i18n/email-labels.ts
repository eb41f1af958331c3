// Labels of outgoing email (invoice emails, sign-in links, "backup ready") in en/es/fr: a
// defineLabels catalogue. The worker's renderers pick one set by the request's `locale` (the
// pane's language), the user's profile language only when the request names none.

import { defineLabels, plural } from './define-labels';
import { invoiceStatusLabels } from './invoice-statuses';
import type { Locale } from './locales';

export type InvoiceKind = 'prime' | 'commitment';

/** The names of G702 lines 1–9 (with 5a/5b), as the invoice email and the workbook's G702 sheet list them. */
export type G702LineLabels = Record<'line1' | 'line2' | 'line3' | 'line4' | 'line5a' | 'line5b' | 'line5' | 'line6' | 'line7' | 'line8' | 'line9', string>;

export type EmailLabels = {
  locale: Locale;
  /** "Invoice #3 for Prime Contract #1 – 2025-03-01 – 2025-03-31" */
  subject: (a: { kind: InvoiceKind; invoiceNumber: number; contractNumber: number; start: string; end: string }) => string;
  intro: (a: { senderName: string; projectName: string }) => string;
  messageFrom: (senderName: string) => string;
  period: string;
  dueDate: string;
  status: string;
  contract: string;
  statuses: Record<string, string>;
  g702Title: string;
  g702: G702LineLabels;
  g703Title: string;
  g703: { a: string; b: string; c: string; d: string; e: string; f: string; g: string; pct: string; h: string; i: string };
  total: string;
  pdfLink: string;
  replyHint: string;
  attachments: string;
  signIn: { subject: (appName: string) => string; body: (a: { appName: string; minutes: number }) => string; button: string; ignore: string };
  /** the app's notice to whoever asked for an invoice backup (worker/src/email/render-backup-ready.ts) */
  backupReady: { subject: (file: string) => string; body: (file: string, parts: number) => string; kept: (date: string) => string };
};

const en: EmailLabels = {
  locale: 'en',
  subject: ({ kind, invoiceNumber, contractNumber, start, end }) =>
    `Invoice #${invoiceNumber} for ${kind === 'prime' ? 'Prime Contract' : 'Commitment'} #${contractNumber} – ${start} – ${end}`,
  intro: ({ senderName, projectName }) => `${senderName} sent you an invoice for ${projectName}.`,
  messageFrom: (name) => `Message from ${name}`,
  period: 'Billing period',
  dueDate: 'Due date',
  status: 'Status',
  contract: 'Contract',
  statuses: invoiceStatusLabels.byLocale.en,
  g702Title: 'Application for payment (G702 summary)',
  g702: {
    line1: '1. Original contract sum',
    line2: '2. Net change by change orders',
    line3: '3. Contract sum to date',
    line4: '4. Total completed and stored to date',
    line5a: '5a. Retainage on completed work',
    line5b: '5b. Retainage on stored material',
    line5: '5. Total retainage',
    line6: '6. Total earned less retainage',
    line7: '7. Less previous certificates for payment',
    line8: '8. Current payment due',
    line9: '9. Balance to finish, including retainage',
  },
  g703Title: 'Schedule of values (G703)',
  g703: {
    a: 'Item',
    b: 'Description of work',
    c: 'Scheduled value',
    d: 'From previous application',
    e: 'This period',
    f: 'Materials presently stored',
    g: 'Total completed and stored to date',
    pct: '%',
    h: 'Balance to finish',
    i: 'Retainage',
  },
  total: 'Total',
  pdfLink: 'Download the invoice PDF',
  // worded so that a reply quoting it unstripped is not read as an approval (no "approve")
  replyHint: 'Reply to this email with your approval or the changes you need: your answer is recorded on the invoice.',
  attachments: 'Attachments',
  signIn: {
    subject: (app) => `Your sign-in link for ${app}`,
    body: ({ appName, minutes }) => `Use this link to sign in to ${appName}. It works once and expires in ${minutes} minutes.`,
    button: 'Sign in',
    ignore: 'If you did not ask to sign in, ignore this email.',
  },
  backupReady: {
    subject: (file) => `Your invoice backup is ready: ${file}`,
    body: (file, parts) =>
      `The invoice backup "${file}" (${plural('en', parts, { one: (n) => `${n} part`, other: (n) => `${n} parts` })}) is compiled. Download it from Invoice backups in the add-in.`,
    kept: (date) => `It is kept until ${date}; after that, compile it again.`,
  },
};

const es: EmailLabels = {
  locale: 'es',
  subject: ({ kind, invoiceNumber, contractNumber, start, end }) =>
    `Factura n.º ${invoiceNumber} del ${kind === 'prime' ? 'contrato principal' : 'subcontrato'} n.º ${contractNumber} – ${start} – ${end}`,
  intro: ({ senderName, projectName }) => `${senderName} le envió una factura de ${projectName}.`,
  messageFrom: (name) => `Mensaje de ${name}`,
  period: 'Período de facturación',
  dueDate: 'Fecha de vencimiento',
  status: 'Estado',
  contract: 'Contrato',
  statuses: invoiceStatusLabels.byLocale.es,
  g702Title: 'Solicitud de pago (resumen G702)',
  g702: {
    line1: '1. Importe original del contrato',
    line2: '2. Cambio neto por órdenes de cambio',
    line3: '3. Importe del contrato a la fecha',
    line4: '4. Total ejecutado y almacenado a la fecha',
    line5a: '5a. Retención sobre obra ejecutada',
    line5b: '5b. Retención sobre materiales almacenados',
    line5: '5. Retención total',
    line6: '6. Total devengado menos retención',
    line7: '7. Menos certificados de pago anteriores',
    line8: '8. Pago actual adeudado',
    line9: '9. Saldo por ejecutar, incluida la retención',
  },
  g703Title: 'Calendario de valores (G703)',
  g703: {
    a: 'Partida',
    b: 'Descripción del trabajo',
    c: 'Valor programado',
    d: 'De la solicitud anterior',
    e: 'Este período',
    f: 'Materiales almacenados',
    g: 'Total ejecutado y almacenado a la fecha',
    pct: '%',
    h: 'Saldo por ejecutar',
    i: 'Retención',
  },
  total: 'Total',
  pdfLink: 'Descargar el PDF de la factura',
  replyHint: 'Responda a este correo para aprobar la factura o pedir cambios: su respuesta queda registrada en la factura.',
  attachments: 'Adjuntos',
  signIn: {
    subject: (app) => `Su enlace de acceso a ${app}`,
    body: ({ appName, minutes }) => `Use este enlace para acceder a ${appName}. Funciona una sola vez y caduca en ${minutes} minutos.`,
    button: 'Acceder',
    ignore: 'Si usted no pidió acceder, ignore este correo.',
  },
  backupReady: {
    subject: (file) => `Su copia de respaldo de facturas está lista: ${file}`,
    body: (file, parts) =>
      `La copia de respaldo "${file}" (${plural('es', parts, { one: (n) => `${n} parte`, other: (n) => `${n} partes` })}) está compilada. Descárguela desde Copias de respaldo en el complemento.`,
    kept: (date) => `Se conserva hasta el ${date}; después, vuelva a compilarla.`,
  },
};

const fr: EmailLabels = {
  locale: 'fr',
  subject: ({ kind, invoiceNumber, contractNumber, start, end }) =>
    `Facture n° ${invoiceNumber} pour le ${kind === 'prime' ? 'contrat principal' : 'contrat de sous-traitance'} n° ${contractNumber} – ${start} – ${end}`,
  intro: ({ senderName, projectName }) => `${senderName} vous a envoyé une facture pour ${projectName}.`,
  messageFrom: (name) => `Message de ${name}`,
  period: 'Période de facturation',
  dueDate: "Date d'échéance",
  status: 'Statut',
  contract: 'Contrat',
  statuses: invoiceStatusLabels.byLocale.fr,
  g702Title: 'Demande de paiement (résumé G702)',
  g702: {
    line1: '1. Montant initial du contrat',
    line2: '2. Variation nette par avenants',
    line3: '3. Montant du contrat à ce jour',
    line4: '4. Total réalisé et stocké à ce jour',
    line5a: '5a. Retenue sur travaux réalisés',
    line5b: '5b. Retenue sur matériaux stockés',
    line5: '5. Retenue totale',
    line6: '6. Total acquis moins la retenue',
    line7: '7. Moins les certificats de paiement précédents',
    line8: '8. Paiement actuellement dû',
    line9: '9. Solde à réaliser, retenue comprise',
  },
  g703Title: 'Bordereau des valeurs (G703)',
  g703: {
    a: 'Poste',
    b: 'Description des travaux',
    c: 'Valeur prévue',
    d: 'Demande précédente',
    e: 'Cette période',
    f: 'Matériaux stockés',
    g: 'Total réalisé et stocké à ce jour',
    pct: '%',
    h: 'Solde à réaliser',
    i: 'Retenue',
  },
  total: 'Total',
  pdfLink: 'Télécharger la facture en PDF',
  replyHint: 'Répondez à ce courriel pour approuver la facture ou demander des modifications : votre réponse est enregistrée sur la facture.',
  attachments: 'Pièces jointes',
  signIn: {
    subject: (app) => `Votre lien de connexion à ${app}`,
    body: ({ appName, minutes }) => `Utilisez ce lien pour vous connecter à ${appName}. Il ne fonctionne qu'une fois et expire dans ${minutes} minutes.`,
    button: 'Se connecter',
    ignore: "Si vous n'avez pas demandé à vous connecter, ignorez ce courriel.",
  },
  backupReady: {
    subject: (file) => `Votre sauvegarde de factures est prête : ${file}`,
    body: (file, parts) =>
      `La sauvegarde « ${file} » (${plural('fr', parts, { one: (n) => `${n} partie`, other: (n) => `${n} parties` })}) est compilée. Téléchargez-la depuis Sauvegardes de factures dans le complément.`,
    kept: (date) => `Elle est conservée jusqu'au ${date} ; ensuite, compilez-la à nouveau.`,
  },
};

/** The labels for a locale tag ("es-MX" → es); anything else is English. */
export const emailLabels = defineLabels<EmailLabels>({ en, es, fr });
