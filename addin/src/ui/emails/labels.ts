// Texts of the Emails tab and the Email invoice form, in the pane's languages (one feature's words).
import type { emailStatuses } from '@shared/api/emails';
import { defineLabels } from '@shared/i18n/define-labels';

type EmailStatus = (typeof emailStatuses)[number];

type Labels = {
  threads: string;
  none: string;
  loadFailed: (message: string) => string;
  compose: string;
  closeCompose: string;
  to: string;
  toHint: string;
  addRecipient: string;
  suggestions: string;
  invoiceContacts: (n: number) => string;
  invoiceContact: string;
  cc: string;
  ccHint: string;
  isPrivate: string;
  privateHint: string;
  language: string;
  subject: string;
  subjectDefault: string;
  attachments: string;
  attach: string;
  uploading: string;
  remove: string;
  message: string;
  send: string;
  sending: string;
  sent: string;
  sendFailed: (message: string) => string;
  invalidAddress: (text: string) => string;
  needRecipient: string;
  from: string;
  toList: string;
  ccList: string;
  privateThread: string;
  replyAddress: string;
  status: Record<EmailStatus, string>;
  showFull: string;
  hideFull: string;
  truncated: string;
  approval: string;
  rejection: string;
  rejectionReason: (reason: string) => string;
  other: string;
  /** the other kinds of reply (shared/email/reply-kinds.ts) */
  conditional: string;
  revise: string;
  reviseReason: (reason: string) => string;
  question: string;
  payment: string;
  autoReply: string;
  /** lines named in the reply, and the amount it certifies */
  linesNamed: string;
  /** the note on a G703 row a reply names */
  replyNote: (from: string, sentence: string) => string;
  lineLinkTitle: (sentence: string) => string;
  amountCertified: (amount: string) => string;
  amountDifference: (difference: string, due: string) => string;
  amountMatches: (due: string) => string;
  recordCertificate: string;
  certificateRecorded: (amount: string) => string;
  outsider: string;
  unverifiedSender: string;
  suggestion: string;
  actionsUnavailable: (status: string) => string;
  needsAdmin: string;
  markApproved: string;
  download: string;
  downloadFailed: (message: string) => string;
  delivery: Record<'delivered' | 'bounced' | 'spam_complaint', string>;
};

const en: Labels = {
  threads: 'Email threads',
  none: 'This invoice has not been emailed yet.',
  loadFailed: (m) => `Could not load the emails: ${m}`,
  compose: 'Email invoice',
  closeCompose: 'Close',
  to: 'To',
  toHint: 'Pick a suggestion or type addresses (separated by commas or spaces)',
  addRecipient: 'Add',
  suggestions: 'Suggestions',
  invoiceContacts: (n) => `The contract's invoice contacts (${n})`,
  invoiceContact: 'Invoice contact',
  cc: 'CC',
  ccHint: 'You by default; clear it to send without a copy',
  isPrivate: 'Private',
  privateHint: 'Only invoice admins and the people on To/CC see this thread',
  language: 'Email language',
  subject: 'Subject',
  subjectDefault: 'Leave empty for the standard subject',
  attachments: 'Attachments',
  attach: 'Attach files',
  uploading: 'Uploading…',
  remove: 'Remove',
  message: 'Message',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Communication created',
  sendFailed: (m) => `Not sent: ${m}`,
  invalidAddress: (t) => `Not an email address: ${t}`,
  needRecipient: 'Add at least one recipient',
  from: 'From',
  toList: 'To',
  ccList: 'CC',
  privateThread: 'Private',
  replyAddress: 'Replies go to',
  status: {
    queued: 'Queued',
    sending: 'Sending',
    retrying: 'Retrying',
    sent: 'Sent',
    delivered: 'Delivered',
    bounced: 'Bounced',
    failed: 'Failed',
    received: 'Received',
  },
  showFull: 'Show the full message',
  hideFull: 'Hide the full message',
  truncated: 'This message was shortened to fit.',
  approval: 'Approved',
  rejection: 'Rejected',
  rejectionReason: (r) => `Rejected – ${r}`,
  other: 'Other',
  conditional: 'Approved as noted',
  revise: 'Revise and resubmit',
  reviseReason: (r) => `Revise and resubmit – ${r}`,
  question: 'Question',
  payment: 'Payment notice',
  autoReply: 'Automatic reply',
  linesNamed: 'Lines named',
  replyNote: (from, s) => `Reply from ${from}: “${s}”`,
  lineLinkTitle: (s) => `Go to this line in the G703 sheet — “${s}”`,
  amountCertified: (a) => `Amount certified: ${a}`,
  amountDifference: (d, due) => `${d} against the current payment due (line 8, ${due})`,
  amountMatches: (due) => `equal to the current payment due (line 8, ${due})`,
  recordCertificate: 'Record as architect’s certificate',
  certificateRecorded: (a) => `Architect’s certificate recorded: ${a}`,
  outsider: 'Sender was not on this thread',
  unverifiedSender: 'Sender not authenticated by its domain (SPF/DKIM): it may be forged; no status is suggested',
  suggestion: 'Suggested from the reply text',
  actionsUnavailable: (s) => `Status actions are not available while the invoice is ${s}.`,
  needsAdmin: 'Only invoice admins can change the status.',
  markApproved: 'Mark approved',
  download: 'Download',
  downloadFailed: (m) => `Download failed: ${m}`,
  delivery: { delivered: 'delivered', bounced: 'bounced', spam_complaint: 'marked as spam' },
};

