// What the global setup hands to the tests (vitest provide/inject).
export type E2eEnv = {
  /** set when the browser tests cannot run here: every test skips with this reason */
  skipReason: string | null;
  baseUrl: string;
  tokens: Record<string, string>;
  projectId: string;
  primeContractId: string;
  /** demo invoices 1–3 of the prime contract (3 is the editable draft) */
  invoiceIds: Record<string, string>;
  /** a 600-line draft invoice for the 500-cell paste */
  largeInvoiceId: string;
  /** a 5-line draft invoice the status-action test may submit and approve */
  statusInvoiceId: string;
  artifactsDir: string;
};

// Augmentations need interfaces (declaration merging); the rest of the code uses types.
declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}
