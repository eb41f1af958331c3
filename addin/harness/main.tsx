// The harness entry (harness.html): installs the in-memory workbook as globalThis.Excel plus a
// minimal Office shim (no office.js, no network), then renders the grids and the task pane.
// URL parameters: ?lang=es|fr|en (else the browser's), ?invoice=<id> opens it after sign-in.
import { createRoot } from 'react-dom/client';
import { installWorkbookDouble } from '../src/workbook-double';
import { toLocale } from '@shared/i18n/locales';
import { detectLang } from '../src/i18n';
import { HarnessApp } from './harness-app';
import '../src/ui/base.css';
import './harness.css';

const params = new URLSearchParams(location.search);
const lang = toLocale(params.get('lang')) ?? detectLang();
const double = installWorkbookDouble({ displayLanguage: lang });
// Tests and the benchmark read the workbook through this handle (e.g. getSheetSnapshot, stats).
(globalThis as { __workbook?: typeof double }).__workbook = double;

createRoot(document.getElementById('root')!).render(<HarnessApp double={double} lang={lang} invoiceId={params.get('invoice')} />);
