// Reading the selected block through the workbook double: trimmed to the used cells, refused for
// several areas or empty cells, and read in chunks that each stay under Excel on the web's 5 MB.
import { afterEach, describe, expect, it } from 'vitest';
import { installWorkbookDouble, REQUEST_LIMIT_BYTES, type WorkbookDouble } from '../workbook-double';
import { BlockReadError, readBlock } from './read-block';
import { writeSovSheet } from './sov-sheet';

let wb: WorkbookDouble;
afterEach(() => wb?.uninstall());

describe('readBlock', () => {
  it('reads the selection on any sheet with values, types, formats and shown text', async () => {
    wb = installWorkbookDouble();
    const sheet = wb.addSheetAsUser('Export');
    await wb.setValuesAsUser(sheet, 'B3', [
      ['Item', 'Description', 'Amount'],
      ['001', 'Dig', '1,234.50'],
      ['002', 'Pour', '5%'],
    ]);
    wb.select(sheet, 'B3:D4');
    const block = await readBlock({ kind: 'selection' });
    expect(block).toMatchObject({ sheet: 'Export', address: 'B3:D4', top: 2, left: 1 });
    // typed into en-US Excel, "001" becomes the number 1 and "1,234.50" the number 1234.5 (Excel's own conversion)
    expect(block.values).toEqual([
      ['Item', 'Description', 'Amount'],
      [1, 'Dig', 1234.5],
    ]);
    expect(block.types[1]).toEqual(['Double', 'String', 'Double']);
    wb.select(sheet, 'D5');
    const pct = await readBlock({ kind: 'selection' });
    expect(pct.values).toEqual([[0.05]]);
    expect(pct.numberFormats).toEqual([['0%']]);
  });

  it('trims whole columns to the used cells and refuses an empty or multi-area selection', async () => {
    wb = installWorkbookDouble();
    const sheet = wb.addSheetAsUser();
    await wb.setValuesAsUser(
      sheet,
      'A2',
      [
        ['x', 1],
        ['y', 2],
      ],
      { isTyped: false },
    );
    wb.select(sheet, 'A:C');
    expect((await readBlock({ kind: 'selection' })).address).toBe('A2:B3');
    wb.select(sheet, 'F10:G12');
    await expect(readBlock({ kind: 'selection' })).rejects.toMatchObject({ problem: 'EMPTY' });
    wb.select(sheet, 'A2:A3,B2');
    const err = await readBlock({ kind: 'selection' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockReadError);
    expect(err).toMatchObject({ problem: 'NOT_ONE_AREA' });
    expect((err as BlockReadError).messageIn('fr')).toMatch(/^Excel n’a pas pu lire la sélection comme un seul bloc \(.+\)$/);
    wb.select(sheet, 'F10:G12');
    const empty = (await readBlock({ kind: 'selection' }).catch((e: unknown) => e)) as BlockReadError;
    expect([empty.message, empty.messageIn('es')]).toEqual(['The selected cells are empty', 'Las celdas seleccionadas están vacías']);
  });

  it('reads 5,001 rows × 8 columns in several syncs, each response under 5 MB, every value intact', async () => {
    wb = installWorkbookDouble();
    const sheet = wb.addSheetAsUser('Big');
    const rows = Array.from({ length: 5_001 }, (_, i) => [
      `I${i}`,
      `CC-${i % 50}`,
      `Description of work item ${i} `.repeat(8),
      i * 100 + 0.25,
      `Area ${i % 40}`,
      'ea',
      i,
      '',
    ]);
    await wb.setValuesAsUser(sheet, 'A1', rows, { isTyped: false });
    wb.select(sheet, 'A1:H5001');
    wb.resetStats();
    const block = await readBlock({ kind: 'selection' });
    expect(block.values.length).toBe(5_001);
    // column H holds only '' : the used range (values only) ends at G, as in Excel
    expect(block.address).toBe('A1:G5001');
    expect(block.values[4_321]).toEqual(rows[4_321]!.slice(0, 7));
    expect(wb.stats.maxResponseBytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(block.syncs).toBe(wb.stats.syncCount);
    expect(wb.stats.syncCount).toBeGreaterThan(3);
  });

  it('halves a chunk that Excel refuses as too large and still reads everything', async () => {
    wb = installWorkbookDouble();
    const sheet = wb.addSheetAsUser('Wide');
    // 200 rows × 50 columns of 1,000-character text: the first 10,000-cell chunk is ~20 MB
    const rows = Array.from({ length: 200 }, (_, i) => Array.from({ length: 50 }, (_, j) => `${i}:${j}:`.padEnd(1_000, 'x')));
    await wb.setValuesAsUser(sheet, 'A1', rows, { isTyped: false });
    wb.select(sheet, 'A1:AX200');
    const block = await readBlock({ kind: 'selection' });
    expect(block.values.map((r) => r[49])).toEqual(rows.map((r) => r[49]));
    const refused = wb.stats.requests.filter((r) => r.responseBytes > REQUEST_LIMIT_BYTES);
    expect(refused.length).toBeGreaterThan(0);
    expect(block.syncs).toBe(wb.stats.syncCount);
  });

  it('reads back the sheet the pane wrote, headers and text item numbers included', async () => {
    wb = installWorkbookDouble();
    await writeSovSheet(
      'SOV #1',
      [
        { header: 'Item no.', format: '@' },
        { header: 'Scheduled value', format: '#,##0.00' },
      ],
      [
        ['001', 12.5],
        ['002', 7],
      ],
    );
    expect(wb.book.selection).toEqual({ sheet: 'SOV #1', address: 'A1:B3' });
    const block = await readBlock({ kind: 'sheet', name: 'SOV #1' });
    expect(block.values).toEqual([
      ['Item no.', 'Scheduled value'],
      ['001', 12.5],
      ['002', 7],
    ]);
    await expect(readBlock({ kind: 'sheet', name: 'Nope' })).rejects.toMatchObject({ problem: 'NO_SHEET' });
  });
});
