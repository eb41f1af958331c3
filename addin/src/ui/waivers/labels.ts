// Texts of the open invoice's Waivers tab, in the pane's languages. The names of the statutory
// forms are translated here; the statutory wording printed on the PDF stays in English, as the
// statutes (California Civil Code §§ 8132–8138, Texas Property Code § 53.284) set it.
import { defineLabels, plural } from '@shared/i18n/define-labels';
import type { WaiverForm, WaiverType } from '@shared/waivers/types';
import type { AvailableWaiver, ReceivedProblem, SignProblem } from './waiver-choices';

/** why the server says a waiver cannot be generated now (shared/waivers/availability.ts `Unavailable`) */
type Why = NonNullable<AvailableWaiver['why']>;
/** the code's values the sentence needs, already formatted by the caller (money, jurisdiction name) */
type WhyShown = { line8: string; place: string };

type Status = 'draft' | 'signed' | 'void';
type EventAction = 'created' | 'signed' | 'voided' | 'emailed' | 'received';
/** the audit details the pane names (worker/src/services/lien-waivers/ writes them); ids are not shown */
export type DetailKey =
  | 'type'
  | 'form'
  | 'amountCents'
  | 'throughDate'
  | 'signerName'
  | 'signerTitle'
  | 'consent'
  | 'ip'
  | 'userAgent'
  | 'formSha256'
  | 'pdfSha256'
  | 'reason'
  | 'was'
  | 'to';

