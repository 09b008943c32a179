/** Placeholder filling, height limits and prickmark from regulation text. */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isNoBuild, recogniseHeightLimit } from '../../../../src/sources/plans/provision-text';

describe('fillPlaceholders', () => {
  it('should fill by name (case and punctuation ignored), then in order, with Swedish decimal commas', () => {
    expect(fillPlaceholders('Största lutning är [lutning1:decimaltal]:[lutning2:decimaltal].', [{ name: 'Lutning2', value: 3 }, { name: 'lutning1', value: 1.5 }])).toEqual({ text: 'Största lutning är 1,5:3.', unfilled: [] });
    expect(fillPlaceholders('Bygglov får inte ges för [åtgärd:text] förrän [skydds- eller säkerhetsåtgärd:text].', [{ value: 'bostäder' }, { value: 'bullerskärm har uppförts' }]).text).toBe('Bygglov får inte ges för bostäder förrän bullerskärm har uppförts.');
  });

  it('should leave unfilled placeholders readable and list them', () => {
    expect(fillPlaceholders('Högsta nockhöjd är [höjd:decimaltal] meter.', [])).toEqual({ text: 'Högsta nockhöjd är [höjd] meter.', unfilled: ['höjd'] });
  });
});

describe('recogniseHeightLimit', () => {
  it('should read nockhöjd, totalhöjd and byggnadshöjd, over ground or over the zero level', () => {
    expect(recogniseHeightLimit('Högsta nockhöjd är 14,5 meter.', [{ value: 14.5, valueType: 'max', unit: 'meter' }])).toEqual({ kind: 'nockhöjd', metres: 14.5, reference: 'mark' });
    expect(recogniseHeightLimit('Högsta totalhöjd är 32 meter över nollplanet.', [{ value: 32, unit: 'meter' }])).toEqual({ kind: 'totalhöjd', metres: 32, reference: 'nollplan' });
    expect(recogniseHeightLimit('Nockhöjden ska vara 20 meter över angivet nollplan.', [{ value: 20, valueType: 'exakt', unit: 'meter' }])).toEqual({ kind: 'nockhöjd', metres: 20, reference: 'nollplan' });
    expect(recogniseHeightLimit('Högsta byggnadshöjd 7,5 m', [])).toEqual({ kind: 'byggnadshöjd', metres: 7.5, reference: 'mark' });
    expect(recogniseHeightLimit('Högsta nockhöjd är 13 meter.', [{ name: 'hojd', value: 13 }], 'DP_KM_Eg_Utform_Nockhojd_Meter')).toEqual({ kind: 'nockhöjd', metres: 13, reference: 'mark' });
  });

  it('should not take minimum heights, non-height values or heights without a number', () => {
    expect(recogniseHeightLimit('Lägsta nockhöjd på huvudbyggnad är 6 meter', [{ value: 6, valueType: 'min', unit: 'meter' }])).toBeUndefined();
    expect(recogniseHeightLimit('Lägsta nockhöjd är 6 meter', [])).toBeUndefined();
    expect(recogniseHeightLimit('Största byggnadsarea är 40 %', [{ value: 40, unit: 'procent' }])).toBeUndefined();
    expect(recogniseHeightLimit('Högsta nockhöjd är [höjd] meter.', [])).toBeUndefined();
  });
});

describe('isNoBuild', () => {
  it('should recognise prickmark and not korsmark', () => {
    expect(isNoBuild('Marken får inte förses med byggnad.')).toBe(true);
    expect(isNoBuild('Marken får inte förses med byggnadsverk.')).toBe(true);
    expect(isNoBuild('Marken får endast förses med komplementbyggnad.')).toBe(false);
    expect(isNoBuild('', 'DP_KM_Eg_Omfatt_Prickmark')).toBe(true);
  });
});
