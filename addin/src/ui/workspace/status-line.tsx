import { Button, Spinner, Text, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CloudOffRegular, ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { SyncStatus } from '../../sync/status';
import type { I18n } from '../../i18n/i18n-context';
import { useI18n } from '../../i18n/i18n-context';
import { messageLabels } from '../../excel/message-labels';
import { formatCellValue, fieldLabel } from './field-label';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '32px',
    flexShrink: 0,
  },
  // two lines at most: long server messages stay readable without pushing the pane around
  text: { flexGrow: 1, minWidth: 0, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', wordBreak: 'break-word' },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  details: {
    maxHeight: '160px',
    overflowY: 'auto',
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  detail: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** The status line's sentence in the user's language, from the session's key + params. */
export function statusText(status: SyncStatus, { t, tn, lang }: Pick<I18n, 't' | 'tn' | 'lang'>, readOnlyText?: string | null): string {
  const p = status.params;
  const say = messageLabels(lang);
  const count = p.count ?? 0;
  const message = p.message ?? '';
  switch (status.key) {
    case 'sync.opening':
      return t('sync.opening');
    case 'sync.saved':
      return t('sync.saved');
    case 'sync.saving':
      return p.count ? tn('sync.savingCells', count) : t('sync.saving');
    case 'sync.pending':
      return tn('sync.pending', count);
    case 'sync.offline':
      return tn('sync.offline', count, { seconds: p.seconds ?? 0 });
    case 'sync.retrying':
      return tn('sync.retrying', count, { seconds: p.seconds ?? 0, message: message || say.noAnswer });
    case 'sync.error':
      return t('sync.error', { message: message || say.somethingWrong });
    case 'sync.rejected':
      return tn('sync.rejected', count, { message });
    case 'sync.conflict':
      return tn('sync.conflict', count);
    case 'sync.mismatch':
      return t('sync.mismatch', { line: p.line ?? '' });
    case 'sync.readOnly':
      return readOnlyText ?? t('sync.readOnly', { message: message || say.readOnly });
    default:
      return status.message;
  }
}

function Icon({ status }: { status: SyncStatus }) {
  const styles = useStyles();
  switch (status.kind) {
    case 'saved':
      return <CheckmarkCircleFilled className={styles.saved} aria-hidden />;
    case 'saving':
      return <Spinner size="extra-tiny" aria-hidden />;
    case 'offline':
      return <CloudOffRegular className={styles.warn} aria-hidden />;
    case 'error':
      return <ErrorCircleFilled className={styles.error} aria-hidden />;
    case 'conflict':
    case 'pending':
      return <WarningFilled className={styles.warn} aria-hidden />;
  }
}

type Props = {
  status: SyncStatus | null;
  /** the localized lock reason, shown instead of the server's English one */
  readOnlyText?: string | null;
  expanded: boolean;
  onToggle: () => void;
  onRetry?: () => void;
  onDismissConflicts?: () => void;
};

/** Always visible at the bottom of the pane: where the edits stand, and what needs attention. */
export function StatusLine({ status, readOnlyText, expanded, onToggle, onRetry, onDismissConflicts }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const text = status ? statusText(status, i18n, readOnlyText) : t('sync.idle');
  const problems = status ? status.rejected.length + status.conflicts.length : 0;
  const saved = status?.lastSavedAt ? t('sync.lastSaved', { time: new Date(status.lastSavedAt).toLocaleTimeString(i18n.lang) }) : '';
  return (
    <footer role="region" aria-label="sync status">
      {expanded && status && problems > 0 && (
        <div className={styles.details} data-testid="sync-details">
          {status.conflicts.map((c) => (
            <Text size={200} key={`c${c.lineId}${c.field}`} className={styles.detail}>
              {t('sync.conflictDetail', {
                item: c.itemNo,
                field: fieldLabel(c.field, t, i18n.lang),
                mine: formatCellValue(c.mine),
                theirs: formatCellValue(c.theirs),
              })}
            </Text>
          ))}
          {status.rejected.map((r) => (
            <Text size={200} key={`r${r.lineId}${r.field}`} className={styles.detail}>
              {t('sync.rejectedDetail', { item: r.itemNo, field: fieldLabel(r.field, t, i18n.lang), value: formatCellValue(r.value), message: r.message })}
            </Text>
          ))}
          {onDismissConflicts && status.conflicts.length > 0 && (
            <Button size="small" appearance="subtle" onClick={onDismissConflicts}>
              {t('common.dismiss')}
            </Button>
          )}
        </div>
      )}
      <div className={styles.bar}>
        {status && <Icon status={status} />}
        <Tooltip content={saved || text} relationship="description">
          <Text
            size={200}
            className={mergeClasses(styles.text, status?.kind === 'error' && styles.error)}
            role="status"
            aria-live="polite"
            data-testid="sync-status"
            data-kind={status?.kind ?? 'idle'}
          >
            {text}
          </Text>
        </Tooltip>
        {problems > 0 && (
          <Button size="small" appearance="subtle" onClick={onToggle}>
            {expanded ? t('co.hide') : t('co.review')}
          </Button>
        )}
        {onRetry && status && ['sync.offline', 'sync.retrying', 'sync.error'].includes(status.key) && (
          <Button size="small" appearance="subtle" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </div>
    </footer>
  );
}
