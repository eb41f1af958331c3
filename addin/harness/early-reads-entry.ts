// harness.html's first script (a separate small chunk, addin/build/early-entries.ts): starts the
// pane's first reads (../src/api/early-reads.ts) for ?invoice= while the main bundle loads. The
// in-memory workbook is installed by main.tsx, later, and starts empty, so without ?invoice= the
// app looks for a bound invoice itself, as it does without early reads.
import { startEarlyReads } from '../src/api/early-reads';
import { loadCredentials } from '../src/ui/auth/credentials';

const credentials = loadCredentials();
if (credentials) {
  const invoiceId = new URLSearchParams(location.search).get('invoice');
  startEarlyReads(credentials, invoiceId ? Promise.resolve(invoiceId) : null);
}
