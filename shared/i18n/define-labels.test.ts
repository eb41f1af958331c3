import { describe, expect, it } from 'vitest';
import { defineLabels, plural } from './define-labels';

describe('defineLabels', () => {
  const labels = defineLabels({ en: { hi: 'Hello' }, es: { hi: 'Hola' }, fr: { hi: 'Bonjour' } });

  it('picks by language tag and falls back to English', () => {
    expect(labels('es-MX').hi).toBe('Hola');
    expect(labels('fr').hi).toBe('Bonjour');
    expect(labels('de-DE').hi).toBe('Hello');
    expect(labels(null).hi).toBe('Hello');
  });
});

describe('plural', () => {
  const lines = { one: (n: string) => `${n} line`, other: (n: string) => `${n} lines` };
  it('follows each language’s rules and formats the count', () => {
    expect(plural('en', 1, lines)).toBe('1 line');
    expect(plural('en', 0, lines)).toBe('0 lines');
    // French: 0 is singular
    expect(plural('fr', 0, lines)).toBe('0 line');
    expect(plural('en', 1234, lines)).toBe('1,234 lines');
    expect(plural('es', 1234, lines)).toBe('1234 lines');
  });
});
