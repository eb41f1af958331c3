import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { addDays } from '@shared/dates';
import type { BillingPeriod } from '../../api';
import { useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { useLoad } from '../use-load';
import { errorText } from '../workspace/error-text';
import { projectLabels } from './labels';
import { PeriodCreateForm } from './period-create-form';
import type { ProjectTabContext, ProjectTabDefinition } from './project-tab-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  grow: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** The first day of the current month, or the day after the last period: where new periods usually start. */
function nextStart(periods: BillingPeriod[]): string {
  const last = periods
    .map((p) => p.end)
    .sort()
    .at(-1);
  return last ? addDays(last, 1) : `${new Date().toISOString().slice(0, 7)}-01`;
}

/** The project's billing periods: create (automatic or manual) and delete unused ones. */
function PeriodsPanel({ ctx }: { ctx: ProjectTabContext }) {
  const L = useLabels(projectLabels);
  const styles = useStyles();
  const { i18n } = ctx;
  const periods = useLoad<BillingPeriod[]>(ctx.project.id, (id) => ctx.api.setup.billingPeriods(id));
  const [isCreating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ id: string; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function remove(p: BillingPeriod) {
    setBusyId(p.id);
    setRefused(null);
    setNotice(null);
    try {
      await ctx.api.setup.deleteBillingPeriod(p.id);
      setNotice(L.deleted);
      periods.reload();
    } catch (err) {
      // the server says why (an invoice bills it): shown beside that period
      setRefused({ id: p.id, text: errorText(err, i18n.t) });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className={styles.root} data-testid="billing-periods">
      {ctx.isAdmin && !isCreating && (
        <div className={styles.actions}>
          <Button size="small" appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)} data-testid="new-periods">
            {L.newPeriods}
          </Button>
        </div>
      )}
      {isCreating && periods.data && (
        <PeriodCreateForm
          api={ctx.api}
          projectId={ctx.project.id}
          defaultStart={nextStart(periods.data)}
          onCancel={() => setCreating(false)}
          onCreated={(n) => {
            setCreating(false);
            setNotice(L.created(n));
            periods.reload();
          }}
        />
      )}
      {notice && (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={periods.error} />
      {periods.isLoading && !periods.data && <Spinner size="tiny" />}
      {periods.data?.length === 0 && <Text className={styles.sub}>{L.periodsNone}</Text>}
      {periods.data?.map((p) => (
        <div key={p.id}>
          <div className={styles.row} data-testid="period-row" data-period-id={p.id}>
            <div className={styles.grow}>
              <Text>{`${i18n.date(p.start)} – ${i18n.date(p.end)}`}</Text>
              <Text size={200} className={styles.sub}>{`${L.due_(i18n.date(p.due))} · ${L.schedule[p.schedule]} · ${L.invoicesUsing(p.invoiceCount)}`}</Text>
            </div>
            {ctx.isAdmin && (
              <Button
                size="small"
                appearance="subtle"
                icon={busyId === p.id ? <Spinner size="extra-tiny" /> : <DeleteRegular />}
                disabled={busyId !== null}
                onClick={() => void remove(p)}
                title={L.delete}
                aria-label={`${L.delete} ${i18n.date(p.start)} – ${i18n.date(p.end)}`}
              />
            )}
          </div>
          {refused?.id === p.id && <ErrorBar message={refused.text} />}
        </div>
      ))}
    </div>
  );
}

export const periodsTab: ProjectTabDefinition = {
  id: 'periods',
  order: 20,
  label: (i18n) => projectLabels(i18n.lang).tabPeriods,
  render: (ctx) => <PeriodsPanel key={ctx.project.id} ctx={ctx} />,
};