const en = {
  intro: 'Lien waivers for this invoice: generated from its figures, signed with a typed name, attached to the invoice and its email.',
  loadFailed: (m: string) => `Could not load the waivers: ${m}`,
  none: 'No waivers for this invoice yet.',
  count: (n: number) => plural('en', n, { one: (s) => `${s} waiver`, other: (s) => `${s} waivers` }),
  type: {
    conditional_progress: 'Conditional waiver on progress payment',
    unconditional_progress: 'Unconditional waiver on progress payment',
    conditional_final: 'Conditional waiver on final payment',
    unconditional_final: 'Unconditional waiver on final payment',
  } satisfies Record<WaiverType, string>,
  form: {
    generic: 'Generic form',
    'us-ca': 'California statutory form (Civil Code §§\u00a08132–8138)',
    'us-tx': 'Texas statutory form (Property Code §\u00a053.284)',
  } satisfies Record<WaiverForm, string>,
  statutoryEnglish: 'The statutory wording is printed in English, word for word as the statute sets it.',
  status: { draft: 'Draft', signed: 'Signed', void: 'Void' } satisfies Record<Status, string>,
  received: 'Received',
  amount: 'Amount',
  throughDate: 'Work through',
  signer: 'Signed by',
  signedAt: 'Signed at',
  signerLine: (name: string, title: string) => (title ? `${name}, ${title}` : name),
  // generate
  generateTitle: 'New waiver',
  available: 'What can be generated now',
  nothingAvailable: 'No waiver can be generated for this invoice now.',
  notNow: (reason: string | null) => (reason ? `Not now: ${reason}` : 'Not now'),
  why: (why: Why, shown: WhyShown): string => {
    switch (why.code) {
      case 'FORM_NOT_CARRIED':
        return `${shown.place} prescribes its own waiver forms, which are not available here yet`;
      case 'SUBCONTRACTOR_WAIVERS':
        return 'a subcontractor invoice’s waivers come from the subcontractor: record the one received';
      case 'RELEASE_IS_FINAL':
        return 'a retainage release invoice is the final payment: use the final waivers';
      case 'NOT_FINAL':
        return `invoice #${why.invoiceNumber} does not bill the contract to 100% and is not a retainage release`;
      case 'NOTHING_DUE':
        return `line 8 (current payment due) is ${shown.line8}: there is no payment to waive`;
      case 'NO_PAYMENT':
        return 'no payment is recorded on this invoice yet';
      case 'TAKEN':
        return `one already exists (${why.status === 'draft' ? 'draft' : 'signed'}) for this ${why.per}: void it to generate another`;
    }
  },
  typeLabel: 'Type',
  formLabel: 'Form',
  formFromJurisdiction: (place: string) => `Chosen from the project’s jurisdiction (${place}).`,
  paymentLabel: 'Payment it acknowledges',
  choosePayment: 'Choose the payment',
  paymentOption: (amount: string, paymentDate: string | null) => (paymentDate ? `${amount} received ${paymentDate}` : amount),
  throughLabel: 'Work through (optional)',
  throughHint: 'Left empty: the end of the invoice’s billing period.',
  exceptionsLabel: 'Exceptions (optional)',
  willWaive: (amount: string) => `This waiver will be for ${amount}.`,
  create: 'Create draft',
  creating: 'Creating…',
  generateProblem: {
    choose_type: 'Choose a type of waiver.',
    not_available: 'This waiver cannot be generated now.',
    choose_payment: 'Choose the payment it acknowledges.',
  },
  // sign
  signTitle: 'Sign this waiver',
  waiving: (amount: string, through: string) => `You are waiving lien rights for ${amount}, for work through ${through}.`,
  signerName: 'Your full name',
  signerTitle: 'Your title',
  consent: 'I agree this typed name is my signature',
  sign: 'Sign',
  signing: 'Signing…',
  signProblem: {
    name_required: 'Type your full name.',
    name_one_word: 'Type your first and last name.',
    title_required: 'Type your title (for example Project Manager).',
    consent_required: 'Tick the box to agree that your typed name is your signature.',
  } satisfies Record<SignProblem, string>,
  signed: 'Signed. The PDF is attached to the invoice and goes with its email.',
  // pdf, audit, void
  downloadPdf: 'Download PDF',
  downloadFile: 'Download file',
  openPdf: 'Open',
  pdfFailed: (m: string) => `Could not get the PDF: ${m}`,
  showAudit: 'Audit trail',
  hideAudit: 'Hide audit trail',
  auditFailed: (m: string) => `Could not load the audit trail: ${m}`,
  auditEmpty: 'No events.',
  action: { created: 'Created', signed: 'Signed', voided: 'Voided', emailed: 'Emailed', received: 'Recorded as received' } satisfies Record<
    EventAction,
    string
  >,
  auditBy: (who: string) => `by ${who}`,
  detail: {
    type: 'Type',
    form: 'Form',
    amountCents: 'Amount',
    throughDate: 'Work through',
    signerName: 'Typed name',
    signerTitle: 'Title',
    consent: 'Consent to sign electronically',
    ip: 'IP address',
    userAgent: 'Browser',
    formSha256: 'SHA-256 of the waiver as signed',
    pdfSha256: 'SHA-256 of the PDF',
    reason: 'Reason',
    was: 'Status before',
    to: 'Sent to',
  } satisfies Record<DetailKey, string>,
  yes: 'Yes',
  voidButton: 'Void…',
  voidReason: 'Why is it void?',
  voidConfirm: 'Void waiver',
  voidRequired: 'Say why the waiver is void.',
  cancel: 'Cancel',
  readOnly: 'You can see this invoice’s waivers; only admins of this contract’s tool can generate, sign, void or record them.',
  // received (commitments)
  receivedTitle: 'Record a waiver received from the subcontractor',
  receivedIntro: 'Keep the subcontractor’s signed waiver with this invoice: its type, the amount it waives and the file.',
  receivedAmount: 'Amount waived',
  receivedFile: 'Signed waiver file',
  chooseFile: 'Choose file',
  noFile: 'No file chosen',
  record: 'Record waiver',
  recording: 'Recording…',
  recorded: 'Recorded. The file is attached to the invoice.',
  receivedProblem: {
    required: 'Required.',
    amount_not_number: 'Type the amount written on the waiver, for example 12,500.00.',
    amount_too_precise: 'Amounts are in cents: at most two decimals.',
    amount_too_large: 'That amount is too large.',
    amount_not_positive: 'The amount must be more than zero.',
    date_invalid: 'Not a date.',
    date_future: 'The through date cannot be after today.',
  } satisfies Record<ReceivedProblem, string>,
  shortfall: (paid: string, waived: string, missing: string) =>
    `${paid} has been paid on this invoice, but the subcontractor’s unconditional waivers received cover only ${waived}: ${missing} is not waived yet.`,
  shortfallNone: (paid: string) => `${paid} has been paid on this invoice, but no unconditional waiver from the subcontractor is recorded.`,
  shortfallInvoice: (invoiceNo: number, paid: string, waived: string, missing: string) =>
    `Invoice #${invoiceNo}: ${paid} paid, the subcontractor’s unconditional waivers cover ${waived}; ${missing} is not waived yet.`,
  openInvoice: 'Open',
};
type Labels = typeof en;

