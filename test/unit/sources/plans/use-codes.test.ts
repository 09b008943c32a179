/**
 * Use codes, colours and the text classifier. The built-in table must agree with every
 * användningsbestämmelse of Boverket's catalogue subset (beteckning → farg, and the colour its
 * allmänna råd text names).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_COLOURS, classifyUseText, colourForUse, colourHex, listUseCodes, normaliseUseCode, useCodeInfo } from '../../../../src/sources/plans';
import { sharedData } from '../../../shared-data';

const SUBSET = sharedData('boverket-planbestammelsekatalog-subset/katalog_urval.json', "the use codes' checks against Boverket's catalogue subset");

describe('use codes', () => {
  it('should cover the common uses with a known colour and land-use form', () => {
    const codes = ['B', 'C', 'D', 'E', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'T', 'U', 'V', 'W', 'Z', 'GATA', 'TORG', 'PARK', 'NATUR', 'GÅNG', 'CYKEL', 'VÄG', 'PLATS', 'SKYDD'];
    for (const code of codes) {
      const info = useCodeInfo(code);
      expect(info, code).toBeDefined();
      expect(colourHex(info!.colour), `${code} ${info!.colour}`).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(new Set(listUseCodes().map((u) => u.landUse))).toEqual(new Set(['kvartersmark', 'allmän plats', 'vattenområde']));
  });

  it('should normalise numbered and combined designations', () => {
    expect(normaliseUseCode('R1')).toBe('R');
    expect(normaliseUseCode('GATA2')).toBe('GATA');
    expect(normaliseUseCode('SKYDD#')).toBe('SKYDD');
    expect(normaliseUseCode(' gång ')).toBe('GÅNG');
    expect(useCodeInfo('BC1')?.code).toBe('B');
    expect(useCodeInfo('XYZ')).toBeUndefined();
  });

  it('should give colours by use code', () => {
    expect(colourForUse('B')).toEqual({ name: 'Gul', hex: PLAN_COLOURS.Gul });
    expect(colourForUse('J1')).toEqual({ name: 'Blågrå', hex: '#b6cce1' });
    expect(colourForUse('PARK')?.name).toBe('Ljusgrön');
    expect(colourForUse('Z1')).toEqual({ name: 'Beige', hex: '#ffcb83' });
    expect(colourForUse('nonsense')).toBeUndefined();
    expect(colourHex('blagra')).toBe('#b6cce1');
    expect(colourHex('Okänd')).toBeUndefined();
  });

  it('should classify regulation texts', () => {
    const cases: [string, string | undefined, string | undefined][] = [
      ['Bostäder', undefined, 'B'],
      ['Centrum', undefined, 'C'],
      ['Park', undefined, 'PARK'],
      ['Parkering', 'kvartersmark', 'P'],
      ['Parkering', 'allmän plats', 'PARKERING'],
      ['Gata', undefined, 'GATA'],
      ['Lokalgata', undefined, 'LOKALGATA'],
      ['Natur', undefined, 'NATUR'],
      ['Industri', undefined, 'J'],
      ['Tekniska anläggningar', undefined, 'E'],
      ['Motorsportbana', undefined, 'R'],
      ['Översvämningsyta', undefined, 'SKYDD'],
      ['Ytan för Pelles äventyr', undefined, undefined],
    ];
    for (const [text, landUse, code] of cases) expect(classifyUseText(text, landUse as never), text).toBe(code);
  });
});

describe.skipIf(!SUBSET)('use codes against the catalogue subset', () => {
  const api = JSON.parse(SUBSET ? readFileSync(SUBSET, 'utf8') : '{"bestammelser":[]}') as { bestammelser: { beteckning?: string; farg?: string; bestammelsetyp: string; allmannarad?: string; bestammelseformulering: string; anvandningsform: string }[] };
  const uses = api.bestammelser.filter((b) => b.bestammelsetyp === 'Användningsbestämmelse' && b.beteckning && b.farg);

  it('should give every användningsbestämmelse of the subset the catalogue colour, and name it in its allmänna råd', () => {
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const b of uses) {
      const info = useCodeInfo(b.beteckning!);
      expect(info?.colour, b.beteckning).toBe(b.farg);
      expect(info?.evidence).toBe('catalogue');
      expect(b.allmannarad?.toLowerCase(), b.beteckning).toContain(`ges ${b.farg!.toLowerCase()} färg`);
      expect(classifyUseText(b.bestammelseformulering, info?.landUse), b.bestammelseformulering).toBe(info?.code);
    }
  });
});
