// Texts of the schedule-of-values screen (import from a selected range, edit in a sheet, approve),
// in the pane's three languages. `columns` are also the headers of the sheet the pane writes, and
// sov-columns.ts knows each of them, so that sheet maps itself in any language.
import { defineLabels, plural } from '@shared/i18n/define-labels';
import type { SovField } from './sov-columns';

type Why = {
  required: string;
  tooLong: (max: number) => string;
  notNumber: (shown: string) => string;
  tooManyDecimals: (shown: string, max: number) => string;
  outOfRange: (shown: string) => string;
  negative: string;
  percentTooBig: string;
  duplicate: (itemNo: string, firstRow: number | undefined) => string;
  converted: (as: 'percentage' | 'date', text: string) => string;
  excelError: (shown: string) => string;
};

const en = {
  tab: 'Schedule of values',
  hint: 'Paste the export from your estimating or ERP system into a sheet of this workbook (Excel add-ins can only read the workbook they run in), select the block with its header row, then choose “Read selection”.',
  readSelection: 'Read selection',
  readAgain: 'Read again',
  reading: 'Reading…',
  source: (where: string, n: number) => `${where} · ${plural('en', n, { one: (c) => `${c} line`, other: (c) => `${c} lines` })}`,
  hasHeader: 'The first row read is a header',
  notation: 'Numbers written as text',
  columnsTitle: 'Columns',
  notImported: '— not imported —',
  column: (letter: string, header: string) => (header ? `${letter} · ${header}` : letter),
  fields: {
    itemNo: 'Item no.',
    costCode: 'Cost code',
    description: 'Description',
    group: 'Group',
    scheduledValueCents: 'Scheduled value',
    scheduledQty: 'Quantity',
    unitOfMeasure: 'Unit',
    unitPrice: 'Unit price',
    workRetainageBps: 'Work retainage %',
    storedRetainageBps: 'Stored retainage %',
  } satisfies Record<SovField, string>,
  requiredMark: 'required',
  missing: (names: string) => `Choose a column for: ${names}`,
  preview: 'Preview',
  problems: (n: number) =>
    plural('en', n, {
      one: (c) => `${c} problem: nothing is imported until it is fixed`,
      other: (c) => `${c} problems: nothing is imported until all are fixed`,
    }),
  fixHint: 'Correct the cells in the sheet, then choose “Read again” (the same cells are read).',
  at: (row: number | null, column: string | null, header: string | null) =>
    row === null ? 'Import' : column === null ? `Row ${row}` : `Row ${row}, column ${column}${header ? ` (${header})` : ''}`,
  /** between where and why ("Row 7, column E: …"; French puts a space before the colon) */
  colon: ': ',
  more: (n: number) => `…and ${n} more`,
  why: {
    required: 'empty; this column is required',
    tooLong: (max) => `too long (at most ${max} characters)`,
    notNumber: (shown) => `“${shown}” is not a number`,
    tooManyDecimals: (shown, max) => `${shown} has more than ${max} decimals`,
    outOfRange: (shown) => `${shown} is too large`,
    negative: 'a scheduled value cannot be negative',
    percentTooBig: 'a retainage rate is at most 100%',
    duplicate: (itemNo, firstRow) => `item no. “${itemNo}” is already on row ${firstRow ?? '?'}`,
    converted: (as, text) => (as === 'date' ? `Excel holds the date ${text} here, not a number` : `Excel holds the percentage ${text} here, not an amount`),
    excelError: (shown) => `the cell shows the Excel error ${shown}`,
  } satisfies Why,
  importLines: (n: number) => plural('en', n, { one: (c) => `Import ${c} line`, other: (c) => `Import ${c} lines` }),
  importing: 'Importing…',
  imported: (n: number) => plural('en', n, { one: (c) => `${c} line imported`, other: (c) => `${c} lines imported` }),
  editInSheet: 'Edit in a sheet',
  saveFromSheet: 'Save from sheet',
  sheetName: (contractNumber: number) => `SOV #${contractNumber}`,
  sheetHint: (sheet: string) => `Change the lines on the sheet “${sheet}” (add, delete or edit rows), then choose “Save from sheet”.`,
  approve: 'Approve contract',
  approving: 'Approving…',
  approvedNote: 'Approved: the schedule of values now changes only through change orders.',
  draftNote: 'Draft: the schedule of values can be replaced until the contract is approved.',
  noLines: 'No lines yet.',
  lineCount: (n: number) => plural('en', n, { one: (c) => `${c} line`, other: (c) => `${c} lines` }),
  total: 'Total',
  showingFirst: (shown: number, total: number) => `Showing the first ${shown} of ${total} lines`,
};

