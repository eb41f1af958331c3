import { Button, Spinner, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { HistoryResponse } from '../../api';
import { formatQty } from '@shared/money';
import type { MessageKey } from '../../i18n';
import { errorText } from '../workspace/error-text';
import type { TabContext } from './tab-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sub: { color: tokens.colorNeutralForeground3 },
  num: { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' },
});

type Change = HistoryResponse['changes'][number];

export function HistoryPanel({ api, view, i18n }: TabContext) {
  const { t } = i18n;
  const styles = useStyles();
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(after?: number) {
    setBusy(true);
    try {
      const page = await api.history(view.invoice.id, after === undefined ? { limit: 200 } : { after, limit: 200 });
      setChanges((c) => [...(after === undefined ? [] : (c ?? [])), ...page.changes]);
      setNext(page.nextAfter);
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  // Amounts are cents, quantities ten-thousandths (integers in the history table).
  const show = (field: string, v: number | null) => (v == null ? '—' : field.endsWith('Cents') ? i18n.money(v) : formatQty(v));

  return (
    <div className={styles.root}>
      {changes === null ? (
        <Button size="small" onClick={() => load()} disabled={busy}>
          {busy ? <Spinner size="extra-tiny" /> : t('history.load')}
        </Button>
      ) : changes.length === 0 ? (
        <Text>{t('history.empty')}</Text>
      ) : (
        <Table size="extra-small" aria-label={t('tab.history')}>
          <TableBody>
            {changes.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <Text weight="semibold">{c.itemNo}</Text> {t(`history.field.${c.field}` as MessageKey)}
                  <br />
                  <Text size={200} className={styles.sub}>
                    {t('history.by', { name: c.userName ?? '?', when: new Date(c.createdAt).toLocaleString(i18n.lang) })}
                  </Text>
                </TableCell>
                <TableCell className={styles.num}>
                  {show(c.field, c.oldValue)} → {show(c.field, c.newValue)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {next !== null && (
        <Button size="small" onClick={() => load(next)} disabled={busy}>
          {t('history.more')}
        </Button>
      )}
      {error && <Text className={styles.sub}>{error}</Text>}
    </div>
  );
}
