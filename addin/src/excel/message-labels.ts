// The sentences the sync session and the workbook code give the pane (the status line's "Error:" /
// "Read-only:" messages, a selection that cannot be read), in the pane's language
// (SessionOptions.locale). What is written into the workbook, cell notes included, is in the
// sheet's language instead (sheet-labels.ts).
import { defineLabels, formatCount, plural } from '@shared/i18n/define-labels';

export type MessageLabels = {
  /** the retry message when the server gave no reason */
  noAnswer: string;
  /** an error without the session's own sentence */
  somethingWrong: string;
  /** a read-only invoice without the server's reason */
  readOnly: string;
  /** headers are quoted and comma-joined; `count` is how many columns are missing or doubled */
  columnIssue: (missing: string, duplicated: string, count: number) => string;
  /** "Retainage % is computed" */
  computed: (headers: string, count: number) => string;
  /** a typed-over computed or read-only cell was restored: `why` is `computed` or the invoice's reason */
  putBack: (why: string, cells: number) => string;
  /** excel/read-block.ts BlockReadError, by problem */
  block: {
    notOneArea: (excelMessage: string) => string;
    noSheet: (name: string) => string;
    empty: string;
    tooManyRows: (rows: number, max: number) => string;
    tooManyColumns: (cols: number, max: number) => string;
  };
};

const en: MessageLabels = {
  noAnswer: 'The server did not answer',
  somethingWrong: 'Something went wrong',
  readOnly: 'This invoice is read-only',
  columnIssue: (missing, duplicated, count) => {
    const parts = [missing ? `not found: ${missing}` : '', duplicated ? `found twice: ${duplicated}` : ''].filter(Boolean);
    return `Column headers ${parts.join('; ')}. Nothing is read from or written to ${plural('en', count, { one: () => 'that column', other: () => 'those columns' })}; put the header back or Refresh to redraw the sheet.`;
  },
  computed: (headers, count) => `${headers} ${plural('en', count, { one: () => 'is', other: () => 'are' })} computed`,
  putBack: (why, cells) => `${why}: ${plural('en', cells, { one: () => 'the cell was', other: (n) => `${n} cells were` })} put back.`,
  block: {
    notOneArea: (m) => `Excel could not read the selection as one block (${m})`,
    noSheet: (name) => `There is no sheet named "${name}"`,
    empty: 'The selected cells are empty',
    tooManyRows: (rows, max) => `${formatCount('en', rows)} rows are selected; at most ${formatCount('en', max)} can be read`,
    tooManyColumns: (cols, max) => `${formatCount('en', cols)} columns are selected; at most ${formatCount('en', max)} can be read`,
  },
};

const es: MessageLabels = {
  noAnswer: 'El servidor no respondió',
  somethingWrong: 'Algo salió mal',
  readOnly: 'Esta factura es de solo lectura',
  columnIssue: (missing, duplicated, count) => {
    const parts = [missing ? `no encontrados: ${missing}` : '', duplicated ? `repetidos: ${duplicated}` : ''].filter(Boolean);
    return `Encabezados de columna ${parts.join('; ')}. No se lee ni se escribe nada en ${plural('es', count, { one: () => 'esa columna', other: () => 'esas columnas' })}; restablezca el encabezado o pulse Actualizar para volver a dibujar la hoja.`;
  },
  computed: (headers, count) => `${headers} ${plural('es', count, { one: () => 'se calcula', other: () => 'se calculan' })}`,
  putBack: (why, cells) => `${why}: ${plural('es', cells, { one: () => 'se restableció la celda', other: (n) => `se restablecieron ${n} celdas` })}.`,
  block: {
    notOneArea: (m) => `Excel no pudo leer la selección como un solo bloque (${m})`,
    noSheet: (name) => `No hay ninguna hoja llamada «${name}»`,
    empty: 'Las celdas seleccionadas están vacías',
    tooManyRows: (rows, max) => `Hay ${formatCount('es', rows)} filas seleccionadas; se pueden leer como máximo ${formatCount('es', max)}`,
    tooManyColumns: (cols, max) => `Hay ${formatCount('es', cols)} columnas seleccionadas; se pueden leer como máximo ${formatCount('es', max)}`,
  },
};

const fr: MessageLabels = {
  noAnswer: 'Le serveur n’a pas répondu',
  somethingWrong: 'Un problème est survenu',
  readOnly: 'Cette facture est en lecture seule',
  columnIssue: (missing, duplicated, count) => {
    const parts = [missing ? `introuvables : ${missing}` : '', duplicated ? `en double : ${duplicated}` : ''].filter(Boolean);
    return `En-têtes de colonne ${parts.join(' ; ')}. Rien n’est lu ni écrit dans ${plural('fr', count, { one: () => 'cette colonne', other: () => 'ces colonnes' })} ; rétablissez l’en-tête ou cliquez sur Actualiser pour redessiner la feuille.`;
  },
  computed: (headers, count) => `${headers} ${plural('fr', count, { one: () => 'est calculé', other: () => 'sont calculés' })}`,
  putBack: (why, cells) => `${why} : ${plural('fr', cells, { one: () => 'la cellule a été rétablie', other: (n) => `${n} cellules ont été rétablies` })}.`,
  block: {
    notOneArea: (m) => `Excel n’a pas pu lire la sélection comme un seul bloc (${m})`,
    noSheet: (name) => `Il n’y a pas de feuille nommée « ${name} »`,
    empty: 'Les cellules sélectionnées sont vides',
    tooManyRows: (rows, max) => `${formatCount('fr', rows)} lignes sont sélectionnées ; ${formatCount('fr', max)} au maximum peuvent être lues`,
    tooManyColumns: (cols, max) => `${formatCount('fr', cols)} colonnes sont sélectionnées ; ${formatCount('fr', max)} au maximum peuvent être lues`,
  },
};

export const messageLabels = defineLabels<MessageLabels>({ en, es, fr });