const es: typeof en = {
  tab: 'Partidas',
  hint: 'Pegue la exportación de su sistema de presupuestos o ERP en una hoja de este libro (los complementos de Excel solo pueden leer el libro en el que se ejecutan), seleccione el bloque con su fila de encabezados y elija «Leer selección».',
  readSelection: 'Leer selección',
  readAgain: 'Volver a leer',
  reading: 'Leyendo…',
  source: (where, n) => `${where} · ${plural('es', n, { one: (c) => `${c} partida`, other: (c) => `${c} partidas` })}`,
  hasHeader: 'La primera fila leída es de encabezados',
  notation: 'Números escritos como texto',
  columnsTitle: 'Columnas',
  notImported: '— no se importa —',
  column: (letter, header) => (header ? `${letter} · ${header}` : letter),
  fields: {
    itemNo: 'Partida',
    costCode: 'Código de costo',
    description: 'Descripción',
    group: 'Grupo',
    scheduledValueCents: 'Valor programado',
    scheduledQty: 'Cantidad',
    unitOfMeasure: 'Unidad',
    unitPrice: 'Precio unitario',
    workRetainageBps: 'Retención trabajo %',
    storedRetainageBps: 'Retención materiales %',
  },
  requiredMark: 'obligatoria',
  missing: (names) => `Elija una columna para: ${names}`,
  preview: 'Vista previa',
  problems: (n) =>
    plural('es', n, {
      one: (c) => `${c} problema: no se importa nada hasta corregirlo`,
      other: (c) => `${c} problemas: no se importa nada hasta corregirlos todos`,
    }),
  fixHint: 'Corrija las celdas en la hoja y elija «Volver a leer» (se leen las mismas celdas).',
  at: (row, column, header) =>
    row === null ? 'Importación' : column === null ? `Fila ${row}` : `Fila ${row}, columna ${column}${header ? ` (${header})` : ''}`,
  colon: ': ',
  more: (n) => `…y ${n} más`,
  why: {
    required: 'vacía; esta columna es obligatoria',
    tooLong: (max) => `demasiado larga (máximo ${max} caracteres)`,
    notNumber: (shown) => `«${shown}» no es un número`,
    tooManyDecimals: (shown, max) => `${shown} tiene más de ${max} decimales`,
    outOfRange: (shown) => `${shown} es demasiado grande`,
    negative: 'un valor programado no puede ser negativo',
    percentTooBig: 'una retención es como máximo 100 %',
    duplicate: (itemNo, firstRow) => `la partida «${itemNo}» ya está en la fila ${firstRow ?? '?'}`,
    converted: (as, text) => (as === 'date' ? `Excel guarda aquí la fecha ${text}, no un número` : `Excel guarda aquí el porcentaje ${text}, no un importe`),
    excelError: (shown) => `la celda muestra el error de Excel ${shown}`,
  },
  importLines: (n) => plural('es', n, { one: (c) => `Importar ${c} partida`, other: (c) => `Importar ${c} partidas` }),
  importing: 'Importando…',
  imported: (n) => plural('es', n, { one: (c) => `${c} partida importada`, other: (c) => `${c} partidas importadas` }),
  editInSheet: 'Editar en una hoja',
  saveFromSheet: 'Guardar desde la hoja',
  sheetName: (contractNumber) => `Partidas #${contractNumber}`,
  sheetHint: (sheet) => `Modifique las partidas en la hoja «${sheet}» (añada, elimine o edite filas) y elija «Guardar desde la hoja».`,
  approve: 'Aprobar contrato',
  approving: 'Aprobando…',
  approvedNote: 'Aprobado: el presupuesto solo cambia mediante órdenes de cambio.',
  draftNote: 'Borrador: el presupuesto puede reemplazarse hasta que se apruebe el contrato.',
  noLines: 'Aún no hay partidas.',
  lineCount: (n) => plural('es', n, { one: (c) => `${c} partida`, other: (c) => `${c} partidas` }),
  total: 'Total',
  showingFirst: (shown, total) => `Se muestran las primeras ${shown} de ${total} partidas`,
};

