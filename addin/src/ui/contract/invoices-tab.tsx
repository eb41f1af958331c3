import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { InvoiceListItem } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import type { ContractTabContext, ContractTabDefinition } from './contract-tab-types';
import { InvoiceRow } from './invoice-row';
import { contractLabels } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** The contract's invoices, newest first; the latest is preselected (the one people work on). */
function InvoicesPanel({ ctx }: { ctx: ContractTabContext }) {
  const L = useLabels(contractLabels);
  const styles = useStyles();
  const invoices = useLoad<InvoiceListItem[]>(ctx.contract.id, async (id) => (await ctx.api.listInvoices(id)).invoices);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  useEffect(() => {
    if (invoices.data && !invoices.data.some((i) => i.id === selectedId)) setSelectedId(invoices.data.at(-1)?.id ?? null);
  }, [invoices.data, selectedId]);
  const newestFirst = [...(invoices.data ?? [])].reverse();

  return (
    <div className={styles.list} data-testid="contract-invoices">
      <ErrorBar message={invoices.error} />
      {invoices.isLoading && !invoices.data && <Spinner size="tiny" />}
      {invoices.data?.length === 0 && <Text className={styles.sub}>{L.noInvoices}</Text>}
      {newestFirst.map((inv) => (
        <InvoiceRow
          key={inv.id}
          ctx={ctx}
          invoice={inv}
          isSelected={inv.id === selectedId}
          onSelect={() => setSelectedId(inv.id)}
          onChanged={invoices.reload}
        />
      ))}
    </div>
  );
}

export const invoicesTab: ContractTabDefinition = {
  id: 'invoices',
  order: 10,
  label: (i18n) => contractLabels(i18n.lang).tabInvoices,
  render: (ctx) => <InvoicesPanel key={ctx.contract.id} ctx={ctx} />,
};
