import { describe, expect, it } from 'vitest';
import { formatPropertyValue as formatValue } from '../../../../src/state/property-text';
import { infoLines, MAX_ROWS } from '../../../../src/xr/panels/info-lines';

const at = { lon: 17.93775, lat: 62.63187, height: 30 };

describe('infoLines', () => {
  it('should show the name as title, the layer under it, every property and the position', () => {
    const lines = infoLines({ layerId: 'b', layerName: 'Byggnader', properties: { name: 'Sambiblioteket', height: 18.5, floors: 4, listed: true }, at }, 'No data');
    expect(lines.title).toBe('Sambiblioteket');
    expect(lines.subtitle).toBe('Byggnader');
    expect(lines.rows).toEqual([
      ['name', 'Sambiblioteket'],
      ['height', '18.5'],
      ['floors', '4'],
      ['listed', '✓'],
    ]);
    expect(lines.footer).toBe('62.63187° N, 17.93775° E');
  });

  it('should fall back to the layer name and say when there is no data', () => {
    const lines = infoLines({ layerId: 'b', layerName: 'Byggnader', properties: {}, at }, 'No data');
    expect(lines.title).toBe('Byggnader');
    expect(lines.subtitle).toBe('');
    expect(lines.rows).toEqual([['No data', '']]);
  });

  it('should keep markup as plain text, flatten whitespace and cut long values and long lists', () => {
    const props: Record<string, unknown> = { note: '<b>bold</b>\n<script>x</script>', long: 'x'.repeat(200) };
    for (let i = 0; i < 30; i++) props[`p${i}`] = i;
    const lines = infoLines({ layerId: 'b', layerName: 'L', properties: props, at }, '');
    expect(lines.rows[0]).toEqual(['note', '<b>bold</b> <script>x</script>']);
    expect(lines.rows[1]![1].length).toBeLessThanOrEqual(48);
    expect(lines.rows[1]![1].endsWith('…')).toBe(true);
    expect(lines.rows).toHaveLength(MAX_ROWS + 1);
    expect(lines.rows[MAX_ROWS]).toEqual(['…', `+${32 - MAX_ROWS}`]);
  });

  it('should format values like the desktop panel', () => {
    expect(formatValue(null, 'en')).toBe('–');
    expect(formatValue(3, 'en')).toBe('3');
    expect(formatValue(2.345, 'en')).toBe('2.35');
    expect(formatValue(2.345, 'sv')).toBe('2,35');
    expect(formatValue(false, 'en')).toBe('✗');
    expect(formatValue([1, 2], 'en')).toBe('[1,2]');
  });
});

describe('zoningInfoLines', () => {
  const picked = {
    layerId: 'plan',
    layerName: 'Detaljplan',
    layerType: 'zoning',
    properties: { kind: 'detaljplan', planNamn: 'Kvarteret Sundsbryggan', planStatus: 'samråd', planBeteckning: 'DP-1' },
    features: [
      { kind: 'detaljplan', planNamn: 'Kvarteret Sundsbryggan', planStatus: 'samråd', planBeteckning: 'DP-1' },
      { kind: 'administrativ bestämmelse', bestammelseformulering: 'Genomförandetiden är 5 år från den dag planen vinner laga kraft.', values: [{ value: 5, unit: 'år', valueType: 'exakt' }] },
      { kind: 'egenskapsbestämmelse', beteckning: 'h1', bestammelseformulering: 'Högsta nockhöjd är 14,5 meter.', values: [{ value: 14.5, unit: 'meter', valueType: 'max' }] },
      { kind: 'användningsbestämmelse', beteckning: 'B', bestammelseformulering: 'Bostäder', values: [] },
      { kind: 'egenskapsbestämmelse', prickmark: true, bestammelseformulering: 'Marken får inte förses med byggnad.', values: [] },
    ],
    at,
  };

  it('should show the plan and every regulation in legend order, with values in words and whole texts', () => {
    const lines = infoLines(picked, 'No data', 'sv');
    expect(lines.title).toBe('Kvarteret Sundsbryggan');
    expect(lines.subtitle).toBe('Detaljplan · DP-1 · samråd');
    expect(lines.rows).toEqual([
      ['B', 'Bostäder'],
      ['h1', 'Högsta nockhöjd är 14,5 meter.'],
      ['', '(högst 14,5 m)'],
      ['···', 'Marken får inte förses med'],
      ['', 'byggnad.'],
      ['Adm.', 'Genomförandetiden är 5 år från'],
      ['', 'den dag planen vinner laga'],
      ['', 'kraft. (5 år)'],
    ]);
    for (const [, line] of lines.rows) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('should word values in English too', () => {
    const rows = infoLines(picked, 'No data', 'en').rows;
    expect(rows[2]).toEqual(['', '(at most 14.5 m)']);
    expect(rows.at(-1)).toEqual(['', 'kraft. (5 years)']);
  });
});
