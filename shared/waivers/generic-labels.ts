// Our own plain-language lien waiver (not a statute's text), in the product's three languages. For
// states that prescribe a form (California, Texas, …) the statutory form is used instead.
import { defineLabels } from '../i18n/define-labels';
import type { WaiverType } from './types';

type Values = {
  claimant: string;
  customer: string;
  owner: string;
  job: string;
  location: string;
  amount: string;
  through: string;
  maker: string;
  payee: string;
};

const en = {
  titles: {
    conditional_progress: 'Conditional Lien Waiver and Release on Progress Payment',
    unconditional_progress: 'Unconditional Lien Waiver and Release on Progress Payment',
    conditional_final: 'Conditional Lien Waiver and Release on Final Payment',
    unconditional_final: 'Unconditional Lien Waiver and Release on Final Payment',
  } satisfies Record<WaiverType, string>,
  conditionalNotice: 'NOTICE: THIS WAIVER TAKES EFFECT ONLY WHEN THE CLAIMANT HAS ACTUALLY RECEIVED THE PAYMENT DESCRIBED BELOW.',
  unconditionalNotice: 'NOTICE: THIS WAIVER IS UNCONDITIONAL. SIGN IT ONLY AFTER THE PAYMENT DESCRIBED BELOW HAS BEEN RECEIVED IN GOOD FUNDS.',
  parties: 'Parties and job',
  claimant: 'Claimant (who waives):',
  customer: 'Customer (who pays the claimant):',
  owner: 'Owner:',
  job: 'Job:',
  location: 'Job location:',
  through: 'Work through:',
  payment: 'Payment',
  maker: 'Paid by:',
  amount: 'Amount:',
  payee: 'Payable to:',
  waiver: 'Waiver and release',
  body: {
    conditional_progress: (v: Values) =>
      `Once ${v.claimant} has received ${v.amount} from ${v.maker}, and not before, ${v.claimant} waives and releases every lien, stop notice and payment bond right it has against the job at ${v.location} for the labor, services, equipment and materials it furnished to ${v.customer} through ${v.through}.`,
    unconditional_progress: (v: Values) =>
      `${v.claimant} has received ${v.amount} and waives and releases every lien, stop notice and payment bond right it has against the job at ${v.location} for the labor, services, equipment and materials it furnished to ${v.customer} through ${v.through}.`,
    conditional_final: (v: Values) =>
      `Once ${v.claimant} has received the final payment of ${v.amount} from ${v.maker}, and not before, ${v.claimant} waives and releases every lien, stop notice and payment bond right it has against the job at ${v.location} for all labor, services, equipment and materials it furnished to ${v.customer}.`,
    unconditional_final: (v: Values) =>
      `${v.claimant} has been paid in full, the final payment being ${v.amount}, and waives and releases every lien, stop notice and payment bond right it has against the job at ${v.location} for all labor, services, equipment and materials it furnished to ${v.customer}.`,
  } satisfies Record<WaiverType, (v: Values) => string>,
  progressKeeps: 'This waiver does not cover retainage still held, extras not yet paid, or work after the date above.',
  finalKeeps: 'This waiver does not cover disputed claims listed below.',
  exceptions: 'Exceptions:',
  none: 'None',
  disputed: 'Disputed claims:',
  signature: 'Signature',
  signedBy: 'Signed by (typed name):',
  title: 'Title:',
  date: 'Date:',
  citation: 'Generic lien waiver (not a statutory form)',
};

type GenericLabels = typeof en;

const es: GenericLabels = {
  titles: {
    conditional_progress: 'Renuncia y liberación condicional de gravamen por pago parcial',
    unconditional_progress: 'Renuncia y liberación incondicional de gravamen por pago parcial',
    conditional_final: 'Renuncia y liberación condicional de gravamen por pago final',
    unconditional_final: 'Renuncia y liberación incondicional de gravamen por pago final',
  },
  conditionalNotice: 'AVISO: ESTA RENUNCIA SOLO SURTE EFECTO CUANDO EL RECLAMANTE HAYA RECIBIDO REALMENTE EL PAGO QUE SE DESCRIBE ABAJO.',
  unconditionalNotice: 'AVISO: ESTA RENUNCIA ES INCONDICIONAL. FÍRMELA SOLO DESPUÉS DE HABER RECIBIDO EN FONDOS DISPONIBLES EL PAGO QUE SE DESCRIBE ABAJO.',
  parties: 'Partes y obra',
  claimant: 'Reclamante (quien renuncia):',
  customer: 'Cliente (quien paga al reclamante):',
  owner: 'Propietario:',
  job: 'Obra:',
  location: 'Ubicación de la obra:',
  through: 'Trabajos hasta el:',
  payment: 'Pago',
  maker: 'Pagado por:',
  amount: 'Importe:',
  payee: 'A favor de:',
  waiver: 'Renuncia y liberación',
  body: {
    conditional_progress: (v) =>
      `Cuando ${v.claimant} haya recibido ${v.amount} de ${v.maker}, y no antes, ${v.claimant} renuncia y libera todo derecho de gravamen, de aviso de retención de pago y de fianza de pago que tenga sobre la obra en ${v.location} por la mano de obra, servicios, equipos y materiales suministrados a ${v.customer} hasta el ${v.through}.`,
    unconditional_progress: (v) =>
      `${v.claimant} ha recibido ${v.amount} y renuncia y libera todo derecho de gravamen, de aviso de retención de pago y de fianza de pago que tenga sobre la obra en ${v.location} por la mano de obra, servicios, equipos y materiales suministrados a ${v.customer} hasta el ${v.through}.`,
    conditional_final: (v) =>
      `Cuando ${v.claimant} haya recibido el pago final de ${v.amount} de ${v.maker}, y no antes, ${v.claimant} renuncia y libera todo derecho de gravamen, de aviso de retención de pago y de fianza de pago que tenga sobre la obra en ${v.location} por toda la mano de obra, servicios, equipos y materiales suministrados a ${v.customer}.`,
    unconditional_final: (v) =>
      `${v.claimant} ha recibido el pago total, siendo el pago final de ${v.amount}, y renuncia y libera todo derecho de gravamen, de aviso de retención de pago y de fianza de pago que tenga sobre la obra en ${v.location} por toda la mano de obra, servicios, equipos y materiales suministrados a ${v.customer}.`,
  },
  progressKeeps: 'Esta renuncia no cubre la retención aún no pagada, los trabajos adicionales no pagados ni los trabajos posteriores a la fecha indicada.',
  finalKeeps: 'Esta renuncia no cubre las reclamaciones en disputa indicadas abajo.',
  exceptions: 'Excepciones:',
  none: 'Ninguna',
  disputed: 'Reclamaciones en disputa:',
  signature: 'Firma',
  signedBy: 'Firmado por (nombre escrito):',
  title: 'Cargo:',
  date: 'Fecha:',
  citation: 'Renuncia de gravamen genérica (no es un formulario legal obligatorio)',
};

