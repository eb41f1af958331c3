import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { isToolAdmin, type TabContext } from '../tabs/tab-types';
import { useLoad } from '../use-load';
import { GenerateForm } from './generate-form';
import { ReceivedForm } from './received-form';
import { isListStale, shownWaivers, withChange, type LocalChanges } from './shown-waivers';
import { waiverApi, type WaiverList, type WaiverView } from './waiver-api';
import { WaiverCard } from './waiver-card';
import { waiverLabels } from './labels';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3 },
});

/** Today in the user's own calendar (a received waiver's through date may not be after it). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The invoice's lien waivers. On a prime contract we issue them: generate a draft from the
 * invoice's figures, sign it with a typed name, download the PDF. On a commitment we receive
 * them: record the subcontractor's signed waiver, and see when a paid invoice still lacks an
 * unconditional one. Everyone who may see the invoice sees its waivers; only admins of the
 * contract's tool act (the server decides: worker/src/services/lien-waivers/).
 */
export function WaiversPanel({ ctx }: { ctx: TabContext }) {
  const i18n = useI18n();
  const L = useLabels(waiverLabels);
  const styles = useStyles();
  const api = useMemo(() => waiverApi(ctx.api), [ctx.api]);
  const { invoice } = ctx.view;
  const isCommitment = ctx.view.contract.kind === 'commitment';
  // null: the contract (this user's access) is not read yet: neither the read-only note nor the forms
  const isAdmin = isToolAdmin(ctx.contract);
  const canAct = isAdmin === true;
  const jurisdiction = ctx.me.projects.find((p) => p.id === invoice.projectId)?.jurisdiction ?? null;
  const list = useLoad<WaiverList>(invoice.id, (id) => api.list(id));
  // a waiver a call returned replaces the listed one at once; the list (and what is available) reloads
  // behind it, and once read again it wins (with others' changes since): shown-waivers.ts
  const [changes, setChanges] = useState<LocalChanges | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const onChanged = (w: WaiverView) => {
    if (list.data) setChanges((c) => withChange(c, list.data!, w));
    setNote(w.status === 'signed' && w.direction === 'issued' ? L.signed : null);
    list.reload();
  };

  if (list.error) return <ErrorBar message={L.loadFailed(list.error)} />;
  if (!list.data) return <Spinner size="tiny" />;
  const waivers = shownWaivers(list.data, changes);
  // what can be generated changes with every waiver made, signed or voided: until the list is read
  // again, the form would offer (or refuse with a reason about) the state before the change
  const isAvailableStale = isListStale(changes, list.data);
  const shortfall = list.data.warning;

  return (
    <div className={styles.col} data-testid="waivers-panel" data-can-act={canAct}>
      <Text size={200} className={styles.sub}>
        {L.intro}
      </Text>
      {isAdmin === false && (
        <MessageBar layout="multiline" intent="info" data-testid="waivers-read-only">
          <MessageBarBody>{L.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {shortfall && (
        <MessageBar layout="multiline" intent="warning" data-testid="waiver-missing-unconditional" data-missing-cents={shortfall.missingCents}>
          <MessageBarBody>
            {shortfall.waivedCents === 0
              ? L.shortfallNone(i18n.money(shortfall.paidCents))
              : L.shortfall(i18n.money(shortfall.paidCents), i18n.money(shortfall.waivedCents), i18n.money(shortfall.missingCents))}
          </MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar layout="multiline" intent="success" data-testid="waiver-signed-note">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {waivers.length === 0 ? (
        <Text className={styles.sub}>{L.none}</Text>
      ) : (
        <div data-testid="waiver-list">
          <Text size={200} className={styles.sub}>
            {L.count(waivers.length)}
          </Text>
          {waivers.map((w) => (
            <WaiverCard key={w.id} api={api} waiver={w} canAct={canAct} onChanged={onChanged} />
          ))}
        </div>
      )}
      {canAct && !isCommitment && isAvailableStale && <Spinner size="tiny" />}
      {canAct && !isCommitment && !isAvailableStale && (
        <GenerateForm
          key={list.data.available.map((a) => `${a.type}:${a.paymentId}:${a.why === null}`).join()}
          api={api}
          invoiceId={invoice.id}
          available={list.data.available}
          suggestedForm={list.data.form}
          jurisdiction={jurisdiction}
          onCreated={onChanged}
        />
      )}
      {canAct && isCommitment && <ReceivedForm api={api} invoiceId={invoice.id} projectId={invoice.projectId} today={localToday()} onRecorded={onChanged} />}
    </div>
  );
}
