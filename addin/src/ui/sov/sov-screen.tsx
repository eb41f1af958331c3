// The contract's schedule of values in the pane. While the contract is a draft: import it from a
// selected range, edit it on a sheet the pane writes ("Edit in a sheet" → change rows in Excel →
// "Save from sheet", the same checks as an import), and approve the contract. Once approved the
// lines are shown read-only: from then on they change only through change orders.
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import * as contractRoutes from '@shared/api/routes/contracts';
import type { TSovView } from '@shared/api/contract-views';
import type { ApiClient, Contract } from '../../api';
import { BlockReadError } from '../../excel/read-block';
import { sheetNamed, writeSovSheet } from '../../excel/sov-sheet';
import { useI18n, useLabels } from '../../i18n/i18n-context';
import { ErrorBar } from '../error-bar';
import { errorText } from '../workspace/error-text';
import { sovLabels } from './labels';
import { SovImportPanel } from './sov-import-panel';
import { SovLines } from './sov-lines';
import { sovSheetRows } from './sov-sheet-rows';
import { useSovImport } from './use-sov-import';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type SovScreenProps = { api: ApiClient; contract: Contract; onContractChanged: (c: Contract) => void };

export function SovScreen({ api, contract, onContractChanged }: SovScreenProps) {
  const L = useLabels(sovLabels);
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [sov, setSov] = useState<TSovView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isApproving, setApproving] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const isDraft = contract.status === 'draft';
  const sheetName = L.sheetName(contract.number);
  const imp = useSovImport({ api, contractId: contract.id, method: contract.accountingMethod, defaultNotation: lang });

  const load = useCallback(() => {
    api.getSov(contract.id).then(setSov, (e: unknown) => setError(errorText(e, t)));
  }, [api, contract.id, t]);
  useEffect(load, [load]);
  // "Save from sheet" is offered when the sheet is there (written earlier, or in a previous session).
  useEffect(() => {
    if (isDraft) void sheetNamed(sheetName).then((has) => setSheet(has ? sheetName : null), () => setSheet(null));
  }, [isDraft, sheetName]);

  const fail = (e: unknown) => setError(e instanceof BlockReadError ? e.message : errorText(e, t));
  const guard = async (run: () => Promise<void>) => {
    setError(null);
    setDone(null);
    try {
      await run();
    } catch (e) {
      fail(e);
    }
  };

  async function saved(result: TSovView | null) {
    if (!result) return;
    setSov(result);
    setDone(L.imported(result.lines.length));
    imp.clear();
    onContractChanged(await api.call(contractRoutes.getContract, { param: { id: contract.id } }));
  }

  const readSelection = () => guard(() => imp.read({ kind: 'selection' }));
  const importLines = () => guard(async () => saved(await imp.importLines()));
  const saveFromSheet = () => guard(async () => saved(await imp.saveFromSheet(sheetName)));
  const editInSheet = () =>
    guard(async () => {
      if (!sov) return;
      const { columns, rows } = sovSheetRows(sov, contract.accountingMethod, L);
      await writeSovSheet(sheetName, columns, rows);
      setSheet(sheetName);
    });
  const approve = () =>
    guard(async () => {
      setApproving(true);
      try {
        onContractChanged(await api.call(contractRoutes.approveContract, { param: { id: contract.id } }));
        load();
      } finally {
        setApproving(false);
      }
    });

  const readError = imp.readError ? (imp.readError instanceof BlockReadError ? imp.readError.message : errorText(imp.readError, t)) : null;
  return (
    <div className={styles.screen} data-testid="sov-screen">
      <Text size={400} weight="semibold">
        {L.title}
      </Text>
      <Text className={styles.muted} data-testid="sov-status-note">
        {isDraft ? L.draftNote : L.approvedNote}
      </Text>
      {isDraft && (
        <>
          <Text size={200}>{L.hint}</Text>
          <div className={styles.actions}>
            <Button appearance={imp.setup ? 'secondary' : 'primary'} disabled={imp.isBusy} onClick={readSelection} data-testid="sov-read-selection">
              {imp.setup ? L.readAgain : L.readSelection}
            </Button>
            {sov && sov.lines.length > 0 && (
              <Button disabled={imp.isBusy} onClick={editInSheet} data-testid="sov-edit-in-sheet">
                {L.editInSheet}
              </Button>
            )}
            {sheet && (
              <Button disabled={imp.isBusy} onClick={saveFromSheet} data-testid="sov-save-from-sheet">
                {L.saveFromSheet}
              </Button>
            )}
            {imp.isBusy && <Spinner size="tiny" label={L.reading} />}
          </div>
          {sheet && <Text size={200}>{L.sheetHint(sheet)}</Text>}
          <ErrorBar message={readError} />
          <SovImportPanel imp={imp} method={contract.accountingMethod} onImport={importLines} />
        </>
      )}
      {done && (
        <MessageBar intent="success" data-testid="sov-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar message={error} />
      {sov && <SovLines sov={sov} method={contract.accountingMethod} />}
      {isDraft && (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={isApproving || imp.isBusy} onClick={approve} data-testid="sov-approve">
            {isApproving ? L.approving : L.approve}
          </Button>
        </div>
      )}
    </div>
  );
}
