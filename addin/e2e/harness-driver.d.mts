// Types of harness-driver.mjs for the TypeScript e2e tests.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumMissingReason(): string | null;

export type LaunchedBrowser = {
  browser: Browser;
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  close: () => Promise<void>;
};
export declare function launchBrowser(): Promise<LaunchedBrowser>;

export type StatusEntry = { text: string; kind: string; at: number };
export declare function openHarness(
  context: BrowserContext,
  options: { baseUrl: string; token: string | null; invoiceId?: string | null; lang?: string; waitSaved?: boolean },
): Promise<Page>;
export declare function recordStatuses(page: Page): Promise<void>;
export declare function statusLog(page: Page): Promise<StatusEntry[]>;
export declare function currentStatus(page: Page): Promise<{ text: string; kind: string }>;
export declare function waitForStatus(
  page: Page,
  predicate: (s: { text: string; kind: string }) => boolean,
  timeoutMs?: number,
  holdMs?: number,
): Promise<{ text: string; kind: string }>;
/** project → contract → invoice through the pane's screens; the selected invoice card */
export declare function pickInvoice(page: Page, options: { project?: string | null; contract: string; invoiceNo: number }): Promise<Locator>;
export declare function selectCell(page: Page, sheet: string, a1: string): Promise<void>;
export declare function extendSelectionTo(page: Page, sheet: string, a1: string): Promise<void>;
/** returns the page's performance.now() at the paste */
export declare function pasteTsv(page: Page, sheet: string, a1: string, text: string): Promise<number>;
export declare function cellValue(page: Page, sheet: string, a1: string): Promise<string | number | boolean | null>;
export declare function api<T = any>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T>;
export declare function createLargeInvoice(options: {
  baseUrl: string;
  token: string;
  projectId: string;
  lines: number;
  title?: string;
}): Promise<{ contractId: string; invoiceId: string }>;
