import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { InvoiceListItem } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import type { ContractTabContext, ContractTabDefinition } from './contract-tab-types';
import { InvoiceRow } from './invoice-row';
import { NewInvoiceForm } from './new-invoice-form';
import { contractLabels } from './labels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** The contract's invoices, newest first (the latest is preselected: the one people work on), and the next one. */
function InvoicesPanel({ ctx }: { ctx: ContractTabContext }) {
  const L = useLabels(contractLabels);
  const styles = useStyles();
  const invoices = useLoad<InvoiceListItem[]>(ctx.contract.id, async (id) => (await ctx.api.listInvoices(id)).invoices);
  // the user's choice while it is in the list, else the latest (also while a new one is loading)
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const list = invoices.data ?? [];
  const selectedId = list.some((i) => i.id === chosenId) ? chosenId : (list.at(-1)?.id ?? null);
  const [created, setCreated] = useState<number | null>(null);
  const newestFirst = [...list].reverse();

  return (
    <div className={styles.list} data-testid="contract-invoices">
      {invoices.data && (
        <NewInvoiceForm
          ctx={ctx}
          invoices={invoices.data}
          onCreated={(view) => {
            setCreated(view.invoice.number);
            setSelectedId(view.invoice.id);
            invoices.reload();
          }}
        />
      )}
      {created !== null && (
        <MessageBar layout="multiline" intent="success" data-testid="invoice-created">
          <MessageBarBody>{L.created(created)}</MessageBarBody>
        </MessageBar>
      )}
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
