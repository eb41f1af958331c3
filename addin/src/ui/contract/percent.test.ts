import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercent } from './percent';

describe('parsePercent (typed % → basis points)', () => {
  it.each([
    ['5.5', 550],
    ['5,5', 550],
    ['5.55', 555],
    [' 10 % ', 1000],
    ['10%', 1000],
    ['0', 0],
    ['.5', 50],
    ['100', 10000],
    ['100.00', 10000],
    ['5.550', 555],
    ['007', 700],
    ['12.', 1200],
  ])('%s → %i bps', (text, bps) => {
    expect(parsePercent(text)).toEqual({ ok: true, bps });
  });

  it.each([
    ['', 'required'],
    ['  %', 'required'],
    ['5.555', 'too_precise'],
    ['0.001', 'too_precise'],
    ['100.01', 'range'],
    ['1000', 'range'],
    ['-5', 'not_number'],
    ['5.5.5', 'not_number'],
    ['1,000.5', 'not_number'],
    ['five', 'not_number'],
    ['.', 'not_number'],
    ['5e1', 'not_number'],
  ])('%j is refused: %s', (text, problem) => {
    expect(parsePercent(text)).toEqual({ ok: false, problem });
  });
});

describe('formatPercent', () => {
  it('writes the stored rate back the way it is typed, in the pane language', () => {
    expect(formatPercent(550, 'en')).toBe('5.5');
    expect(formatPercent(550, 'es')).toBe('5,5');
    expect(formatPercent(555, 'fr')).toBe('5,55');
    expect(formatPercent(1000, 'en')).toBe('10');
    expect(formatPercent(5, 'en')).toBe('0.05');
    expect(formatPercent(0, 'en')).toBe('0');
  });

  it('round-trips every basis point', () => {
    for (let bps = 0; bps <= 10000; bps++) expect(parsePercent(formatPercent(bps, bps % 2 ? 'en' : 'fr'))).toEqual({ ok: true, bps });
  });
});