const fr: GenericLabels = {
  titles: {
    conditional_progress: 'Renonciation conditionnelle au privilège sur paiement partiel',
    unconditional_progress: 'Renonciation inconditionnelle au privilège sur paiement partiel',
    conditional_final: 'Renonciation conditionnelle au privilège sur paiement final',
    unconditional_final: 'Renonciation inconditionnelle au privilège sur paiement final',
  },
  conditionalNotice: 'AVIS : CETTE RENONCIATION NE PREND EFFET QUE LORSQUE LE CRÉANCIER A EFFECTIVEMENT REÇU LE PAIEMENT DÉCRIT CI-DESSOUS.',
  unconditionalNotice: 'AVIS : CETTE RENONCIATION EST INCONDITIONNELLE. NE LA SIGNEZ QU’APRÈS AVOIR REÇU EN FONDS DISPONIBLES LE PAIEMENT DÉCRIT CI-DESSOUS.',
  parties: 'Parties et chantier',
  claimant: 'Créancier (qui renonce) :',
  customer: 'Client (qui paie le créancier) :',
  owner: 'Propriétaire :',
  job: 'Chantier :',
  location: 'Adresse du chantier :',
  through: 'Travaux jusqu’au :',
  payment: 'Paiement',
  maker: 'Payé par :',
  amount: 'Montant :',
  payee: 'À l’ordre de :',
  waiver: 'Renonciation et mainlevée',
  body: {
    conditional_progress: (v) =>
      `Dès que ${v.claimant} aura reçu ${v.amount} de ${v.maker}, et pas avant, ${v.claimant} renonce à tout privilège, avis d’opposition au paiement et recours sur cautionnement de paiement qu’il détient sur le chantier situé au ${v.location} pour la main-d’œuvre, les services, l’équipement et les matériaux fournis à ${v.customer} jusqu’au ${v.through}.`,
    unconditional_progress: (v) =>
      `${v.claimant} a reçu ${v.amount} et renonce à tout privilège, avis d’opposition au paiement et recours sur cautionnement de paiement qu’il détient sur le chantier situé au ${v.location} pour la main-d’œuvre, les services, l’équipement et les matériaux fournis à ${v.customer} jusqu’au ${v.through}.`,
    conditional_final: (v) =>
      `Dès que ${v.claimant} aura reçu le paiement final de ${v.amount} de ${v.maker}, et pas avant, ${v.claimant} renonce à tout privilège, avis d’opposition au paiement et recours sur cautionnement de paiement qu’il détient sur le chantier situé au ${v.location} pour l’ensemble de la main-d’œuvre, des services, de l’équipement et des matériaux fournis à ${v.customer}.`,
    unconditional_final: (v) =>
      `${v.claimant} a été payé intégralement, le paiement final étant de ${v.amount}, et renonce à tout privilège, avis d’opposition au paiement et recours sur cautionnement de paiement qu’il détient sur le chantier situé au ${v.location} pour l’ensemble de la main-d’œuvre, des services, de l’équipement et des matériaux fournis à ${v.customer}.`,
  },
  progressKeeps:
    'Cette renonciation ne couvre pas la retenue de garantie encore détenue, les travaux supplémentaires non payés ni les travaux postérieurs à la date ci-dessus.',
  finalKeeps: 'Cette renonciation ne couvre pas les réclamations contestées indiquées ci-dessous.',
  exceptions: 'Exceptions :',
  none: 'Aucune',
  disputed: 'Réclamations contestées :',
  signature: 'Signature',
  signedBy: 'Signé par (nom saisi) :',
  title: 'Fonction :',
  date: 'Date :',
  citation: 'Renonciation générique (pas un formulaire légal)',
};

export const genericWaiverLabels = defineLabels<GenericLabels>({ en, es, fr });
