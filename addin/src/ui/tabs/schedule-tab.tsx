import { Field, Input, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import type { ColumnView, RowHeight } from '../workspace/workbook-controls';
import { ColumnChooser } from './column-chooser';
import type { TabContext, TabDefinition } from './tab-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  totals: { display: 'grid', gridTemplateColumns: '1fr auto', rowGap: tokens.spacingVerticalXXS, fontVariantNumeric: 'tabular-nums' },
  label: { color: tokens.colorNeutralForeground3 },
  strong: { fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  num: { textAlign: 'right' },
});

const SEARCH_DELAY_MS = 250;

function SchedulePanel({ view, workbook, i18n }: TabContext) {
  const { t } = i18n;
  const styles = useStyles();
  const [text, setText] = useState(workbook.searchText);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Filter as the user types, but one sheet update per pause, not per keystroke.
  useEffect(() => {
    if (text === workbook.searchText) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void workbook.search(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [text, workbook]);

  const g = view.g702;
  // The server's figures (the truth); the G702 sheet shows the same lines as live formulas.
  const figures: Array<[number, number]> = [
    [1, g.line1OriginalContractSumCents],
    [2, g.line2NetChangeByChangeOrdersCents],
    [3, g.line3ContractSumToDateCents],
    [4, g.line4TotalCompletedAndStoredCents],
    [5, g.line5TotalRetainageCents],
    [6, g.line6TotalEarnedLessRetainageCents],
    [7, g.line7PreviousCertificatesCents],
    [8, g.line8CurrentPaymentDueCents],
    [9, g.line9BalanceToFinishInclRetainageCents],
  ];

  return (
    <div className={styles.root}>
      <Field label={t('schedule.search')}>
        <Input
          type="search"
          name="search"
          contentBefore={<SearchRegular />}
          placeholder={t('schedule.searchPlaceholder')}
          value={text}
          onChange={(_, d) => setText(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              clearTimeout(timer.current);
              void workbook.search(text);
            }
          }}
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('schedule.view')}>
          <Select name="columnView" value={workbook.columnView} onChange={(_, d) => void workbook.setColumnView(d.value as ColumnView)}>
            <option value="standard">{t('schedule.view.standard')}</option>
            <option value="compact">{t('schedule.view.compact')}</option>
            <option value="all">{t('schedule.view.all')}</option>
          </Select>
        </Field>
        <Field label={t('schedule.rowHeight')}>
          <Select name="rowHeight" value={workbook.rowHeight} onChange={(_, d) => void workbook.setRowHeight(d.value as RowHeight)}>
            <option value="compact">{t('schedule.rowHeight.compact')}</option>
            <option value="normal">{t('schedule.rowHeight.normal')}</option>
            <option value="tall">{t('schedule.rowHeight.tall')}</option>
          </Select>
        </Field>
      </div>
      <Switch checked={workbook.isGrouped} label={t('schedule.grouped')} onChange={(_, d) => void workbook.setGrouped(d.checked)} />
      <ColumnChooser method={view.contract.accountingMethod} workbook={workbook} />
      <div className={styles.totals} data-testid="g702-figures">
        {figures.map(([line, cents]) => (
          <span key={line} style={{ display: 'contents' }}>
            <Text size={200} className={styles.label}>{`${line}. ${t(`g702.line${line}` as MessageKey)}`}</Text>
            <Text size={200} className={line === 8 ? styles.strong : styles.num} data-g702-line={line}>
              {i18n.money(cents)}
            </Text>
          </span>
        ))}
      </div>
    </div>
  );
}

export const scheduleTab: TabDefinition = {
  id: 'schedule',
  order: 10,
  label: ({ t }) => t('tab.schedule'),
  render: (ctx) => <SchedulePanel {...ctx} />,
};
