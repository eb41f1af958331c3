// Texts of the Send in bulk view, in the pane's languages (kept beside the view: one feature's words).
import { defineLabels } from '@shared/i18n/define-labels';
import type { SendBatchStatus } from '@shared/api/send-batches';

type Labels = {
  batches: string;
  none: string;
  newBatch: string;
  back: string;
  name: string;
  contract: string;
  allContracts: string;
  fromNumber: string;
  toNumber: string;
  period: string;
  anyPeriod: string;
  recipients: string;
  invoiceContacts: string;
  chosen: string;
  addressesHint: string;
  subject: string;
  subjectHint: string;
  message: string;
  attachPdf: string;
  register: string;
  status: Record<SendBatchStatus, string>;
  progress: (p: { sent: number; failed: number; pending: number; total: number }) => string;
  invoices: string;
  invoiceLine: (p: { number: number; contract: number; count: number }) => string;
  openPdf: string;
  showRecipients: string;
  hideRecipients: string;
  periods: string;
  testTo: string;
  sendTest: string;
  testSent: (to: string) => string;
  start: string;
  resume: string;
  confirmStart: (n: number) => string;
  confirm: string;
  cancel: string;
  stop: string;
  results: string;
  items: (n: number) => string;
};

const en: Labels = {
  batches: 'Send batches',
  none: 'No send batch yet.',
  newBatch: 'New batch',
  back: 'All batches',
  name: 'Name',
  contract: 'Prime contract',
  allContracts: 'All prime contracts',
  fromNumber: 'From invoice #',
  toNumber: 'To invoice #',
  period: 'Billing period',
  anyPeriod: 'Any period',
  recipients: 'Recipients',
  invoiceContacts: "Each contract's invoice contacts",
  chosen: 'These addresses',
  addressesHint: 'One address per line (or separated by commas)',
  subject: 'Subject',
  subjectHint:
    'Empty: the standard subject ("Invoice #N for Prime Contract #M – start – end"). Placeholders: {invoiceNumber} {contractNumber} {contractTitle} {periodStart} {periodEnd} {dueDate} {project} {projectNumber}',
  message: 'Message',
  attachPdf: 'Attach the invoice PDF',
  register: 'Register batch',
  status: { registered: 'Registered', sending: 'Sending', stopped: 'Stopped', finished: 'Finished' },
  progress: (p) => `${p.sent} sent · ${p.failed} failed · ${p.pending} pending of ${p.total}`,
  invoices: 'Invoices',
  invoiceLine: (p) => `Invoice #${p.number} · Prime Contract #${p.contract} · ${p.count} recipient(s)`,
  openPdf: 'Open PDF',
  showRecipients: 'Recipients',
  hideRecipients: 'Hide recipients',
  periods: 'Billing periods',
  testTo: 'Send a test to',
  sendTest: 'Send test email',
  testSent: (to) => `Test email sent to ${to}.`,
  start: 'Start sending',
  resume: 'Resume sending',
  confirmStart: (n) => `Send ${n} message(s) now? Recipients receive them right away.`,
  confirm: 'Send now',
  cancel: 'Cancel',
  stop: 'Stop',
  results: 'Download results (CSV)',
  items: (n) => `${n} message(s)`,
};

