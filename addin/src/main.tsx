// The task pane's entry in Excel: office.js (loaded by index.html from Microsoft's CDN) calls
// Office.onReady, then the pane renders in Office's display language.
import { createRoot } from 'react-dom/client';
import { detectLang, translate } from './i18n';
import { TaskPane } from './ui/app';
import './ui/base.css';

const root = createRoot(document.getElementById('root')!);
const needsExcel = () => root.render(<p style={{ padding: 16 }}>{translate(detectLang(), 'app.needsExcel')}</p>);

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => {
    // index.html opened in a plain browser tab (or another Office app): no workbook to work on.
    if (info.host !== Office.HostType.Excel) needsExcel();
    else root.render(<TaskPane lang={detectLang()} />);
  });
} else {
  // office.js did not load (offline, blocked CDN, plain browser): point to the harness instead.
  needsExcel();
}
