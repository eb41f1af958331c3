// Show or hide each G703 column (the presets set them all at once). The choice is this user's,
// kept in the pane's storage and applied whenever they open an invoice; on a shared workbook it
// still changes the columns for everyone (sheet-format.ts queueColumnView), which the hint says.
import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AccountingMethod } from '@shared/engine/types';
import { canToggleColumn, columnsFor, isColumnShown } from '../../excel/columns';
import { sheetLabels } from '../../excel/sheet-labels';
import { useLabels } from '../../i18n/i18n-context';
import type { WorkbookControls } from '../workspace/workbook-controls';
import { workbookLabels } from '../workspace/workbook-labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export function ColumnChooser({ method, workbook }: { method: AccountingMethod; workbook: WorkbookControls }) {
  const L = useLabels(workbookLabels);
  // the columns by their header in the pane's language (the sheet's may differ: render-invoice.ts)
  const headers = useLabels(sheetLabels).g703.columns;
  const styles = useStyles();
  const columns = columnsFor(method).list.filter(canToggleColumn);
  const hidden = columns.filter((c) => !isColumnShown(c, workbook.columnView, workbook.columnOverrides));
  return (
    <fieldset className={styles.root} data-testid="column-chooser" style={{ border: 'none', padding: 0, margin: 0 }}>
      <div className={styles.head}>
        <Text weight="semibold">{L.columns}</Text>
        <Button
          size="small"
          appearance="subtle"
          disabled={!hidden.length}
          onClick={() =>
            void workbook.setColumnsShown(
              hidden.map((c) => c.key),
              true,
            )
          }
        >
          {L.showAll}
        </Button>
      </div>
      <Text size={200} className={styles.hint}>
        {L.columnsHint}
      </Text>
      <div className={styles.list}>
        {columns.map((c) => (
          <Checkbox
            key={c.key}
            name={`column-${c.key}`}
            data-column={c.key}
            label={headers[c.key]}
            checked={isColumnShown(c, workbook.columnView, workbook.columnOverrides)}
            onChange={(_, d) => void workbook.setColumnsShown([c.key], d.checked === true)}
          />
        ))}
      </div>
      <Text size={200} className={styles.hint} data-testid="columns-shared">
        {L.columnsShared}
      </Text>
    </fieldset>
  );
}
