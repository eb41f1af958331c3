// The invoice's general information (the G702 header) in the product's languages: the names of the
// fields as the G702 sheet, the task pane's form and the invoice email show them. One file so that
// the three say the same thing (field names follow the AIA G702 form and its Spanish/French usage).
import { defineLabels } from './define-labels';

export const generalInfoFields = ['applicationDate', 'toName', 'architect', 'contractDate', 'projectNumber', 'contractFor'] as const;
export type GeneralInfoField = (typeof generalInfoFields)[number];

const en = {
  applicationDate: 'Application date',
  toName: 'To owner/client',
  project: 'Project',
  applicationNo: 'Application no.',
  period: 'Period',
  projectNumber: 'Project no.',
  fromName: 'From contractor',
  architect: 'Via architect/engineer',
  contractDate: 'Contract date',
  contractFor: 'Contract for',
  /** G702 sheet: the header of the 5a/5b rate column */
  rateHeader: 'Retainage %',
  /** G702 lines 5a/5b with the rate (shared/engine/g702-rates.ts, "10.00"); null = nothing billed yet */
  workRate: (rate: string | null) => `${rate ?? '__'}% of completed work`,
  storedRate: (rate: string | null) => `${rate ?? '__'}% of stored material`,
};

type GeneralInfoLabels = typeof en;

/** "10.00" → "10,00" (Spanish and French write a decimal comma); null → the form's blank "__". */
const decimalComma = (rate: string | null) => (rate === null ? '__' : String(rate).replace('.', ','));

const es: GeneralInfoLabels = {
  applicationDate: 'Fecha de solicitud',
  toName: 'Al propietario/cliente',
  project: 'Proyecto',
  applicationNo: 'N.º de solicitud',
  period: 'Periodo',
  projectNumber: 'N.º de proyecto',
  fromName: 'Del contratista',
  architect: 'A través del arquitecto/ingeniero',
  contractDate: 'Fecha de contrato',
  contractFor: 'Contrato de',
  rateHeader: '% de retención',
  workRate: (rate) => `${decimalComma(rate)} % del trabajo completado`,
  storedRate: (rate) => `${decimalComma(rate)} % de los materiales almacenados`,
};

const fr: GeneralInfoLabels = {
  applicationDate: 'Date de la demande',
  toName: 'Au maître d’ouvrage/client',
  project: 'Projet',
  applicationNo: 'Demande n°',
  period: 'Période',
  projectNumber: 'N° de projet',
  fromName: 'De l’entrepreneur',
  architect: 'Par l’architecte/ingénieur',
  contractDate: 'Date du contrat',
  contractFor: 'Contrat pour',
  rateHeader: '% de retenue',
  workRate: (rate) => `${decimalComma(rate)} % des travaux exécutés`,
  storedRate: (rate) => `${decimalComma(rate)} % des matériaux stockés`,
};

export const generalInfoLabels = defineLabels<GeneralInfoLabels>({ en, es, fr });
