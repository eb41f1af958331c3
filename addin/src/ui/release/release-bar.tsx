import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient, InvoiceView } from '../../api';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { releaseLabels } from './labels';
import { releaseFigures } from './release-figures';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  money: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  api: ApiClient;
  view: InvoiceView;
  /** edits typed in the sheet not saved yet: releasing now would race them (the version moves) */
  hasUnsavedEdits: boolean;
  /** pull the new figures into the pane and the sheets (the workspace's refresh) */
  onReleased: () => Promise<void>;
};

/**
 * The release invoice's own bar in the workspace: what is held, released here and still held, and
 * "Release all retainage" (POST /invoices/{id}/release-retainage { all: true }, version-checked).
 * Per-line amounts are typed in the sheet's release column, the only editable one on this invoice.
 */
export function ReleaseBar({ api, view, hasUnsavedEdits, onReleased }: Props) {
  const L = useLabels(releaseLabels);
  const i18n = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const f = releaseFigures(view);
  const canEdit = view.invoice.isEditable;

  async function releaseAll() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const out = await api.releaseRetainage(view.invoice.id, view.invoice.version, { all: true });
      await onReleased();
      setDone(L.released(i18n.money(out.g702.line8CurrentPaymentDueCents)));
    } catch (err) {
      setError(errorText(err, i18n.t));
    } finally {
      setBusy(false);
    }
  }

  const figure = (label: string, cents: number, testId: string) => (
    <div className={styles.row}>
      <Text size={200}>{label}</Text>
      <span className={styles.money} data-testid={testId}>
        {i18n.money(cents)}
      </span>
    </div>
  );

  return (
    <div className={styles.root} data-testid="release-bar">
      {figure(L.heldBefore, f.heldBeforeCents, 'release-held')}
      {figure(L.releasedHere, f.releasedHereCents, 'release-here')}
      {figure(L.stillHeld, f.stillHeldCents, 'release-still-held')}
      {canEdit && (
        <>
          <Button appearance="primary" disabled={busy || hasUnsavedEdits || f.stillHeldCents <= 0} onClick={() => void releaseAll()} data-testid="release-all">
            {busy ? L.releasing : L.releaseAll}
          </Button>
          {hasUnsavedEdits && (
            <Text size={200} className={styles.sub}>
              {L.saveFirst}
            </Text>
          )}
          {!hasUnsavedEdits && f.stillHeldCents <= 0 && (
            <Text size={200} className={styles.sub}>
              {L.nothingHeld}
            </Text>
          )}
          <Text size={200} className={styles.sub}>
            {L.perLineHint}
          </Text>
        </>
      )}
      <Text size={200} className={styles.sub}>
        {L.lockedHint}
      </Text>
      {done && (
        <MessageBar layout="multiline" intent="success" data-testid="release-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={error} />
    </div>
  );
}
