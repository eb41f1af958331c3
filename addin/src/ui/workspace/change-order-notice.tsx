import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, ChangeOrder, InvoiceView } from '../../api';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from './error-text';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  money: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  api: ApiClient;
  view: InvoiceView;
  isAdmin: boolean;
  onAdded: (view: InvoiceView) => void;
};

/** "2 change orders approved since this invoice was created", with review (amounts) and add (admins). */
export function ChangeOrderNotice({ api, view, isAdmin, onAdded }: Props) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const styles = useStyles();
  const [isOpen, setOpen] = useState(false);
  const [orders, setOrders] = useState<ChangeOrder[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const count = view.invoice.pendingChangeOrderCount;
  if (count === 0 && !message) return null;

  async function review() {
    setOpen(true);
    setMessage(null);
    try {
      const { changeOrders } = await api.pendingChangeOrders(view.invoice.id);
      setOrders(changeOrders);
      setChosen(new Set(changeOrders.map((c) => c.id)));
    } catch (err) {
      setMessage({ intent: 'error', text: errorText(err, t) });
    }
  }

  async function add() {
    setBusy(true);
    try {
      const next = await api.addChangeOrders(view.invoice.id, [...chosen]);
      setMessage({ intent: 'success', text: tn('co.added', chosen.size) });
      setOpen(false);
      setOrders(null);
      onAdded(next);
    } catch (err) {
      setMessage({ intent: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  }

  const canAdd = isAdmin && view.invoice.isEditable;
  const cannotAddReason = !isAdmin
    ? t('co.adminOnly', { tool: t(view.contract.kind === 'prime' ? 'tool.prime' : 'tool.commitment') })
    : !view.invoice.isEditable
      ? t('co.notEditable')
      : null;
  const total = orders?.filter((o) => chosen.has(o.id)).reduce((s, o) => s + o.amountCents, 0) ?? 0;

  return (
    <div data-testid="co-notice">
      {count > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{tn('co.notice', count)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => (isOpen ? setOpen(false) : review())}>
              {isOpen ? t('co.hide') : t('co.review')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {isOpen && (
        <div className={styles.panel}>
          {!orders ? (
            <Spinner size="tiny" />
          ) : (
            <>
              <Table size="extra-small" aria-label={t('co.review')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: 32 }} />
                    <TableHeaderCell>{t('co.changeOrder')}</TableHeaderCell>
                    <TableHeaderCell className={styles.money}>{t('co.amount')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {orders.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell>
                        <Checkbox
                          checked={chosen.has(o.id)}
                          disabled={!canAdd}
                          aria-label={t('co.number', { number: o.number })}
                          onChange={(_, d) =>
                            setChosen((s) => {
                              const n = new Set(s);
                              if (d.checked) n.add(o.id);
                              else n.delete(o.id);
                              return n;
                            })
                          }
                        />
                      </TableCell>
                      <TableCell>
                        <Text weight="semibold">{t('co.number', { number: o.number })}</Text> <Text>{o.title}</Text>
                        <br />
                        <Text size={200} className={styles.sub}>
                          {t('co.approvedOn', { date: i18n.date(o.approvedOn) })} · {o.lines.map((l) => `${l.itemNo} ${l.description}`).join(', ')}
                        </Text>
                      </TableCell>
                      <TableCell className={styles.money}>{i18n.money(o.amountCents)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableCell />
                    <TableCell>
                      <Text weight="semibold">{t('co.total')}</Text>
                    </TableCell>
                    <TableCell className={styles.money}>
                      <Text weight="semibold">{i18n.money(total)}</Text>
                    </TableCell>
                  </TableRow>
                </TableBody>
              </Table>
              {canAdd ? (
                <Button appearance="primary" size="small" disabled={busy || chosen.size === 0} onClick={add}>
                  {busy ? t('co.adding') : t('co.add')}
                </Button>
              ) : (
                <Text size={200} className={styles.sub}>
                  {cannotAddReason}
                </Text>
              )}
            </>
          )}
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
                {t('common.dismiss')}
              </Button>
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
