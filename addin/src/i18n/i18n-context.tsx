import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Catalogue } from '@shared/i18n/define-labels';
import { formatMoney } from '@shared/money';
import { formatCount, formatDate, translate, translatePlural } from './index';
import type { Lang, MessageKey, Params, PluralKey } from './index';

export type I18n = {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  tn: (key: PluralKey, count: number, params?: Params) => string;
  money: (cents: number) => string;
  date: (isoDate: string | null | undefined) => string;
  count: (n: number) => string;
};

export function makeI18n(lang: Lang): I18n {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    tn: (key, count, params) => translatePlural(lang, key, count, params),
    money: (cents) => formatMoney(cents, lang),
    date: (iso) => formatDate(lang, iso),
    count: (n) => formatCount(lang, n),
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** A feature's labels (shared/i18n/define-labels.ts) in the pane's language. */
export function useLabels<T>(catalogue: Catalogue<T>): T {
  return catalogue(useContext(I18nContext).lang);
}
