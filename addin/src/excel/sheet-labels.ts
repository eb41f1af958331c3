// The words the add-in writes into the workbook (G703 header block and column headers, G702
// labels, the provisional notice), in the sheets' language. A sheet keeps the language it was
// first written in (InvoiceBinding.locale, binding.ts), so co-authors whose Excel shows other
// languages see one language on the shared sheet; columns are still found by the header text of
// any language (locate.ts headerKeys). Terms follow the invoice PDF's (shared/i18n/pdf-labels-*.ts).
// The G702 general-information field names are shared/i18n/general-info-labels.ts.
import { defineLabels, plural } from '@shared/i18n/define-labels';
import type { G702LineLabels } from '@shared/i18n/email-labels';
import type { Locale } from '@shared/i18n/locales';
import type { ColumnKey } from './columns';

type SheetLabels = {
  g703: {
    title: string;
    project: (name: string) => string;
    contract: (contract: string) => string;
    applicationNo: (n: number) => string;
    period: (start: string, end: string) => string;
    /** "Status: Draft (editable)" */
    status: (status: string, lock: string) => string;
    editable: string;
    readOnly: string;
    columns: Record<ColumnKey, string>;
    subtotal: (group: string) => string;
    /** the name of the lines outside any custom group, and of a group without a name */
    ungrouped: string;
    group: string;
  };
  /** the note on a cell whose unsaved edit lost to a co-author's change (sync/session-parts.ts) */
  conflictNote: (theirs: string, mine: string) => string;
  g702: G702LineLabels & {
    title: string;
    applicationTitle: string;
    amount: string;
    coTitle: string;
    additions: string;
    deductions: string;
    coPrevious: string;
    coThisMonth: string;
    coTotals: string;
    coNet: string;
    /** excel/notice.ts: while cells are refused or unsaved; `due` is line 8 as the server has it */
    provisional: (a: { refused: number; unsaved: number; due: string }) => string;
  };
};

const cells = (locale: Locale, n: number, one: string, other: string) => plural(locale, n, { one: (k) => `${k} ${one}`, other: (k) => `${k} ${other}` });

const en: SheetLabels = {
  g703: {
    title: 'CONTINUATION SHEET (AIA G703)',
    project: (name) => `Project: ${name}`,
    contract: (contract) => `Contract: ${contract}`,
    applicationNo: (n) => `Application No.: ${n}`,
    period: (start, end) => `Period: ${start} – ${end}`,
    status: (status, lock) => `Status: ${status} (${lock})`,
    editable: 'editable',
    readOnly: 'read-only',
    columns: {
      itemNo: 'A · Item No.',
      description: 'B · Description of Work',
      unit: 'Unit',
      scheduledQty: 'Scheduled Qty',
      unitPrice: 'Unit Price',
      scheduled: 'C · Scheduled Value',
      qtyPrevious: 'Qty Previous',
      qtyThisPeriod: 'Qty This Period',
      qtyToDate: 'Qty to Date',
      storedQty: 'Stored Qty',
      previous: 'D · From Previous Application (D+E)',
      thisPeriod: 'E · Work Completed This Period',
      stored: 'F · Materials Presently Stored (not in D or E)',
      total: 'G · Total Completed and Stored to Date (D+E+F)',
      percent: '% (G ÷ C)',
      balance: 'H · Balance to Finish (C − G)',
      retainage: 'I · Retainage',
      releaseThisPeriod: 'Retainage Released This Period',
      workRetainage: 'Retainage on Work (gross)',
      storedRetainage: 'Retainage on Stored Material (gross)',
      releasedPrevious: 'Retainage Released Previously',
      workRetainageNet: 'Retainage on Work (net, G702 5a)',
      storedRetainageNet: 'Retainage on Stored (net, G702 5b)',
      group: 'Group',
      kind: 'Row',
      lineId: 'Line ID',
    },
    subtotal: (group) => `Subtotal: ${group}`,
    ungrouped: 'Ungrouped',
    group: 'Group',
  },
  conflictNote: (theirs, mine) => `Changed by someone else to ${theirs} while your edit (${mine}) was not yet saved. Re-enter yours if it should win.`,
  g702: {
    title: 'APPLICATION AND CERTIFICATE FOR PAYMENT (AIA G702)',
    applicationTitle: "CONTRACTOR'S APPLICATION FOR PAYMENT",
    amount: 'Amount',
    line1: '1. Original contract sum',
    line2: '2. Net change by change orders',
    line3: '3. Contract sum to date (line 1 ± 2)',
    line4: '4. Total completed & stored to date (column G on G703)',
    line5a: '5a. Retainage on completed work (columns D + E on G703)',
    line5b: '5b. Retainage on stored material (column F on G703)',
    line5: '5. Total retainage (lines 5a + 5b, column I on G703)',
    line6: '6. Total earned less retainage (line 4 − line 5)',
    line7: '7. Less previous certificates for payment (line 6 from prior certificate)',
    line8: '8. Current payment due',
    line9: '9. Balance to finish, including retainage (line 3 − line 6)',
    coTitle: 'CHANGE ORDER SUMMARY',
    additions: 'Additions',
    deductions: 'Deductions',
    coPrevious: 'Total changes approved in previous months',
    coThisMonth: 'Total approved this month',
    coTotals: 'Totals',
    coNet: 'Net changes by change order',
    provisional: ({ refused, unsaved, due }) => {
      const parts = [refused ? cells('en', refused, 'refused', 'refused') : '', unsaved ? cells('en', unsaved, 'not yet saved', 'not yet saved') : ''];
      const noun = plural('en', refused + unsaved, { one: () => 'cell', other: () => 'cells' });
      return `PROVISIONAL: ${parts.filter(Boolean).join(', ')} ${noun} on the G703 sheet; the figures below use the values as typed. The server's current payment due (line 8) stands at ${due}.`;
    },
  },
};

