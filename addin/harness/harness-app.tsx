// The harness page: the in-memory workbook as grids (one tab per sheet) beside the SAME task pane
// that runs in Excel. Someone without Excel can try every flow here; the e2e tests drive it.
import { FluentProvider, Select, Text, Tooltip, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookDouble } from '../src/workbook-double';
import { parseA1, rangeA1 } from '../src/excel/a1';
import { languageNames } from '../src/i18n';
import type { Lang } from '../src/i18n';
import { TaskPane } from '../src/ui/app';
import { SheetGrid } from './sheet-grid';

type Props = { double: WorkbookDouble; lang: Lang; invoiceId: string | null };

/** Re-reads the workbook when the add-in syncs or the active sheet changes (polled per frame: cheap). */
function useWorkbookVersion(double: WorkbookDouble): [number, string | null, () => void] {
  const [version, setVersion] = useState(0);
  const [active, setActive] = useState<string | null>(null);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let frame = 0;
    let seen = '';
    const tick = () => {
      const signature = `${double.stats.syncCount}|${double.book.sheets.length}|${double.book.activeSheet?.name ?? ''}`;
      if (signature !== seen) {
        seen = signature;
        setActive(double.book.activeSheet?.name ?? null);
        bump();
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [double, bump]);
  return [version, active, bump];
}

export function HarnessApp({ double, lang, invoiceId }: Props) {
  const [version, activeSheet, bump] = useWorkbookVersion(double);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const names = double.sheetNames();

  // Follow the add-in when it activates a sheet (opening an invoice shows its G703).
  useEffect(() => {
    if (activeSheet) setSheetName(activeSheet);
  }, [activeSheet]);
  const shown = sheetName && names.includes(sheetName) ? sheetName : (names[0] ?? null);

  const onWrite = useCallback(
    (error: string | null) => {
      bump();
      setMessage(error);
    },
    [bump],
  );

  const maxKb = Math.round(double.stats.maxRequestBytes / 1024);
  // Data ▸ Sort Z→A on the shown sheet's table, by the column of the selected cell: what users do in
  // Excel, and why the add-in maps rows by line id (excel/locate.ts).
  const sortDescending = () => {
    const table = double.book.tables.find((t) => t.sheet.name === shown);
    const sel = double.book.selection;
    if (!table || !shown) {
      setMessage('No table on this sheet to sort');
      return;
    }
    const col = sel && sel.sheet === shown ? parseA1(sel.address).start.col : table.box.c0;
    const body = rangeA1(table.box.r0 + 1, table.box.c0, table.box.r1, table.box.c1);
    double.sortAsUser(shown, body, Math.max(0, col - table.box.c0), true).then(
      () => onWrite(null),
      (e: unknown) => onWrite(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    // The layout class sits on an inner div: Fluent copies the provider's className onto its portal
    // mount nodes (tooltips), which would then cover the page.
    <FluentProvider theme={webLightTheme}>
      <div className="hx-app">
        <header className="hx-top">
          <img src="/assets/icons/icon-32.png" width={20} height={20} alt="" />
          <Text weight="semibold">Progress Billing · workbook harness</Text>
          <Text size={200} className="hx-muted">
            in-memory Excel, same task pane as in Excel
          </Text>
          <span className="hx-spacer" />
          <Tooltip
            content="Excel requests so far (context.sync calls) and the largest request payload (Excel on the web refuses > 5 MB)"
            relationship="description"
          >
            <Text size={200} className="hx-muted" data-testid="double-stats">{`${double.stats.syncCount} syncs · max ${maxKb} KB`}</Text>
          </Tooltip>
          <Tooltip content="Data ▸ Sort Z→A: sorts the table on this sheet by the selected cell's column, as a user can in Excel" relationship="description">
            <button type="button" className="hx-tab" data-testid="sort-desc" onClick={sortDescending}>
              Sort Z→A
            </button>
          </Tooltip>
          <Select
            size="small"
            aria-label="Language"
            value={lang}
            onChange={(_, d) => {
              const u = new URL(location.href);
              u.searchParams.set('lang', d.value);
              location.href = u.toString();
            }}
          >
            {(Object.keys(languageNames) as Lang[]).map((l) => (
              <option key={l} value={l}>
                {languageNames[l]}
              </option>
            ))}
          </Select>
        </header>
        <div className="hx-main">
          <section className="hx-workbook" aria-label="Workbook">
            {shown ? (
              <SheetGrid key={shown} double={double} sheetName={shown} version={version} onWrite={onWrite} />
            ) : (
              <div className="hx-empty">
                <Text size={400} weight="semibold">
                  The workbook is empty
                </Text>
                <Text>Sign in on the right, pick an invoice and choose “Open in workbook”: its G703 and G702 sheets appear here.</Text>
              </div>
            )}
            {message && (
              <div className="hx-toast" role="alert" onClick={() => setMessage(null)}>
                {message}
              </div>
            )}
            <nav className="hx-tabs" aria-label="Sheets">
              {names.map((n) => (
                <button
                  key={n}
                  type="button"
                  className={`hx-tab${n === shown ? ' hx-tab-active' : ''}`}
                  onClick={() => setSheetName(n)}
                  data-testid={`sheet-tab-${n}`}
                >
                  {n}
                </button>
              ))}
              {/* Excel's "New sheet" (+): where a user pastes an export from another workbook */}
              <button
                type="button"
                className="hx-tab"
                title="New sheet"
                data-testid="add-sheet"
                onClick={() => {
                  setSheetName(double.addSheetAsUser());
                  bump();
                }}
              >
                +
              </button>
            </nav>
          </section>
          <aside className="hx-pane" aria-label="Task pane">
            <div className="hx-pane-title">Progress Billing</div>
            <div className="hx-pane-body">
              <TaskPane lang={lang} initialInvoiceId={invoiceId} />
            </div>
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
