import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '@shared/jurisdiction/jurisdictions';
import { jurisdictionLabel, jurisdictionOptions } from './labels';

describe('jurisdiction names in the project settings', () => {
  it('names each place with its country, in the pane’s language', () => {
    expect(jurisdictionLabel('US-CA', 'en')).toBe('California, US');
    expect(jurisdictionLabel('CA-ON', 'en')).toBe('Ontario, Canada');
    expect(jurisdictionLabel('US-CA', 'fr')).toBe('Californie, É.-U.');
    expect(jurisdictionLabel('US-NY', 'es')).toBe('Nueva York, EE. UU.');
    expect(jurisdictionLabel('XX-ZZ', 'en')).toBe('XX-ZZ');
  });

  it('lists every supported place once, US states first, then provinces, each by name', () => {
    const options = jurisdictionOptions('en');
    expect(options.map((o) => o.code).sort()).toEqual([...JURISDICTIONS].sort());
    const countries = options.map((o) => o.code.slice(0, 2));
    expect(countries.lastIndexOf('US')).toBeLessThan(countries.indexOf('CA'));
    for (const country of ['US', 'CA']) {
      const names = options.filter((o) => o.code.startsWith(country)).map((o) => o.label);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    }
  });
});
