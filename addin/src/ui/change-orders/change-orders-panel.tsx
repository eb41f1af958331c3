import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { approveChangeOrder, getSov, listChangeOrders, listInvoices } from '@shared/api/routes/contracts';
import { getInvoice } from '@shared/api/routes/invoices';
import type { TContractView, TSovView } from '@shared/api/contract-views';
import type { ApiClient, ChangeOrder, InvoiceView } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { ChangeOrderNotice } from '../workspace/change-order-notice';
import { errorText } from '../workspace/error-text';
import { ChangeOrderForm } from './change-order-form';
import { changeOrderLabels } from './labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' },
  money: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  sub: { color: tokens.colorNeutralForeground3 },
  approve: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Props = {
  api: ApiClient;
  contract: Pick<TContractView, 'id' | 'status'> & { myAccess?: TContractView['myAccess'] };
  /** the contract's sums change when a change order is approved */
  onContractChanged?: () => void;
};

/** Today in the user's time zone as YYYY-MM-DD (an approval date is a calendar day, not an instant). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A contract's change orders: list, create and approve (admins), add the approved ones to the latest invoice. */
export function ChangeOrdersPanel({ api, contract, onContractChanged }: Props) {
  const i18n = useI18n();
  const L = useLabels(changeOrderLabels);
  const styles = useStyles();
  const [orders, setOrders] = useState<ChangeOrder[] | null>(null);
  const [sov, setSov] = useState<TSovView['lines']>([]);
  const [latest, setLatest] = useState<InvoiceView | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [isFormOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = contract.myAccess?.isToolAdmin === true;

  const load = useCallback(async () => {
    try {
      const param = { param: { id: contract.id } };
      const [cos, lines, invoices] = await Promise.all([api.call(listChangeOrders, param), api.call(getSov, param), api.call(listInvoices, param)]);
      setOrders(cos.changeOrders);
      setSov(lines.lines);
      const last = invoices.invoices.find((i) => i.isLatest);
      setLatest(last ? await api.call(getInvoice, { param: { id: last.id } }) : null);
      setLoadError(null);
    } catch (err) {
      setLoadError(L.loadFailed(errorText(err, i18n.t)));
    }
  }, [api, contract.id, L, i18n.t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError && !orders) return <ErrorBar message={loadError} />;
  if (!orders) return <Spinner size="tiny" />;

  return (
    <div className={styles.root} data-testid="change-orders">
      {notice && (
        <MessageBar layout="multiline" intent="success" data-testid="co-message">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {!isAdmin ? (
        <Text size={200} className={styles.sub}>
          {L.adminOnly}
        </Text>
      ) : contract.status === 'draft' ? (
        <Text size={200} className={styles.sub}>
          {L.draftContract}
        </Text>
      ) : isFormOpen ? (
        <ChangeOrderForm
          api={api}
          contractId={contract.id}
          sov={sov}
          onCancel={() => setFormOpen(false)}
          onCreated={(n) => {
            setFormOpen(false);
            setNotice(L.created(n));
            void load();
          }}
        />
      ) : (
        <Button size="small" icon={<AddRegular />} onClick={() => setFormOpen(true)} data-testid="co-create">
          {L.create}
        </Button>
      )}
      {orders.length === 0 && <Text className={styles.sub}>{L.none}</Text>}
      {orders.map((co) => (
        <div className={styles.card} key={co.id} data-testid={`co-${co.number}`} data-status={co.status}>
          <div className={styles.head}>
            <Text weight="semibold">{L.number(co.number)}</Text>
            <Text className={styles.title}>{co.title}</Text>
            <Text className={styles.money}>{i18n.money(co.amountCents)}</Text>
          </div>
          <div className={styles.head}>
            <Badge size="small" appearance="tint" color={co.status === 'approved' ? 'success' : co.status === 'rejected' ? 'danger' : 'warning'}>
              {L.status[co.status]}
            </Badge>
            <Text size={200} className={styles.sub}>
              {co.approvedOn ? L.approvedOn(i18n.date(co.approvedOn)) : L.notApproved} · {L.lines(co.lines.length)}
            </Text>
          </div>
          <Text size={200} className={styles.sub}>
            {co.lines.map((l) => `${l.itemNo} ${l.description} ${i18n.money(l.amountCents)}`).join(' · ')}
          </Text>
          {isAdmin && co.status === 'pending' && (
            <ApproveForm
              api={api}
              changeOrder={co}
              onApproved={(next) => {
                setNotice(L.approved(next.number, i18n.date(next.approvedOn)));
                onContractChanged?.();
                void load();
              }}
            />
          )}
        </div>
      ))}
      {latest === null && (
        <Text size={200} className={styles.sub}>
          {L.noInvoice}
        </Text>
      )}
      {latest && (
        <>
          <Text size={200} className={styles.sub}>
            {L.latestInvoice(latest.invoice.number)}
          </Text>
          <ChangeOrderNotice api={api} view={latest} isAdmin={isAdmin} onAdded={setLatest} />
        </>
      )}
    </div>
  );
}

function ApproveForm({ api, changeOrder, onApproved }: { api: ApiClient; changeOrder: ChangeOrder; onApproved: (co: ChangeOrder) => void }) {
  const { t } = useI18n();
  const L = useLabels(changeOrderLabels);
  const styles = useStyles();
  const [isOpen, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function approve() {
    setBusy(true);
    setError(null);
    try {
      onApproved(await api.call(approveChangeOrder, { param: { id: changeOrder.id }, json: { approvedOn: date } }));
      setOpen(false);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (!isOpen)
    return (
      <Button size="small" onClick={() => setOpen(true)} data-testid={`co-${changeOrder.number}-approve`}>
        {L.approve}
      </Button>
    );
  return (
    <>
      <div className={styles.approve}>
        <Field label={L.approveDate} size="small">
          <Input type="date" size="small" value={date} onChange={(_, d) => setDate(d.value)} data-testid={`co-${changeOrder.number}-date`} />
        </Field>
        <Button appearance="primary" size="small" disabled={busy || !date} onClick={approve} data-testid={`co-${changeOrder.number}-confirm`}>
          {busy ? L.approving : L.confirmApprove}
        </Button>
      </div>
      <ErrorBar message={error} />
    </>
  );
}