const es: Labels = {
  threads: 'Conversaciones',
  none: 'Esta factura aún no se ha enviado por correo.',
  loadFailed: (m) => `No se pudieron cargar los correos: ${m}`,
  compose: 'Enviar factura por correo',
  closeCompose: 'Cerrar',
  to: 'Para',
  toHint: 'Elija una sugerencia o escriba direcciones (separadas por comas o espacios)',
  addRecipient: 'Añadir',
  suggestions: 'Sugerencias',
  invoiceContacts: (n) => `Los contactos de facturación del contrato (${n})`,
  invoiceContact: 'Contacto de facturación',
  cc: 'CC',
  ccHint: 'Usted por defecto; vacíelo para enviar sin copia',
  isPrivate: 'Privado',
  privateHint: 'Solo los administradores de facturas y las personas en Para/CC ven esta conversación',
  language: 'Idioma del correo',
  subject: 'Asunto',
  subjectDefault: 'Déjelo vacío para el asunto estándar',
  attachments: 'Adjuntos',
  attach: 'Adjuntar archivos',
  uploading: 'Subiendo…',
  remove: 'Quitar',
  message: 'Mensaje',
  send: 'Enviar',
  sending: 'Enviando…',
  sent: 'Comunicación creada',
  sendFailed: (m) => `No enviado: ${m}`,
  invalidAddress: (t) => `No es una dirección de correo: ${t}`,
  needRecipient: 'Añada al menos un destinatario',
  from: 'De',
  toList: 'Para',
  ccList: 'CC',
  privateThread: 'Privada',
  replyAddress: 'Las respuestas van a',
  status: {
    queued: 'En cola',
    sending: 'Enviando',
    retrying: 'Reintentando',
    sent: 'Enviado',
    delivered: 'Entregado',
    bounced: 'Rebotado',
    failed: 'Fallido',
    received: 'Recibido',
  },
  showFull: 'Mostrar el mensaje completo',
  hideFull: 'Ocultar el mensaje completo',
  truncated: 'Este mensaje se acortó para almacenarlo.',
  approval: 'Aprobada',
  rejection: 'Rechazada',
  rejectionReason: (r) => `Rechazada – ${r}`,
  other: 'Otra',
  conditional: 'Aprobada con observaciones',
  revise: 'Corregir y reenviar',
  reviseReason: (r) => `Corregir y reenviar – ${r}`,
  question: 'Pregunta',
  payment: 'Aviso de pago',
  autoReply: 'Respuesta automática',
  linesNamed: 'Partidas mencionadas',
  replyNote: (from, s) => `Respuesta de ${from}: «${s}»`,
  lineLinkTitle: (s) => `Ir a esta partida en la hoja G703 — «${s}»`,
  amountCertified: (a) => `Importe certificado: ${a}`,
  amountDifference: (d, due) => `${d} respecto del pago actual (línea 8, ${due})`,
  amountMatches: (due) => `igual al pago actual (línea 8, ${due})`,
  recordCertificate: 'Registrar como certificado del arquitecto',
  certificateRecorded: (a) => `Certificado del arquitecto registrado: ${a}`,
  outsider: 'El remitente no estaba en esta conversación',
  unverifiedSender: 'Remitente no autenticado por su dominio (SPF/DKIM): puede ser falso; no se sugiere ningún estado',
  suggestion: 'Sugerido a partir del texto de la respuesta',
  actionsUnavailable: (s) => `Las acciones de estado no están disponibles mientras la factura está en ${s}.`,
  needsAdmin: 'Solo los administradores de facturas pueden cambiar el estado.',
  markApproved: 'Marcar como aprobada',
  download: 'Descargar',
  downloadFailed: (m) => `La descarga falló: ${m}`,
  delivery: { delivered: 'entregado', bounced: 'rebotado', spam_complaint: 'marcado como spam' },
};

