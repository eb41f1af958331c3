// Texts of the project's Aging tab, in the pane's languages. The sheet's own words are
// addin/src/excel/aging-labels.ts (bucket names shared from there, so pane and sheet agree).
import { defineLabels, plural } from '@shared/i18n/define-labels';

type Kind = 'prime' | 'commitment';

const en = {
  tab: 'Aging',
  asOf: 'As of',
  kind: 'Contracts',
  kinds: { prime: 'Prime (owed to us)', commitment: 'Commitments (we owe)' } satisfies Record<Kind, string>,
  intro: "Open balances by days past each invoice's due date (submission + the contract's payment terms). Retainage held is shown apart, not in the buckets.",
  totalOpen: 'Total open',
  retainageHeld: 'Retainage held',
  retainageApart: (amount: string) => `Retainage held (not in the buckets): ${amount}`,
  totals: 'All contracts',
  none: 'No open balances on this date.',
  invoices: (n: number) => plural('en', n, { one: (s) => `${s} open invoice`, other: (s) => `${s} open invoices` }),
  write: 'Write aging sheet',
  writing: 'Writing…',
  written: (sheet: string, n: number) =>
    plural('en', n, { one: (s) => `Sheet “${sheet}” written: ${s} contract.`, other: (s) => `Sheet “${sheet}” written: ${s} contracts.` }),
  sheetTaken: (sheet: string) =>
    `This workbook already has a sheet named “${sheet}” that the add-in did not write. Rename it, then write the aging sheet again.`,
  writeFailed: (message: string) => `Could not write the aging sheet: ${message}`,
  loadFailed: (message: string) => `Could not load the aging: ${message}`,
};
type Labels = typeof en;

const es: Labels = {
  tab: 'Antigüedad',
  asOf: 'Al',
  kind: 'Contratos',
  kinds: { prime: 'Principales (nos deben)', commitment: 'Subcontratos (debemos)' },
  intro:
    'Saldos pendientes según los días transcurridos desde el vencimiento de cada factura (presentación + plazo de pago del contrato). La retención se muestra aparte, fuera de los tramos.',
  totalOpen: 'Total pendiente',
  retainageHeld: 'Retención',
  retainageApart: (amount) => `Retención (fuera de los tramos): ${amount}`,
  totals: 'Todos los contratos',
  none: 'No hay saldos pendientes en esta fecha.',
  invoices: (n) => plural('es', n, { one: (s) => `${s} factura pendiente`, other: (s) => `${s} facturas pendientes` }),
  write: 'Escribir hoja de antigüedad',
  writing: 'Escribiendo…',
  written: (sheet, n) => plural('es', n, { one: (s) => `Hoja «${sheet}» escrita: ${s} contrato.`, other: (s) => `Hoja «${sheet}» escrita: ${s} contratos.` }),
  sheetTaken: (sheet) =>
    `Este libro ya tiene una hoja llamada «${sheet}» que no escribió el complemento. Cámbiele el nombre y vuelva a escribir la hoja de antigüedad.`,
  writeFailed: (message) => `No se pudo escribir la hoja de antigüedad: ${message}`,
  loadFailed: (message) => `No se pudo cargar la antigüedad: ${message}`,
};

const fr: Labels = {
  tab: 'Balance âgée',
  asOf: 'Au',
  kind: 'Contrats',
  kinds: { prime: 'Principaux (dus à nous)', commitment: 'Sous-traitances (nous devons)' },
  intro:
    'Soldes ouverts selon les jours écoulés depuis l’échéance de chaque facture (dépôt + délai de paiement du contrat). La retenue est affichée à part, hors tranches.',
  totalOpen: 'Total ouvert',
  retainageHeld: 'Retenue détenue',
  retainageApart: (amount) => `Retenue détenue (hors tranches) : ${amount}`,
  totals: 'Tous les contrats',
  none: 'Aucun solde ouvert à cette date.',
  invoices: (n) => plural('fr', n, { one: (s) => `${s} facture ouverte`, other: (s) => `${s} factures ouvertes` }),
  write: 'Écrire la feuille de balance âgée',
  writing: 'Écriture…',
  written: (sheet, n) =>
    plural('fr', n, { one: (s) => `Feuille « ${sheet} » écrite : ${s} contrat.`, other: (s) => `Feuille « ${sheet} » écrite : ${s} contrats.` }),
  sheetTaken: (sheet) =>
    `Ce classeur a déjà une feuille nommée « ${sheet} » que le complément n’a pas écrite. Renommez-la, puis écrivez de nouveau la feuille de balance âgée.`,
  writeFailed: (message) => `Impossible d’écrire la feuille de balance âgée : ${message}`,
  loadFailed: (message) => `Impossible de charger la balance âgée : ${message}`,
};

export const agingLabels = defineLabels<Labels>({ en, es, fr });
