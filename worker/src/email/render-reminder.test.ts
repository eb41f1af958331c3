import { describe, expect, it } from 'vitest';
import { renderReminder, type ReminderInput } from './render-reminder';

const input: ReminderInput = {
  locale: 'en',
  threadSubject: 'Invoice #3 for Prime Contract #1',
  recipientNames: ['María Gómez', 'Zoe <Owner>'],
  invoiceNumber: 3,
  contractNumber: 1,
  contractTitle: 'Shell & core <script>alert(1)</script>',
  projectName: 'Harbor Point',
  dueOn: '2026-04-01',
  openCents: 12_345_678,
  daysLate: 1,
  senderName: 'Ana Ruiz',
  companyName: 'Ruiz Builders',
};

describe('payment reminder email', () => {
  it('says what is owed since when, politely, and escapes every value in the HTML', () => {
    const r = renderReminder(input);
    expect(r.subject).toBe('Payment reminder: Invoice #3 for Prime Contract #1');
    expect(r.message).toBe(
      'This is a friendly reminder that invoice #3 for Harbor Point (contract #1, Shell & core <script>alert(1)</script>) was due on 04/01/2026. $123,456.78 is still open, 1 day past due.',
    );
    expect(r.text).toContain('Dear María Gómez, Zoe <Owner>,');
    expect(r.text).toContain('Kind regards,\nAna Ruiz\nRuiz Builders');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('Shell &amp; core &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('Zoe &lt;Owner&gt;');
    expect(r.html).toContain('Kind regards,<br>Ana Ruiz<br>Ruiz Builders');
  });

  it('in Spanish and French, with their dates, money and plurals', () => {
    const es = renderReminder({ ...input, locale: 'es-MX', daysLate: 12 });
    expect(es.locale).toBe('es');
    expect(es.subject).toBe('Recordatorio de pago: Invoice #3 for Prime Contract #1');
    expect(es.message).toContain('vencía el 01/04/2026. Quedan 123.456,78 $ pendientes, con 12 días de retraso.');
    const fr = renderReminder({ ...input, locale: 'fr', daysLate: 1 });
    expect(fr.message).toContain('était due le 01/04/2026. Il reste 123\u202f456,78 $ à régler, avec 1 jour de retard.');
    expect(renderReminder({ ...input, locale: 'fr', daysLate: 2 }).message).toContain('avec 2 jours de retard.');
    // a language we have no words for falls back to English
    expect(renderReminder({ ...input, locale: 'de' }).locale).toBe('en');
  });
});