const es: SheetLabels = {
  g703: {
    title: 'HOJA DE CONTINUACIÓN (AIA G703)',
    project: (name) => `Proyecto: ${name}`,
    contract: (contract) => `Contrato: ${contract}`,
    applicationNo: (n) => `Solicitud n.º: ${n}`,
    period: (start, end) => `Período: ${start} – ${end}`,
    status: (status, lock) => `Estado: ${status} (${lock})`,
    editable: 'editable',
    readOnly: 'solo lectura',
    columns: {
      itemNo: 'A · N.º de partida',
      description: 'B · Descripción de la obra',
      unit: 'Unidad',
      scheduledQty: 'Cant. programada',
      unitPrice: 'Precio unitario',
      scheduled: 'C · Valor programado',
      qtyPrevious: 'Cant. anterior',
      qtyThisPeriod: 'Cant. este período',
      qtyToDate: 'Cant. a la fecha',
      storedQty: 'Cant. almacenada',
      previous: 'D · De la solicitud anterior (D+E)',
      thisPeriod: 'E · Obra ejecutada este período',
      stored: 'F · Materiales almacenados (no en D ni E)',
      total: 'G · Total ejecutado y almacenado a la fecha (D+E+F)',
      percent: '% (G ÷ C)',
      balance: 'H · Saldo por ejecutar (C − G)',
      retainage: 'I · Retención',
      releaseThisPeriod: 'Retención liberada este período',
      workRetainage: 'Retención sobre obra (bruta)',
      storedRetainage: 'Retención sobre material almacenado (bruta)',
      releasedPrevious: 'Retención liberada anteriormente',
      workRetainageNet: 'Retención sobre obra (neta, G702 5a)',
      storedRetainageNet: 'Retención sobre almacenado (neta, G702 5b)',
      group: 'Grupo',
      kind: 'Fila',
      lineId: 'ID de línea',
    },
    subtotal: (group) => `Subtotal: ${group}`,
    ungrouped: 'Sin grupo',
    group: 'Grupo',
  },
  conflictNote: (theirs, mine) =>
    `Otra persona lo cambió a ${theirs} mientras su cambio (${mine}) aún no se había guardado. Vuelva a escribir el suyo si debe prevalecer.`,
  g702: {
    title: 'SOLICITUD Y CERTIFICADO DE PAGO (AIA G702)',
    applicationTitle: 'SOLICITUD DE PAGO DEL CONTRATISTA',
    amount: 'Importe',
    line1: '1. Importe original del contrato',
    line2: '2. Cambio neto por órdenes de cambio',
    line3: '3. Importe del contrato a la fecha (línea 1 ± 2)',
    line4: '4. Total ejecutado y almacenado a la fecha (columna G de la G703)',
    line5a: '5a. Retención sobre obra ejecutada (columnas D + E de la G703)',
    line5b: '5b. Retención sobre material almacenado (columna F de la G703)',
    line5: '5. Retención total (líneas 5a + 5b, columna I de la G703)',
    line6: '6. Total devengado menos retención (línea 4 − línea 5)',
    line7: '7. Menos certificados de pago anteriores (línea 6 del certificado anterior)',
    line8: '8. Pago actual adeudado',
    line9: '9. Saldo por ejecutar, incluida la retención (línea 3 − línea 6)',
    coTitle: 'RESUMEN DE ÓRDENES DE CAMBIO',
    additions: 'Adiciones',
    deductions: 'Deducciones',
    coPrevious: 'Cambios aprobados en meses anteriores',
    coThisMonth: 'Aprobados este mes',
    coTotals: 'Totales',
    coNet: 'Cambios netos por orden de cambio',
    provisional: ({ refused, unsaved, due }) => {
      const parts = [refused ? cells('es', refused, 'rechazada', 'rechazadas') : '', unsaved ? cells('es', unsaved, 'sin guardar', 'sin guardar') : ''];
      return `PROVISIONAL: celdas de la hoja G703 (${parts.filter(Boolean).join(', ')}); las cifras de abajo usan los valores tal como se escribieron. El pago actual adeudado según el servidor (línea 8) es ${due}.`;
    },
  },
};

