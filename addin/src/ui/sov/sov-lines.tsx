// The saved lines, read-only: item, description, value (or quantity × unit price), group, and the
// total. A 5,000-line schedule shows its first lines; the whole of it is in Excel ("Edit in a sheet").
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TSovView } from '@shared/api/contract-views';
import type { AccountingMethod } from '@shared/engine/types';
import { formatQty } from '@shared/money';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { sovLabels } from './labels';

const SHOWN = 100;

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { textAlign: 'left', padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  },
  num: { textAlign: 'right !important' as 'right', whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function SovLines({ sov, method }: { sov: TSovView; method: AccountingMethod }) {
  const L = useLabels(sovLabels);
  const { money } = useI18n();
  const styles = useStyles();
  if (!sov.lines.length) return <Text className={styles.muted}>{L.noLines}</Text>;
  const groupName = new Map(sov.groups.map((g) => [g.id, g.name]));
  const total = sov.lines.reduce((n, l) => n + l.scheduledValueCents, 0);
  const shown = sov.lines.slice(0, SHOWN);
  return (
    <div className={styles.scroll} data-testid="sov-lines">
      <Text size={200} className={styles.muted} block>
        {sov.lines.length > SHOWN ? L.showingFirst(SHOWN, sov.lines.length) : L.lineCount(sov.lines.length)}
      </Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{L.fields.itemNo}</th>
            <th>{L.fields.description}</th>
            {method === 'unit' && <th className={styles.num}>{L.fields.scheduledQty}</th>}
            {method === 'unit' && <th>{L.fields.unitOfMeasure}</th>}
            <th className={styles.num}>{L.fields.scheduledValueCents}</th>
            <th>{L.fields.group}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((l) => (
            <tr key={l.id}>
              <td>{l.itemNo}</td>
              <td>{l.description}</td>
              {method === 'unit' && <td className={styles.num}>{l.scheduledQty === null ? '' : formatQty(l.scheduledQty)}</td>}
              {method === 'unit' && <td>{l.unitOfMeasure ?? ''}</td>}
              <td className={styles.num}>{money(l.scheduledValueCents)}</td>
              <td>{l.groupId ? (groupName.get(l.groupId) ?? '') : ''}</td>
            </tr>
          ))}
          <tr className={styles.total}>
            <td colSpan={method === 'unit' ? 4 : 2}>{L.total}</td>
            <td className={styles.num} data-testid="sov-total">
              {money(total)}
            </td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