const fr: Labels = {
  threads: 'Conversations',
  none: "Cette facture n'a pas encore été envoyée par e-mail.",
  loadFailed: (m) => `Impossible de charger les e-mails : ${m}`,
  compose: 'Envoyer la facture par e-mail',
  closeCompose: 'Fermer',
  to: 'À',
  toHint: 'Choisissez une suggestion ou saisissez des adresses (séparées par des virgules ou des espaces)',
  addRecipient: 'Ajouter',
  suggestions: 'Suggestions',
  invoiceContacts: (n) => `Les contacts de facturation du contrat (${n})`,
  invoiceContact: 'Contact de facturation',
  cc: 'Cc',
  ccHint: 'Vous par défaut ; videz-le pour envoyer sans copie',
  isPrivate: 'Privé',
  privateHint: 'Seuls les administrateurs des factures et les personnes en À/Cc voient cette conversation',
  language: "Langue de l'e-mail",
  subject: 'Objet',
  subjectDefault: "Laissez vide pour l'objet standard",
  attachments: 'Pièces jointes',
  attach: 'Joindre des fichiers',
  uploading: 'Envoi du fichier…',
  remove: 'Retirer',
  message: 'Message',
  send: 'Envoyer',
  sending: 'Envoi…',
  sent: 'Communication créée',
  sendFailed: (m) => `Non envoyé : ${m}`,
  invalidAddress: (t) => `Adresse e-mail invalide : ${t}`,
  needRecipient: 'Ajoutez au moins un destinataire',
  from: 'De',
  toList: 'À',
  ccList: 'Cc',
  privateThread: 'Privée',
  replyAddress: 'Les réponses vont à',
  status: {
    queued: 'En file',
    sending: 'Envoi',
    retrying: 'Nouvel essai',
    sent: 'Envoyé',
    delivered: 'Remis',
    bounced: 'Rejeté',
    failed: 'Échec',
    received: 'Reçu',
  },
  showFull: 'Afficher le message complet',
  hideFull: 'Masquer le message complet',
  truncated: 'Ce message a été raccourci pour être enregistré.',
  approval: 'Approuvée',
  rejection: 'Refusée',
  rejectionReason: (r) => `Refusée – ${r}`,
  other: 'Autre',
  conditional: 'Approuvée avec réserves',
  revise: 'À corriger et renvoyer',
  reviseReason: (r) => `À corriger et renvoyer – ${r}`,
  question: 'Question',
  payment: 'Avis de paiement',
  autoReply: 'Réponse automatique',
  linesNamed: 'Lignes citées',
  replyNote: (from, s) => `Réponse de ${from} : « ${s} »`,
  lineLinkTitle: (s) => `Aller à cette ligne dans la feuille G703 — « ${s} »`,
  amountCertified: (a) => `Montant certifié : ${a}`,
  amountDifference: (d, due) => `${d} par rapport au paiement dû (ligne 8, ${due})`,
  amountMatches: (due) => `égal au paiement dû (ligne 8, ${due})`,
  recordCertificate: 'Enregistrer comme certificat de l’architecte',
  certificateRecorded: (a) => `Certificat de l’architecte enregistré : ${a}`,
  outsider: "L'expéditeur ne faisait pas partie de cette conversation",
  unverifiedSender: "Expéditeur non authentifié par son domaine (SPF/DKIM) : il peut être falsifié ; aucun statut n'est suggéré",
  suggestion: 'Suggéré à partir du texte de la réponse',
  actionsUnavailable: (s) => `Les actions de statut ne sont pas disponibles tant que la facture est « ${s} ».`,
  needsAdmin: 'Seuls les administrateurs des factures peuvent changer le statut.',
  markApproved: 'Marquer approuvée',
  download: 'Télécharger',
  downloadFailed: (m) => `Échec du téléchargement : ${m}`,
  delivery: { delivered: 'remis', bounced: 'rejeté', spam_complaint: 'signalé comme spam' },
};

export type EmailLabels = Labels;

export const emailTabLabels = defineLabels<Labels>({ en, es, fr });
