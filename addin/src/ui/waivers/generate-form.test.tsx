import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n-context';
import { GenerateForm } from './generate-form';
import type { WaiverApi } from './waiver-api';
import type { AvailableWaiver } from './waiver-choices';

const available: AvailableWaiver[] = [
  { type: 'conditional_progress', form: 'us-ca', amountCents: 4_275_000, paymentId: null, why: null, reason: null },
  { type: 'unconditional_progress', form: 'us-ca', amountCents: 2_000_000, paymentId: 'pay_1', why: null, reason: null },
  { type: 'conditional_final', form: 'us-ca', amountCents: 0, paymentId: null, why: { code: 'NOT_FINAL', invoiceNumber: 2 }, reason: 'Not the final invoice' },
];

const render = (props: { jurisdiction: string | null; suggestedForm: 'generic' | 'us-ca' | 'us-tx'; list?: AvailableWaiver[] }, lang: 'en' | 'fr' = 'en') =>
  renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>
        <GenerateForm api={{} as WaiverApi} invoiceId="inv_2" available={props.list ?? available} onCreated={() => undefined} {...props} />
      </I18nProvider>
    </FluentProvider>,
  );

/** the value of the checked radio of a group */
const checkedRadio = (html: string, name: string) => {
  const inputs = [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]).filter((i) => i.includes(`name="${name}"`));
  const checked = inputs.filter((i) => / checked=""/.test(i));
  return checked.length === 1 ? (/value="([^"]*)"/.exec(checked[0]!)?.[1] ?? null) : null;
};

describe('the generate form', () => {
  it('preselects California’s statutory form for a California project and says why', () => {
    const html = render({ jurisdiction: 'US-CA', suggestedForm: 'us-ca' });
    expect(checkedRadio(html, 'waiver-form')).toBe('us-ca');
    expect(html).toContain('Chosen from the project’s jurisdiction (California, US).');
    expect(html).toContain('The statutory wording is printed in English');
  });

  it('preselects Texas’ form for a Texas project, the generic one elsewhere', () => {
    expect(checkedRadio(render({ jurisdiction: 'US-TX', suggestedForm: 'us-tx' }), 'waiver-form')).toBe('us-tx');
    const ontario = render({ jurisdiction: 'CA-ON', suggestedForm: 'generic' }, 'fr');
    expect(checkedRadio(ontario, 'waiver-form')).toBe('generic');
    expect(ontario).not.toContain('texte légal');
  });

  it('shows each type with what it would waive now, or why not, and the amount of the preselected one', () => {
    const html = render({ jurisdiction: 'US-CA', suggestedForm: 'us-ca' });
    expect(html).toContain('$42,750.00');
    expect(html).toContain('$20,000.00');
    // the reason is the server's code in the pane's words, not the server's English sentence
    expect(html).toContain('Not now: invoice #2 does not bill the contract to 100% and is not a retainage release');
    expect(html).not.toContain('Not the final invoice');
    expect(html).toMatch(/data-testid="waiver-will-waive" data-amount-cents="4275000"/);
  });

  it('words every reason in Spanish and French, with its money and place in that language', () => {
    const none: AvailableWaiver[] = [
      { type: 'conditional_progress', form: 'generic', amountCents: 0, paymentId: null, why: { code: 'NOTHING_DUE', line8Cents: 0 }, reason: 'x' },
      { type: 'unconditional_progress', form: 'generic', amountCents: 0, paymentId: null, why: { code: 'NO_PAYMENT' }, reason: 'x' },
      { type: 'conditional_final', form: 'generic', amountCents: 0, paymentId: null, why: { code: 'FORM_NOT_CARRIED', jurisdiction: 'US-FL' }, reason: 'x' },
      { type: 'unconditional_final', form: 'generic', amountCents: 0, paymentId: null, why: { code: 'TAKEN', status: 'signed', per: 'payment' }, reason: 'x' },
    ];
    const fr = render({ jurisdiction: null, suggestedForm: 'generic', list: none }, 'fr');
    expect(fr).toContain('la ligne 8 (paiement actuellement dû) est de 0,00');
    expect(fr).toContain('aucun paiement n’est encore enregistré');
    expect(fr).toContain('Floride');
    expect(fr).toContain('il en existe déjà une (signée) pour ce paiement');
    expect(fr).not.toContain('>x<');
  });

  it('says plainly when nothing can be generated', () => {
    const html = render({ jurisdiction: null, suggestedForm: 'generic', list: [available[2]!] });
    expect(html).toContain('No waiver can be generated for this invoice now.');
    expect(html).not.toContain('data-testid="waiver-create"');
  });
});
