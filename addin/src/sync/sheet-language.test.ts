// A session on sheets in another language than English, and a co-author whose add-in shows
// another language: the labels follow the pane that first wrote the sheets, edits still reach the
// right line and field (columns are found by header text: excel/locate.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { FakeServer } from '../api/fake-server';
import { rangeA1 } from '../excel/a1';
import { installWorkbookDouble } from '../workbook-double';
import { type Setup, setup, specOf, waitFor } from './test-harness';

let t: Setup | null = null;
afterEach(async () => {
  await t?.session.close();
  t?.wb.uninstall();
  t = null;
});

const headerOf = (s: Setup, key: string) => s.wb.getSheetSnapshot(s.info.g703Sheet).values[s.info.headerRow][s.info.columns.find((c) => c.key === key)!.index];

describe('sheets in the pane’s language', () => {
  it('a pane in Spanish writes Spanish labels; an edit is saved; the provisional notice is Spanish', async () => {
    t = await setup({ wb: installWorkbookDouble({ displayLanguage: 'es-ES' }), session: { locale: 'es' } });
    expect(headerOf(t, 'thisPeriod')).toBe('E · Obra ejecutada este período');
    expect(t.wb.getSheetSnapshot(t.info.g702Sheet).values[0][0]).toBe('SOLICITUD Y CERTIFICADO DE PAGO (AIA G702)');
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2'), [['1234,5']]);
    await t.settle();
    expect(t.server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L2', workCompletedThisPeriod: 1234.5 }] }]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L3'), [['5%']]);
    await t.settle('error');
    expect(t.wb.getSheetSnapshot(t.info.g702Sheet).values[1][0]).toMatch(/^PROVISIONAL: celdas de la hoja G703 \(1 rechazada\);/);
  });

  it('reopened from an English pane, sheets first written in French stay French and edits are saved', async () => {
    const server = new FakeServer(specOf(10));
    t = await setup({ server, session: { locale: 'fr' } });
    await t.session.close();
    const wb = t.wb;
    t = null;
    t = await setup({ server, wb, session: { locale: 'en' } });
    expect(t.info.locale).toBe('fr');
    expect(headerOf(t, 'stored')).toBe('F · Matériaux actuellement stockés (hors D et E)');
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L4', 'stored'), [[40]]);
    await t.settle();
    expect(server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L4', materialsPresentlyStored: 40 }] }]);
  });

  it("a co-author's Spanish add-in redraws the header row in Spanish: this English session still saves to the right field", async () => {
    t = await setup();
    const es = [
      'A · N.º de partida',
      'B · Descripción de la obra',
      'C · Valor programado',
      'D · De la solicitud anterior (D+E)',
      'E · Obra ejecutada este período',
    ];
    // Remote: arrives through co-authoring, the add-in never sends it (session-sheet.ts RemoteValues)
    await t.wb.setValuesAsRemote(t.info.g703Sheet, rangeA1(t.info.headerRow, 0, t.info.headerRow, es.length - 1), [es]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L5'), [[55]]);
    await t.settle();
    expect(t.server.patches().map((p) => p.body)).toEqual([{ edits: [{ lineId: 'L5', workCompletedThisPeriod: 55 }] }]);
    expect(t.statuses.some((s) => /Column headers/.test(s.message))).toBe(false);
  });
});

describe('messages in the sheet’s and the pane’s language', () => {
  it('a conflict note on sheets first written in Spanish is Spanish, also for an English pane', async () => {
    const server = new FakeServer(specOf(10));
    t = await setup({ server, session: { locale: 'es' } });
    await t.session.close();
    const wb = t.wb;
    t = null;
    t = await setup({ server, wb, session: { locale: 'en' } });
    t.server.editAsOtherUser('L1', { workCompletedThisPeriodCents: 11_100 });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L1'), [[999]]);
    await t.settle('conflict');
    expect(t.wb.getSheetSnapshot(t.info.g703Sheet).notes[t.cellOf('L1')]).toBe(
      'Progress Billing: Otra persona lo cambió a 111 mientras su cambio (999) aún no se había guardado. Vuelva a escribir el suyo si debe prevalecer.',
    );
  });

  it('a French pane says in French which column header is missing, quoted as the sheet shows it', async () => {
    t = await setup({ session: { locale: 'fr', terms: null } });
    t.wb.unprotectAsUser(t.info.g703Sheet);
    const e = t.info.columns.find((c) => c.key === 'thisPeriod')!.letter;
    const header = headerOf(t, 'thisPeriod');
    await t.wb.setValuesAsUser(t.info.g703Sheet, `${e}${t.info.headerRow + 1}`, [['Mes notes']]);
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L4', 'stored'), [[55]]);
    await waitFor(() => t!.statuses.some((s) => s.message.startsWith('En-têtes')), 'column message');
    expect(t.statuses.find((s) => s.message.startsWith('En-têtes'))!.message).toBe(
      `En-têtes de colonne introuvables : "${header}". Rien n’est lu ni écrit dans cette colonne ; rétablissez l’en-tête ou cliquez sur Actualiser pour redessiner la feuille.`,
    );
  });

  it('a Spanish pane says in Spanish that a typed-over computed cell was put back', async () => {
    t = await setup({ session: { locale: 'es' } });
    await t.wb.setValuesAsUser(t.info.g703Sheet, t.cellOf('L2', 'total'), [[1]]);
    await waitFor(() => t!.last().message.includes('restableció'), 'restore message');
    expect(t.last().message).toBe('G · Total ejecutado y almacenado a la fecha (D+E+F) se calcula: se restableció la celda.');
    expect(t.server.patches()).toHaveLength(0);
  });
});