const fr: SheetLabels = {
  g703: {
    title: 'FEUILLE DE CONTINUATION (AIA G703)',
    project: (name) => `Projet : ${name}`,
    contract: (contract) => `Contrat : ${contract}`,
    applicationNo: (n) => `Demande n° : ${n}`,
    period: (start, end) => `Période : ${start} – ${end}`,
    status: (status, lock) => `Statut : ${status} (${lock})`,
    editable: 'modifiable',
    readOnly: 'lecture seule',
    columns: {
      itemNo: 'A · N° de poste',
      description: 'B · Description des travaux',
      unit: 'Unité',
      scheduledQty: 'Qté prévue',
      unitPrice: 'Prix unitaire',
      scheduled: 'C · Valeur prévue',
      qtyPrevious: 'Qté précédente',
      qtyThisPeriod: 'Qté cette période',
      qtyToDate: 'Qté à ce jour',
      storedQty: 'Qté stockée',
      previous: 'D · De la demande précédente (D+E)',
      thisPeriod: 'E · Travaux exécutés cette période',
      stored: 'F · Matériaux actuellement stockés (hors D et E)',
      total: 'G · Total exécuté et stocké à ce jour (D+E+F)',
      percent: '% (G ÷ C)',
      balance: 'H · Solde à exécuter (C − G)',
      retainage: 'I · Retenue',
      releaseThisPeriod: 'Retenue libérée cette période',
      workRetainage: 'Retenue sur travaux (brute)',
      storedRetainage: 'Retenue sur matériaux stockés (brute)',
      releasedPrevious: 'Retenue libérée précédemment',
      workRetainageNet: 'Retenue sur travaux (nette, G702 5a)',
      storedRetainageNet: 'Retenue sur stocké (nette, G702 5b)',
      group: 'Groupe',
      kind: 'Type de ligne',
      lineId: 'ID de ligne',
    },
    subtotal: (group) => `Sous-total : ${group}`,
    ungrouped: 'Sans groupe',
    group: 'Groupe',
  },
  conflictNote: (theirs, mine) =>
    `Modifié par une autre personne en ${theirs} alors que votre saisie (${mine}) n’était pas encore enregistrée. Saisissez-la de nouveau si elle doit prévaloir.`,
  g702: {
    title: 'DEMANDE ET CERTIFICAT DE PAIEMENT (AIA G702)',
    applicationTitle: "DEMANDE DE PAIEMENT DE L'ENTREPRENEUR",
    amount: 'Montant',
    line1: '1. Montant initial du contrat',
    line2: '2. Variation nette par ordres de changement',
    line3: '3. Montant du contrat à ce jour (ligne 1 ± 2)',
    line4: '4. Total exécuté et stocké à ce jour (colonne G de la G703)',
    line5a: '5a. Retenue sur travaux exécutés (colonnes D + E de la G703)',
    line5b: '5b. Retenue sur matériaux stockés (colonne F de la G703)',
    line5: '5. Retenue totale (lignes 5a + 5b, colonne I de la G703)',
    line6: '6. Total acquis moins la retenue (ligne 4 − ligne 5)',
    line7: '7. Moins certificats de paiement antérieurs (ligne 6 du certificat précédent)',
    line8: '8. Paiement courant dû',
    line9: '9. Solde à exécuter, retenue incluse (ligne 3 − ligne 6)',
    coTitle: 'RÉCAPITULATIF DES ORDRES DE CHANGEMENT',
    additions: 'Ajouts',
    deductions: 'Déductions',
    coPrevious: 'Changements approuvés les mois précédents',
    coThisMonth: 'Approuvés ce mois-ci',
    coTotals: 'Totaux',
    coNet: 'Variation nette par ordre de changement',
    provisional: ({ refused, unsaved, due }) => {
      const parts = [refused ? cells('fr', refused, 'refusée', 'refusées') : '', unsaved ? cells('fr', unsaved, 'non enregistrée', 'non enregistrées') : ''];
      return `PROVISOIRE : cellules de la feuille G703 (${parts.filter(Boolean).join(', ')}) ; les montants ci-dessous utilisent les valeurs saisies. Le paiement courant dû selon le serveur (ligne 8) est de ${due}.`;
    },
  },
};

export const sheetLabels = defineLabels<SheetLabels>({ en, es, fr });