const es: Labels = {
  ...en,
  batches: 'Envíos masivos',
  none: 'Aún no hay envíos masivos.',
  newBatch: 'Nuevo envío',
  back: 'Todos los envíos',
  name: 'Nombre',
  contract: 'Contrato principal',
  allContracts: 'Todos los contratos principales',
  fromNumber: 'Desde la factura n.º',
  toNumber: 'Hasta la factura n.º',
  period: 'Período de facturación',
  anyPeriod: 'Cualquier período',
  recipients: 'Destinatarios',
  invoiceContacts: 'Los contactos de facturación de cada contrato',
  chosen: 'Estas direcciones',
  addressesHint: 'Una dirección por línea (o separadas por comas)',
  subject: 'Asunto',
  subjectHint:
    'Vacío: el asunto estándar ("Factura n.º N del contrato principal n.º M – inicio – fin"). Marcadores: {invoiceNumber} {contractNumber} {contractTitle} {periodStart} {periodEnd} {dueDate} {project} {projectNumber}',
  message: 'Mensaje',
  attachPdf: 'Adjuntar el PDF de la factura',
  register: 'Registrar envío',
  status: { registered: 'Registrado', sending: 'Enviando', stopped: 'Detenido', finished: 'Terminado' },
  progress: (p) => `${p.sent} enviados · ${p.failed} fallidos · ${p.pending} pendientes de ${p.total}`,
  invoices: 'Facturas',
  invoiceLine: (p) => `Factura n.º ${p.number} · Contrato principal n.º ${p.contract} · ${p.count} destinatario(s)`,
  openPdf: 'Abrir PDF',
  showRecipients: 'Destinatarios',
  hideRecipients: 'Ocultar destinatarios',
  periods: 'Períodos de facturación',
  testTo: 'Enviar una prueba a',
  sendTest: 'Enviar correo de prueba',
  testSent: (to) => `Correo de prueba enviado a ${to}.`,
  start: 'Comenzar el envío',
  resume: 'Reanudar el envío',
  confirmStart: (n) => `¿Enviar ${n} mensaje(s) ahora? Los destinatarios los reciben de inmediato.`,
  confirm: 'Enviar ahora',
  cancel: 'Cancelar',
  stop: 'Detener',
  results: 'Descargar resultados (CSV)',
  items: (n) => `${n} mensaje(s)`,
};

const fr: Labels = {
  ...en,
  batches: 'Envois groupés',
  none: "Pas encore d'envoi groupé.",
  newBatch: 'Nouvel envoi',
  back: 'Tous les envois',
  name: 'Nom',
  contract: 'Contrat principal',
  allContracts: 'Tous les contrats principaux',
  fromNumber: 'De la facture n°',
  toNumber: 'À la facture n°',
  period: 'Période de facturation',
  anyPeriod: 'Toute période',
  recipients: 'Destinataires',
  invoiceContacts: 'Les contacts de facturation de chaque contrat',
  chosen: 'Ces adresses',
  addressesHint: 'Une adresse par ligne (ou séparées par des virgules)',
  subject: 'Objet',
  subjectHint:
    "Vide : l'objet standard (« Facture n° N pour le contrat principal n° M – début – fin »). Variables : {invoiceNumber} {contractNumber} {contractTitle} {periodStart} {periodEnd} {dueDate} {project} {projectNumber}",
  message: 'Message',
  attachPdf: 'Joindre le PDF de la facture',
  register: "Enregistrer l'envoi",
  status: { registered: 'Enregistré', sending: 'En cours', stopped: 'Arrêté', finished: 'Terminé' },
  progress: (p) => `${p.sent} envoyés · ${p.failed} en échec · ${p.pending} en attente sur ${p.total}`,
  invoices: 'Factures',
  invoiceLine: (p) => `Facture n° ${p.number} · Contrat principal n° ${p.contract} · ${p.count} destinataire(s)`,
  openPdf: 'Ouvrir le PDF',
  showRecipients: 'Destinataires',
  hideRecipients: 'Masquer les destinataires',
  periods: 'Périodes de facturation',
  testTo: 'Envoyer un test à',
  sendTest: "Envoyer l'e-mail de test",
  testSent: (to) => `E-mail de test envoyé à ${to}.`,
  start: "Lancer l'envoi",
  resume: "Reprendre l'envoi",
  confirmStart: (n) => `Envoyer ${n} message(s) maintenant ? Les destinataires les reçoivent aussitôt.`,
  confirm: 'Envoyer maintenant',
  cancel: 'Annuler',
  stop: 'Arrêter',
  results: 'Télécharger les résultats (CSV)',
  items: (n) => `${n} message(s)`,
};

export type SendBatchLabels = Labels;

export const sendBatchLabels = defineLabels<Labels>({ en, es, fr });
