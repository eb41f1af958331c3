// Texts of the pane's workbook controls (the G703 columns chooser) and of the sheet's "% complete"
// input column, in the pane's languages.
import { defineLabels } from '@shared/i18n/define-labels';

const en = {
  /** the G703 "% (G ÷ C)" column as an input (addin/src/excel/columns.ts) */
  percentField: '% complete (G ÷ C)',
  columns: 'Columns',
  columnsHint: 'Show or hide each column. The presets above set them all at once.',
  columnsShared:
    'Shown and hidden columns are part of the workbook: on a shared workbook they change for everyone editing it (Excel has no per-person column view).',
  showAll: 'Show all',
};

type WorkbookLabels = typeof en;

const es: WorkbookLabels = {
  percentField: '% completado (G ÷ C)',
  columns: 'Columnas',
  columnsHint: 'Muestre u oculte cada columna. Los ajustes de arriba las cambian todas a la vez.',
  columnsShared:
    'Las columnas visibles y ocultas forman parte del libro: en un libro compartido cambian para todos los que lo editan (Excel no tiene una vista de columnas por persona).',
  showAll: 'Mostrar todas',
};

const fr: WorkbookLabels = {
  percentField: '% d’avancement (G ÷ C)',
  columns: 'Colonnes',
  columnsHint: 'Affichez ou masquez chaque colonne. Les préréglages ci-dessus les règlent toutes à la fois.',
  columnsShared:
    'Les colonnes affichées et masquées font partie du classeur : dans un classeur partagé, elles changent pour toutes les personnes qui le modifient (Excel n’a pas de vue de colonnes par personne).',
  showAll: 'Tout afficher',
};

export const workbookLabels = defineLabels<WorkbookLabels>({ en, es, fr });
