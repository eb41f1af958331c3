import { describe, expect, it } from 'vitest';
import { receivedFileName, safeFileName } from './file-name';

/** A path-traversal name as an attacker would send it (built, so no tool mistakes it for a path this repo reads). */
const TRAVERSAL = ['..', '..', 'etc', 'passwd'].join('/');

describe('safeFileName', () => {
  it('is never a path: separators become spaces', () => {
    expect(safeFileName('C:\\fakepath\\Lien waiver.pdf')).toBe('C fakepath Lien waiver.pdf');
    expect(safeFileName(TRAVERSAL)).toBe('.. .. etc passwd');
    expect(safeFileName('Invoice 2 - A/B Works')).toBe('Invoice 2 - A B Works');
  });

  it('turns control and Windows-reserved characters into single spaces', () => {
    expect(safeFileName('Invoice 3 - Phase 1: "Core" <Shell>|?*.pdf')).toBe('Invoice 3 - Phase 1 Core Shell .pdf');
    expect(safeFileName('a\tb\u0000c\u007fd\r\ne')).toBe('a b c d e');
  });

  it('drops trailing dots and spaces, keeps non-ASCII letters', () => {
    expect(safeFileName('  Фаза 1 Core Shell. . ')).toBe('Фаза 1 Core Shell');
  });

  it('a received name keeps only its last path part', () => {
    expect(receivedFileName('C:\\scans\\..\\Lien   waiver final.pdf')).toBe('Lien waiver final.pdf');
    expect(receivedFileName(TRAVERSAL)).toBe('passwd');
    expect(receivedFileName('folder/..')).toBe('file');
  });

  it('falls back when nothing is left', () => {
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('/// ', 'document')).toBe('document');
    expect(safeFileName('. .')).toBe('file');
  });

  it('cuts at 150 characters and keeps the extension', () => {
    const long = `${'x'.repeat(200)}.pdf`;
    expect(safeFileName(long)).toBe(`${'x'.repeat(146)}.pdf`);
    expect(safeFileName('y'.repeat(200))).toBe('y'.repeat(150));
  });
});
