import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../src/services/send-batches/csv';
import { defaultSubjectTemplate, renderSubject, unknownPlaceholders } from '../src/services/send-batches/subject-template';
import { withTestBanner } from '../src/services/send-batches/test-banner';

const values = {
  invoiceNumber: '3',
  contractNumber: '1',
  contractTitle: 'Harbor Point',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  dueDate: '2026-11-10',
  project: 'Harbor Point Medical Office',
  projectNumber: '2026-014',
};

describe('results CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Gómez, María')).toBe('"Gómez, María"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
    // Excel with ";" as list separator (es-ES, fr-FR) splits there: quoted, and each part that would start a cell defused
    expect(csvField('Ruiz;+1+1')).toBe(`"Ruiz;'+1+1"`);
    expect(csvField("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvField('a\t-2+3')).toBe(`"a\t'-2+3"`);
    expect(csvField('Gómez; María')).toBe('"Gómez; María"');
  });
});

describe('subject templates', () => {
  it('fills every placeholder, tolerates spaces in braces, keeps one header line', () => {
    expect(
      renderSubject(
        'Pay app {invoiceNumber} / {contractTitle} ({ periodStart }–{periodEnd}) due {dueDate}\r\n{project} {projectNumber} #{contractNumber}',
        values,
      ),
    ).toBe('Pay app 3 / Harbor Point (2026-10-01–2026-10-31) due 2026-11-10 Harbor Point Medical Office 2026-014 #1');
    expect(unknownPlaceholders('{invoiceNumber} {amount} {amount} {}')).toEqual(['amount', '']);
  });

  it('defaults to the single-send subject in each language', () => {
    expect(renderSubject(defaultSubjectTemplate('en'), values)).toBe('Invoice #3 for Prime Contract #1 – 2026-10-01 – 2026-10-31');
    expect(renderSubject(defaultSubjectTemplate('es-MX'), values)).toBe('Factura n.º 3 del contrato principal n.º 1 – 2026-10-01 – 2026-10-31');
    expect(unknownPlaceholders(defaultSubjectTemplate('fr'))).toEqual([]);
  });
});

describe('the test banner', () => {
  it('goes right after <body> and on top of the text, escaped', () => {
    const out = withTestBanner({ html: '<html><body style="x"><p>Hi</p></body></html>', text: 'Hi' }, 'en', { recipient: 'Ana <a@x.com>', batchName: 'Oct' });
    expect(out.html).toMatch(
      /^<html><body style="x"><div [^>]+>TEST — this is the message Ana &lt;a@x\.com&gt; will receive from the send batch &quot;Oct&quot;\./,
    );
    expect(out.html.endsWith('<p>Hi</p></body></html>')).toBe(true);
    expect(out.text.split('\n')[0]).toBe(
      '*** TEST — this is the message Ana <a@x.com> will receive from the send batch "Oct". Only you received this test; replies to it are not filed on the invoice. ***',
    );
  });
});
