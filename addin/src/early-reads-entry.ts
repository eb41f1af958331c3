// index.html's first script (a separate small chunk, addin/build/early-entries.ts): starts the
// pane's first reads (api/early-reads.ts) while the main bundle is still being fetched and
// compiled. Desktop Excel, Excel on the web and Mac all run this page: Office.onReady must have
// fired before the workbook can be read (Excel.run) and before the token's storage key is known
// (auth/credentials.ts partitions it by Office.context.partitionKey), so the reads start there;
// main.tsx waits for the same Office.onReady before it renders anything.
import { startEarlyReads } from './api/early-reads';
import { loadCredentials } from './ui/auth/credentials';
import { invoicesInWorkbook } from './ui/workspace/workbook-invoices';

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    // no token stored: nothing is read, the pane shows sign-in
    const credentials = loadCredentials();
    // the pane reconnects to the invoice the workbook last synced (app.tsx): read that one
    if (credentials)
      startEarlyReads(
        credentials,
        invoicesInWorkbook().then((list) => list[0]?.invoiceId ?? null),
      );
  });
}
