import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/shared/format-number';
import { isRecord } from '../../../src/shared/is-record';
import { formatPlanValue } from '../../../src/sources/plans/format-value';
import { formatValue } from '../../../src/sources/plans/provision-text';
import { formatPropertyValue } from '../../../src/state/property-text';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('should group digits from five on and use the language’s decimal sign', () => {
    expect(formatNumber(5500, 'sv')).toBe('5500');
    expect(formatNumber(55000, 'sv')).toBe(`55${NBSP}000`);
    expect(formatNumber(55000, 'en')).toBe('55,000');
    expect(formatNumber(14.5, 'sv')).toBe('14,5');
    expect(formatNumber(14.5, 'en')).toBe('14.5');
  });

  it('should round to the given decimals and drop trailing zeros', () => {
    expect(formatNumber(2.345, 'en')).toBe('2.35');
    expect(formatNumber(3.1, 'en')).toBe('3.1');
    expect(formatNumber(0.125, 'sv', 6)).toBe('0,125');
    expect(formatNumber(3, 'sv')).toBe('3');
  });

  it('should write NaN and infinities as a dash', () => {
    expect(formatNumber(NaN, 'en')).toBe('–');
    expect(formatNumber(-Infinity, 'sv')).toBe('–');
  });

  it('should be the formatter of plan texts, regulation values and feature properties', () => {
    expect(formatValue(5500)).toBe(formatNumber(5500, 'sv', 6));
    expect(formatPlanValue({ value: 1234.5, unit: 'meter', valueType: 'max' }, 'en')).toBe(`at most ${formatNumber(1234.5, 'en')} m`);
    expect(formatPropertyValue(1234.567, 'sv')).toBe(formatNumber(1234.567, 'sv'));
  });
});

describe('isRecord', () => {
  it('should accept objects only, not null, arrays or primitives', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
