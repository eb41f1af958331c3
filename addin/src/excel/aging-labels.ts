// The words of the "Aging" sheet (excel/aging-sheet.ts), in the pane's language. Bucket names
// follow shared/payments/clock.ts (days past the due date); the same terms as the pane's Aging tab.
import { defineLabels } from '@shared/i18n/define-labels';
import type { AgingBucket } from '@shared/payments/clock';

type Kind = 'prime' | 'commitment';

const en = {
  /** A1 of the sheet; also how a rewrite recognises the sheet as the add-in's own (aging-sheet.ts) */
  title: {
    prime: 'AGING OF OPEN BALANCES: PRIME CONTRACTS (OWED BY OWNERS)',
    commitment: 'AGING OF OPEN BALANCES: COMMITMENTS (OWED TO SUBCONTRACTORS)',
  } satisfies Record<Kind, string>,
  project: (name: string) => `Project: ${name}`,
  asOf: 'As of',
  explain: "Days past due count from each invoice's due date (submitted on + the contract's payment terms). Retainage held is not in the buckets.",
  contract: 'Contract',
  contractNo: (n: number, title: string) => `#${n} ${title}`,
  counterparty: { prime: 'Owner', commitment: 'Subcontractor' } satisfies Record<Kind, string>,
  bucket: { current: 'Current', d1_30: '1–30 days', d31_60: '31–60 days', d61_90: '61–90 days', d90_plus: 'Over 90 days' } satisfies Record<
    AgingBucket,
    string
  >,
  totalOpen: 'Total open',
  retainageHeld: 'Retainage held (not in the buckets)',
  total: 'Total',
  none: 'No open balances.',
  invoicesTitle: 'Open invoices',
  invoice: 'Invoice',
  invoiceNo: (n: number) => `#${n}`,
  dueOn: 'Due on',
  daysPastDue: 'Days past due',
  bucketColumn: 'Bucket',
  openBalance: 'Open balance',
};

export const agingSheetLabels = defineLabels<typeof en>({
  en,
  es: {
    title: {
      prime: 'ANTIGÜEDAD DE SALDOS PENDIENTES: CONTRATOS PRINCIPALES (ADEUDADO POR LOS PROPIETARIOS)',
      commitment: 'ANTIGÜEDAD DE SALDOS PENDIENTES: SUBCONTRATOS (ADEUDADO A LOS SUBCONTRATISTAS)',
    },
    project: (name) => `Proyecto: ${name}`,
    asOf: 'Al',
    explain:
      'Los días de atraso se cuentan desde el vencimiento de cada factura (fecha de presentación + plazo de pago del contrato). La retención no está en los tramos.',
    contract: 'Contrato',
    contractNo: (n, title) => `n.º ${n} ${title}`,
    counterparty: { prime: 'Propietario', commitment: 'Subcontratista' },
    bucket: { current: 'Al corriente', d1_30: '1–30 días', d31_60: '31–60 días', d61_90: '61–90 días', d90_plus: 'Más de 90 días' },
    totalOpen: 'Total pendiente',
    retainageHeld: 'Retención retenida (fuera de los tramos)',
    total: 'Total',
    none: 'No hay saldos pendientes.',
    invoicesTitle: 'Facturas pendientes',
    invoice: 'Factura',
    invoiceNo: (n) => `n.º ${n}`,
    dueOn: 'Vence el',
    daysPastDue: 'Días de atraso',
    bucketColumn: 'Tramo',
    openBalance: 'Saldo pendiente',
  },
  fr: {
    title: {
      prime: 'BALANCE ÂGÉE DES SOLDES OUVERTS : CONTRATS PRINCIPAUX (DUS PAR LES MAÎTRES D’OUVRAGE)',
      commitment: 'BALANCE ÂGÉE DES SOLDES OUVERTS : SOUS-TRAITANCES (DUS AUX SOUS-TRAITANTS)',
    },
    project: (name) => `Projet : ${name}`,
    asOf: 'Au',
    explain:
      'Les jours de retard courent depuis l’échéance de chaque facture (date de dépôt + délai de paiement du contrat). La retenue n’est pas dans les tranches.',
    contract: 'Contrat',
    contractNo: (n, title) => `n° ${n} ${title}`,
    counterparty: { prime: 'Maître d’ouvrage', commitment: 'Sous-traitant' },
    bucket: { current: 'Non échu', d1_30: '1 à 30 jours', d31_60: '31 à 60 jours', d61_90: '61 à 90 jours', d90_plus: 'Plus de 90 jours' },
    totalOpen: 'Total ouvert',
    retainageHeld: 'Retenue détenue (hors tranches)',
    total: 'Total',
    none: 'Aucun solde ouvert.',
    invoicesTitle: 'Factures ouvertes',
    invoice: 'Facture',
    invoiceNo: (n) => `n° ${n}`,
    dueOn: 'Échéance',
    daysPastDue: 'Jours de retard',
    bucketColumn: 'Tranche',
    openBalance: 'Solde ouvert',
  },
});
