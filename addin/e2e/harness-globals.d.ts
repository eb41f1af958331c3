// What the harness page exposes on window (addin/harness/main.tsx), for page.evaluate() callbacks
// in the e2e tests and the .mjs driver.
export {};

declare global {
  /** the harness's handle on its in-memory workbook (addin/harness/main.tsx) */
  interface Window {
    __workbook: {
      book: { settings: Map<string, unknown> };
      stats: {
        syncCount: number;
        maxRequestBytes: number;
        /** one record per context.sync(): queued operations and request bytes (workbook-double/context.ts) */
        requests: { ops: number; requestBytes: number; responseBytes: number }[];
        cellsWritten?: Record<string, number>;
        rowsWritten?: Record<string, number[]>;
      };
      resetStats(): void;
      sheetNames(): string[];
      /** values computed; formulas: the formula, or null for a constant (workbook-double/snapshot.ts) */
      getSheetSnapshot(name: string): { values: unknown[][]; formulas: Array<Array<string | null>> };
    };
    /** status-line changes recorded by addin/e2e/harness-driver.mjs recordStatuses() */
    __statusLog?: { text: string; kind: string; at: number }[];
  }
}
