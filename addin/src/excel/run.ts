// Every Excel.run of the add-in goes through here. The add-in works in the background while the
// user types, so each batch asks Excel to wait for cell-edit mode to end instead of failing:
// "When false [the default], if the user is in cell edit when the batch request is processed by
// the host, the batch automatically fails. When true, … the batch request is delayed until the
// user exits cell edit mode." (Excel.RunOptions.delayForCellEdit,
// https://learn.microsoft.com/javascript/api/excel/excel.runoptions). Hosts that still report
// InvalidOperationInCellEditMode (OfficeDev/office-js#625, #3388, #3323) are retried with backoff;
// a batch is safe to re-run because every one of them writes absolute values, never increments.

const CELL_EDIT = 'InvalidOperationInCellEditMode';
const RETRY_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

export const isCellEditError = (e: unknown) => (e as { code?: string } | null)?.code === CELL_EDIT;

/** Excel.run with delayForCellEdit, retried while Excel still says the user is editing a cell. */
export async function runBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>, retryMs: readonly number[] = RETRY_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      if (!isCellEditError(e) || attempt >= retryMs.length) throw e;
      await new Promise((r) => setTimeout(r, retryMs[attempt]));
    }
  }
}