export const waiverLabels = defineLabels<Labels>({
  en,
  es: {
    intro: 'Renuncias de gravamen de esta factura: generadas con sus importes, firmadas con un nombre escrito, adjuntas a la factura y a su correo.',
    loadFailed: (m) => `No se pudieron cargar las renuncias: ${m}`,
    none: 'Esta factura aún no tiene renuncias.',
    count: (n) => plural('es', n, { one: (s) => `${s} renuncia`, other: (s) => `${s} renuncias` }),
    type: {
      conditional_progress: 'Renuncia condicional por pago parcial',
      unconditional_progress: 'Renuncia incondicional por pago parcial',
      conditional_final: 'Renuncia condicional por pago final',
      unconditional_final: 'Renuncia incondicional por pago final',
    },
    form: {
      generic: 'Formulario genérico',
      'us-ca': 'Formulario legal de California (Código Civil §§\u00a08132–8138)',
      'us-tx': 'Formulario legal de Texas (Código de la Propiedad §\u00a053.284)',
    },
    statutoryEnglish: 'El texto legal se imprime en inglés, palabra por palabra como lo fija la ley.',
    status: { draft: 'Borrador', signed: 'Firmada', void: 'Anulada' },
    received: 'Recibida',
    amount: 'Importe',
    throughDate: 'Trabajo hasta',
    signer: 'Firmada por',
    signedAt: 'Firmada el',
    signerLine: (name, title) => (title ? `${name}, ${title}` : name),
    generateTitle: 'Nueva renuncia',
    available: 'Lo que se puede generar ahora',
    nothingAvailable: 'Ahora no se puede generar ninguna renuncia para esta factura.',
    notNow: (reason) => (reason ? `Ahora no: ${reason}` : 'Ahora no'),
    why: (why, shown) => {
      switch (why.code) {
        case 'FORM_NOT_CARRIED':
          return `${shown.place} establece sus propios formularios de renuncia, que aún no están disponibles aquí`;
        case 'SUBCONTRACTOR_WAIVERS':
          return 'las renuncias de una factura de subcontratista las entrega el subcontratista: registre la recibida';
        case 'RELEASE_IS_FINAL':
          return 'una factura de liberación de retención es el pago final: use las renuncias finales';
        case 'NOT_FINAL':
          return `la factura n.º ${why.invoiceNumber} no factura el contrato al 100 % ni es una liberación de retención`;
        case 'NOTHING_DUE':
          return `la línea 8 (pago actual adeudado) es ${shown.line8}: no hay pago que renunciar`;
        case 'NO_PAYMENT':
          return 'aún no hay ningún pago registrado en esta factura';
        case 'TAKEN':
          return `ya existe una (${why.status === 'draft' ? 'borrador' : 'firmada'}) para ${why.per === 'payment' ? 'este pago' : 'esta factura'}: anúlela para generar otra`;
      }
    },
    typeLabel: 'Tipo',
    formLabel: 'Formulario',
    formFromJurisdiction: (place) => `Elegido según la jurisdicción del proyecto (${place}).`,
    paymentLabel: 'Pago que reconoce',
    choosePayment: 'Elija el pago',
    paymentOption: (amount, paymentDate) => (paymentDate ? `${amount} recibido el ${paymentDate}` : amount),
    throughLabel: 'Trabajo hasta (opcional)',
    throughHint: 'Si se deja vacío: el final del período de facturación de la factura.',
    exceptionsLabel: 'Excepciones (opcional)',
    willWaive: (amount) => `Esta renuncia será por ${amount}.`,
    create: 'Crear borrador',
    creating: 'Creando…',
    generateProblem: {
      choose_type: 'Elija un tipo de renuncia.',
      not_available: 'Esta renuncia no se puede generar ahora.',
      choose_payment: 'Elija el pago que reconoce.',
    },
    signTitle: 'Firmar esta renuncia',
    waiving: (amount, through) => `Renuncia a sus derechos de gravamen por ${amount}, por el trabajo hasta el ${through}.`,
    signerName: 'Su nombre completo',
    signerTitle: 'Su cargo',
    consent: 'Acepto que este nombre escrito es mi firma',
    sign: 'Firmar',
    signing: 'Firmando…',
    signProblem: {
      name_required: 'Escriba su nombre completo.',
      name_one_word: 'Escriba su nombre y apellido.',
      title_required: 'Escriba su cargo (por ejemplo, Jefe de proyecto).',
      consent_required: 'Marque la casilla para aceptar que su nombre escrito es su firma.',
    },
    signed: 'Firmada. El PDF está adjunto a la factura y va con su correo.',
    downloadPdf: 'Descargar PDF',
    downloadFile: 'Descargar archivo',
    openPdf: 'Abrir',
    pdfFailed: (m) => `No se pudo obtener el PDF: ${m}`,
    showAudit: 'Registro de auditoría',
    hideAudit: 'Ocultar registro de auditoría',
    auditFailed: (m) => `No se pudo cargar el registro de auditoría: ${m}`,
    auditEmpty: 'Sin eventos.',
    action: { created: 'Creada', signed: 'Firmada', voided: 'Anulada', emailed: 'Enviada por correo', received: 'Registrada como recibida' },
    auditBy: (who) => `por ${who}`,
    detail: {
      type: 'Tipo',
      form: 'Formulario',
      amountCents: 'Importe',
      throughDate: 'Trabajo hasta',
      signerName: 'Nombre escrito',
      signerTitle: 'Cargo',
      consent: 'Consentimiento para firmar electrónicamente',
      ip: 'Dirección IP',
      userAgent: 'Navegador',
      formSha256: 'SHA-256 de la renuncia firmada',
      pdfSha256: 'SHA-256 del PDF',
      reason: 'Motivo',
      was: 'Estado anterior',
      to: 'Enviada a',
    },
    yes: 'Sí',
    voidButton: 'Anular…',
    voidReason: '¿Por qué se anula?',
    voidConfirm: 'Anular renuncia',
    voidRequired: 'Indique por qué se anula la renuncia.',
    cancel: 'Cancelar',
    readOnly:
      'Puede ver las renuncias de esta factura; solo los administradores de la herramienta de este contrato pueden generarlas, firmarlas, anularlas o registrarlas.',
    receivedTitle: 'Registrar una renuncia recibida del subcontratista',
    receivedIntro: 'Guarde la renuncia firmada del subcontratista con esta factura: su tipo, el importe al que renuncia y el archivo.',
    receivedAmount: 'Importe renunciado',
    receivedFile: 'Archivo de la renuncia firmada',
    chooseFile: 'Elegir archivo',
    noFile: 'Ningún archivo elegido',
    record: 'Registrar renuncia',
    recording: 'Registrando…',
    recorded: 'Registrada. El archivo está adjunto a la factura.',
    receivedProblem: {
      required: 'Obligatorio.',
      amount_not_number: 'Escriba el importe que figura en la renuncia, por ejemplo 12.500,00.',
      amount_too_precise: 'Los importes van en céntimos: dos decimales como máximo.',
      amount_too_large: 'Ese importe es demasiado grande.',
      amount_not_positive: 'El importe debe ser mayor que cero.',
      date_invalid: 'No es una fecha.',
      date_future: 'La fecha no puede ser posterior a hoy.',
    },
    shortfall: (paid, waived, missing) =>
      `Se han pagado ${paid} de esta factura, pero las renuncias incondicionales recibidas del subcontratista solo cubren ${waived}: faltan ${missing} por renunciar.`,
    shortfallNone: (paid) => `Se han pagado ${paid} de esta factura, pero no hay registrada ninguna renuncia incondicional del subcontratista.`,
    shortfallInvoice: (invoiceNo, paid, waived, missing) =>
      `Factura n.º ${invoiceNo}: pagados ${paid}, las renuncias incondicionales del subcontratista cubren ${waived}; faltan ${missing} por renunciar.`,
    openInvoice: 'Abrir',
  },
  fr: {
    intro: 'Renonciations au privilège de cette facture : générées à partir de ses montants, signées d’un nom saisi, jointes à la facture et à son courriel.',
    loadFailed: (m) => `Impossible de charger les renonciations : ${m}`,
    none: 'Aucune renonciation pour cette facture.',
    count: (n) => plural('fr', n, { one: (s) => `${s} renonciation`, other: (s) => `${s} renonciations` }),
    type: {
      conditional_progress: 'Renonciation conditionnelle sur paiement partiel',
      unconditional_progress: 'Renonciation inconditionnelle sur paiement partiel',
      conditional_final: 'Renonciation conditionnelle sur paiement final',
      unconditional_final: 'Renonciation inconditionnelle sur paiement final',
    },
    form: {
      generic: 'Formulaire générique',
      'us-ca': 'Formulaire légal de Californie (Civil Code §§\u00a08132–8138)',
      'us-tx': 'Formulaire légal du Texas (Property Code §\u00a053.284)',
    },
    statutoryEnglish: 'Le texte légal est imprimé en anglais, mot pour mot tel que la loi le fixe.',
    status: { draft: 'Brouillon', signed: 'Signée', void: 'Annulée' },
    received: 'Reçue',
    amount: 'Montant',
    throughDate: 'Travaux jusqu’au',
    signer: 'Signée par',
    signedAt: 'Signée le',
    signerLine: (name, title) => (title ? `${name}, ${title}` : name),
    generateTitle: 'Nouvelle renonciation',
    available: 'Ce qui peut être généré maintenant',
    nothingAvailable: 'Aucune renonciation ne peut être générée pour cette facture maintenant.',
    notNow: (reason) => (reason ? `Pas maintenant : ${reason}` : 'Pas maintenant'),
    why: (why, shown) => {
      switch (why.code) {
        case 'FORM_NOT_CARRIED':
          return `${shown.place} impose ses propres formulaires de renonciation, pas encore disponibles ici`;
        case 'SUBCONTRACTOR_WAIVERS':
          return 'les renonciations d’une facture de sous-traitant viennent du sous-traitant : enregistrez celle reçue';
        case 'RELEASE_IS_FINAL':
          return 'une facture de libération de retenue est le paiement final : utilisez les renonciations finales';
        case 'NOT_FINAL':
          return `la facture nº ${why.invoiceNumber} ne facture pas le contrat à 100 % et n’est pas une libération de retenue`;
        case 'NOTHING_DUE':
          return `la ligne 8 (paiement actuellement dû) est de ${shown.line8} : aucun paiement à couvrir`;
        case 'NO_PAYMENT':
          return 'aucun paiement n’est encore enregistré sur cette facture';
        case 'TAKEN':
          return `il en existe déjà une (${why.status === 'draft' ? 'brouillon' : 'signée'}) pour ${why.per === 'payment' ? 'ce paiement' : 'cette facture'} : annulez-la pour en générer une autre`;
      }
    },
    typeLabel: 'Type',
    formLabel: 'Formulaire',
    formFromJurisdiction: (place) => `Choisi d’après la juridiction du projet (${place}).`,
    paymentLabel: 'Paiement qu’elle reconnaît',
    choosePayment: 'Choisissez le paiement',
    paymentOption: (amount, paymentDate) => (paymentDate ? `${amount} reçu le ${paymentDate}` : amount),
    throughLabel: 'Travaux jusqu’au (facultatif)',
    throughHint: 'Vide : la fin de la période de facturation de la facture.',
    exceptionsLabel: 'Exceptions (facultatif)',
    willWaive: (amount) => `Cette renonciation portera sur ${amount}.`,
    create: 'Créer le brouillon',
    creating: 'Création…',
    generateProblem: {
      choose_type: 'Choisissez un type de renonciation.',
      not_available: 'Cette renonciation ne peut pas être générée maintenant.',
      choose_payment: 'Choisissez le paiement qu’elle reconnaît.',
    },
    signTitle: 'Signer cette renonciation',
    waiving: (amount, through) => `Vous renoncez à votre privilège pour ${amount}, pour les travaux jusqu’au ${through}.`,
    signerName: 'Votre nom complet',
    signerTitle: 'Votre fonction',
    consent: 'J’accepte que ce nom saisi soit ma signature',
    sign: 'Signer',
    signing: 'Signature…',
    signProblem: {
      name_required: 'Saisissez votre nom complet.',
      name_one_word: 'Saisissez votre prénom et votre nom.',
      title_required: 'Saisissez votre fonction (par exemple Chef de projet).',
      consent_required: 'Cochez la case pour accepter que votre nom saisi soit votre signature.',
    },
    signed: 'Signée. Le PDF est joint à la facture et part avec son courriel.',
    downloadPdf: 'Télécharger le PDF',
    downloadFile: 'Télécharger le fichier',
    openPdf: 'Ouvrir',
    pdfFailed: (m) => `Impossible d’obtenir le PDF : ${m}`,
    showAudit: 'Journal d’audit',
    hideAudit: 'Masquer le journal d’audit',
    auditFailed: (m) => `Impossible de charger le journal d’audit : ${m}`,
    auditEmpty: 'Aucun événement.',
    action: { created: 'Créée', signed: 'Signée', voided: 'Annulée', emailed: 'Envoyée par courriel', received: 'Enregistrée comme reçue' },
    auditBy: (who) => `par ${who}`,
    detail: {
      type: 'Type',
      form: 'Formulaire',
      amountCents: 'Montant',
      throughDate: 'Travaux jusqu’au',
      signerName: 'Nom saisi',
      signerTitle: 'Fonction',
      consent: 'Consentement à signer électroniquement',
      ip: 'Adresse IP',
      userAgent: 'Navigateur',
      formSha256: 'SHA-256 de la renonciation signée',
      pdfSha256: 'SHA-256 du PDF',
      reason: 'Motif',
      was: 'Statut précédent',
      to: 'Envoyée à',
    },
    yes: 'Oui',
    voidButton: 'Annuler la renonciation…',
    voidReason: 'Pourquoi est-elle annulée ?',
    voidConfirm: 'Annuler la renonciation',
    voidRequired: 'Indiquez pourquoi la renonciation est annulée.',
    cancel: 'Fermer',
    readOnly:
      'Vous voyez les renonciations de cette facture ; seuls les administrateurs de l’outil de ce contrat peuvent les générer, signer, annuler ou enregistrer.',
    receivedTitle: 'Enregistrer une renonciation reçue du sous-traitant',
    receivedIntro: 'Conservez la renonciation signée du sous-traitant avec cette facture : son type, le montant auquel elle renonce et le fichier.',
    receivedAmount: 'Montant de la renonciation',
    receivedFile: 'Fichier de la renonciation signée',
    chooseFile: 'Choisir un fichier',
    noFile: 'Aucun fichier choisi',
    record: 'Enregistrer la renonciation',
    recording: 'Enregistrement…',
    recorded: 'Enregistrée. Le fichier est joint à la facture.',
    receivedProblem: {
      required: 'Obligatoire.',
      amount_not_number: 'Saisissez le montant inscrit sur la renonciation, par exemple 12 500,00.',
      amount_too_precise: 'Les montants sont en centimes : deux décimales au plus.',
      amount_too_large: 'Ce montant est trop élevé.',
      amount_not_positive: 'Le montant doit être supérieur à zéro.',
      date_invalid: 'Ce n’est pas une date.',
      date_future: 'La date ne peut pas être postérieure à aujourd’hui.',
    },
    shortfall: (paid, waived, missing) =>
      `${paid} ont été payés sur cette facture, mais les renonciations inconditionnelles reçues du sous-traitant ne couvrent que ${waived} : ${missing} restent sans renonciation.`,
    shortfallNone: (paid) => `${paid} ont été payés sur cette facture, mais aucune renonciation inconditionnelle du sous-traitant n’est enregistrée.`,
    shortfallInvoice: (invoiceNo, paid, waived, missing) =>
      `Facture n° ${invoiceNo} : ${paid} payés, les renonciations inconditionnelles du sous-traitant couvrent ${waived} ; ${missing} restent sans renonciation.`,
    openInvoice: 'Ouvrir',
  },
});
