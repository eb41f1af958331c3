// The contract's schedule of values in the pane. While the contract is a draft: import it from a
// selected range, edit it on a sheet the pane writes ("Edit in a sheet" → change rows in Excel →
// "Save from sheet", the same checks as an import), and approve the contract. Once approved the
// lines are shown read-only: from then on they change only through change orders.
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import * as contractRoutes from '@shared/api/routes/contracts';
import type { TSovView } from '@shared/api/contract-views';
import type { ContractTabContext } from '../contract/contract-tab-types';
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
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  status: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** The contract screen's "Schedule of values" tab (registered in ui/contract/contract-tabs.ts). */
export function SovScreen({ ctx }: { ctx: ContractTabContext }) {
  const { api, contract } = ctx;
  const L = useLabels(sovLabels);
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [sov, setSov] = useState<TSovView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isApproving, setApproving] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const isDraft = contract.status === 'draft';
  // only the contract tool's admins change a draft's SOV or approve it (the server checks it too)
  const canEdit = isDraft && ctx.isAdmin;
  const sheetName = L.sheetName(contract.number);
  const imp = useSovImport({ api, contractId: contract.id, method: contract.accountingMethod, defaultNotation: lang });

  const load = useCallback(() => {
    api.getSov(contract.id).then(setSov, (e: unknown) => setError(errorText(e, t)));
  }, [api, contract.id, t]);
  useEffect(load, [load]);
  // "Save from sheet" is offered when the sheet is there (written earlier, or in a previous session).
  useEffect(() => {
    if (canEdit)
      void sheetNamed(sheetName).then(
        (has) => setSheet(has ? sheetName : null),
        () => setSheet(null),
      );
  }, [canEdit, sheetName]);

  const fail = (e: unknown) => setError(e instanceof BlockReadError ? e.messageIn(lang) : errorText(e, t));
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
    await ctx.reloadContract();
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
        ctx.setContract(await api.call(contractRoutes.approveContract, { param: { id: contract.id } }));
        load();
      } finally {
        setApproving(false);
      }
    });

  const readError = imp.readError ? (imp.readError instanceof BlockReadError ? imp.readError.messageIn(lang) : errorText(imp.readError, t)) : null;
  return (
    <div className={styles.screen} data-testid="sov-screen">
      <div className={styles.status}>
        <Text className={styles.muted} data-testid="sov-status-note">
          {isDraft ? L.draftNote : L.approvedNote}
        </Text>
        {canEdit && (
          <Button disabled={isApproving || imp.isBusy} onClick={approve} data-testid="sov-approve">
            {isApproving ? L.approving : L.approve}
          </Button>
        )}
      </div>
      {done && (
        <MessageBar layout="multiline" intent="success" data-testid="sov-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <div data-testid="sov-error">
        <ErrorBar message={error} />
      </div>
      {canEdit && (
        <>
          <Text size={200}>{L.hint}</Text>
          <div className={styles.actions}>
            <Button appearance={imp.setup ? 'secondary' : 'primary'} disabled={imp.isBusy} onClick={readSelection} data-testid="sov-read-selection">
              {L.readSelection}
            </Button>
            {imp.setup && (
              <Button disabled={imp.isBusy} onClick={() => guard(imp.readAgain)} data-testid="sov-read-again">
                {L.readAgain}
              </Button>
            )}
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
      {sov && <SovLines sov={sov} method={contract.accountingMethod} />}
    </div>
  );
}
