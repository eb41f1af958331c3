import { describe, expect, it } from 'vitest';
import { en } from './en';
import { toLocale } from '@shared/i18n/locales';
import { detectLang, formatDate, translate, translatePlural } from './index';

describe('labels', () => {
  // every key in es/fr with the same placeholders: addin/src/i18n/catalogues.test.ts
  it('every plural key has both forms', () => {
    const keys = Object.keys(en);
    for (const k of keys.filter((x) => x.endsWith('_one'))) expect(keys).toContain(k.replace(/_one$/, '_other'));
  });

  it('fills placeholders and picks plural forms per language', () => {
    expect(translate('en', 'picker.invoiceNo', { number: 3 })).toBe('Invoice #3');
    expect(translatePlural('en', 'sync.pending', 1)).toBe('1 edit not yet saved');
    expect(translatePlural('en', 'sync.savingCells', 5000)).toBe('Saving 5,000 cells…');
    expect(translatePlural('es', 'co.notice', 2)).toBe('2 órdenes de cambio aprobadas desde que se creó esta factura');
    // French treats 0 and 1 as singular
    expect(translatePlural('fr', 'sync.pending', 0)).toBe('0 modification pas encore enregistrée');
  });

  it('formats calendar dates without shifting (money: shared/money.test.ts)', () => {
    expect(formatDate('en', '2026-10-31')).toBe('Oct 31, 2026');
    expect(formatDate('en', null)).toBe('—');
  });

  it('follows Office display language first, then the browser', () => {
    expect(toLocale('es-MX')).toBe('es');
    expect(toLocale('de-DE')).toBeNull();
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: 'fr-FR' } };
    try {
      expect(detectLang()).toBe('fr');
    } finally {
      delete g.Office;
    }
  });
});