const fr: typeof en = {
  tab: 'Postes',
  hint: 'Collez l’export de votre logiciel de chiffrage ou ERP dans une feuille de ce classeur (un complément Excel ne lit que le classeur où il s’exécute), sélectionnez le bloc avec sa ligne d’en-têtes, puis choisissez « Lire la sélection ».',
  readSelection: 'Lire la sélection',
  readAgain: 'Relire',
  reading: 'Lecture…',
  source: (where, n) => `${where} · ${plural('fr', n, { one: (c) => `${c} poste`, other: (c) => `${c} postes` })}`,
  hasHeader: 'La première ligne lue contient les en-têtes',
  notation: 'Nombres écrits en texte',
  columnsTitle: 'Colonnes',
  notImported: '— non importée —',
  column: (letter, header) => (header ? `${letter} · ${header}` : letter),
  fields: {
    itemNo: 'Poste',
    costCode: 'Code analytique',
    description: 'Désignation',
    group: 'Groupe',
    scheduledValueCents: 'Valeur prévue',
    scheduledQty: 'Quantité',
    unitOfMeasure: 'Unité',
    unitPrice: 'Prix unitaire',
    workRetainageBps: 'Retenue travaux %',
    storedRetainageBps: 'Retenue matériaux %',
  },
  requiredMark: 'obligatoire',
  missing: (names) => `Choisissez une colonne pour : ${names}`,
  preview: 'Aperçu',
  problems: (n) =>
    plural('fr', n, {
      one: (c) => `${c} problème : rien n’est importé avant sa correction`,
      other: (c) => `${c} problèmes : rien n’est importé avant qu’ils soient tous corrigés`,
    }),
  fixHint: 'Corrigez les cellules dans la feuille, puis choisissez « Relire » (les mêmes cellules sont relues).',
  at: (row, column, header) => (row === null ? 'Import' : column === null ? `Ligne ${row}` : `Ligne ${row}, colonne ${column}${header ? ` (${header})` : ''}`),
  colon: '\u00a0: ',
  more: (n) => `…et ${n} de plus`,
  why: {
    required: 'vide ; cette colonne est obligatoire',
    tooLong: (max) => `trop long (${max} caractères au plus)`,
    notNumber: (shown) => `« ${shown} » n’est pas un nombre`,
    tooManyDecimals: (shown, max) => `${shown} a plus de ${max} décimales`,
    outOfRange: (shown) => `${shown} est trop grand`,
    negative: 'une valeur prévue ne peut pas être négative',
    percentTooBig: 'une retenue est au plus de 100 %',
    duplicate: (itemNo, firstRow) => `le poste « ${itemNo} » est déjà à la ligne ${firstRow ?? '?'}`,
    converted: (as, text) =>
      as === 'date' ? `Excel contient ici la date ${text}, pas un nombre` : `Excel contient ici le pourcentage ${text}, pas un montant`,
    excelError: (shown) => `la cellule affiche l’erreur Excel ${shown}`,
  },
  importLines: (n) => plural('fr', n, { one: (c) => `Importer ${c} poste`, other: (c) => `Importer ${c} postes` }),
  importing: 'Import…',
  imported: (n) => plural('fr', n, { one: (c) => `${c} poste importé`, other: (c) => `${c} postes importés` }),
  editInSheet: 'Modifier dans une feuille',
  saveFromSheet: 'Enregistrer depuis la feuille',
  sheetName: (contractNumber) => `Postes #${contractNumber}`,
  sheetHint: (sheet) =>
    `Modifiez les postes dans la feuille « ${sheet} » (ajout, suppression ou modification de lignes), puis choisissez « Enregistrer depuis la feuille ».`,
  approve: 'Approuver le contrat',
  approving: 'Approbation…',
  approvedNote: 'Approuvé : le bordereau ne change plus que par avenants.',
  draftNote: 'Brouillon : le bordereau peut être remplacé jusqu’à l’approbation du contrat.',
  noLines: 'Aucun poste pour l’instant.',
  lineCount: (n) => plural('fr', n, { one: (c) => `${c} poste`, other: (c) => `${c} postes` }),
  total: 'Total',
  showingFirst: (shown, total) => `Les ${shown} premiers postes sur ${total}`,
};

export const sovLabels = defineLabels<typeof en>({ en, es, fr });
export type SovLabels = typeof en;
