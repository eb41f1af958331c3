import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-context';
import type { WaiverApi, WaiverView } from './waiver-api';
import { WaiverCard } from './waiver-card';

const draft: WaiverView = {
  id: 'lw_1',
  invoiceId: 'inv_2',
  contractId: 'ctr_1',
  direction: 'issued',
  type: 'unconditional_progress',
  form: 'us-ca',
  amountCents: 2_275_000,
  throughDate: '2026-10-31',
  paymentId: 'pay_2',
  parties: null,
  status: 'draft',
  signer: null,
  attachmentId: null,
  pdfPath: '/lien-waivers/lw_1/pdf',
  createdAt: '2026-11-30T10:00:00Z',
  createdBy: { id: 'u1', name: 'Ana Ruiz' },
  voided: null,
};
const api = {} as WaiverApi;

const render = (waiver: WaiverView, canAct: boolean, lang: 'en' | 'es' = 'en') =>
  renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>
        <WaiverCard api={api} waiver={waiver} canAct={canAct} onChanged={() => undefined} />
      </I18nProvider>
    </FluentProvider>,
  );

describe('a waiver in the Waivers tab', () => {
  it('a draft, for an admin: the exact amount and through date before the typed-name signature and its consent', () => {
    const html = render(draft, true);
    expect(html).toContain('data-testid="waiver-sign"');
    expect(html).toContain('You are waiving lien rights for $22,750.00, for work through');
    expect(html).toContain('I agree this typed name is my signature');
    expect(html).toContain('data-testid="waiver-void"');
  });

  it('the same draft, read-only: seen, but nothing to sign or void', () => {
    const html = render(draft, false);
    expect(html).toContain('$22,750.00');
    expect(html).not.toContain('data-testid="waiver-sign"');
    expect(html).not.toContain('data-testid="waiver-void"');
    expect(html).toContain('data-testid="waiver-audit-toggle"');
  });

  it('a signed waiver shows its signer and form name in the pane’s language, and no signature form', () => {
    const signed: WaiverView = {
      ...draft,
      status: 'signed',
      attachmentId: 'att_9',
      signer: { name: 'Ana Ruiz', title: 'Controller', signedAt: '2026-11-30T10:05:00Z', user: { id: 'u1', name: 'Ana Ruiz' } },
    };
    const html = render(signed, true, 'es');
    expect(html).toContain('Ana Ruiz, Controller');
    expect(html).toContain('Formulario legal de California');
    expect(html).toContain('Firmada');
    expect(html).not.toContain('data-testid="waiver-sign"');
  });
});
