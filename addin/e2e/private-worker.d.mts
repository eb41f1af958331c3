// Types of private-worker.mjs.
export declare const repoRoot: string;
export declare const E2E_INBOUND_WEBHOOK: { user: string; password: string };
export declare function freePort(): Promise<number>;
export declare function buildAddinInto(outDir: string): void;
export type DemoSeed = {
  projectId: string;
  primeContractId: string;
  invoiceIds: Record<string, string>;
  billingPeriodIds: string[];
  tokens: Record<string, string>;
};
export declare function startPrivateWorker(): Promise<{ baseUrl: string; demo: DemoSeed; stop: () => Promise<void>; output: () => string }>;
