import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWmtsCapabilities } from '../../../../src/sources/raster/wmts-capabilities';

const XML = readFileSync(new URL('../../../fixtures/raster/wmts-3006-capabilities.xml', import.meta.url), 'utf8');
const BASE = 'https://karta.example.se/wmts/1.0.0/WMTSCapabilities.xml';

describe('WMTS capabilities', () => {
  it('should read a SWEREF 99 TM tile matrix set, turning its northing-first corner into (easting, northing)', () => {
    const info = readWmtsCapabilities(XML, 'ekonomisk-1960', '3006', BASE);
    expect(info.crs).toBe('EPSG:3006');
    expect(info.matrices.map((m) => m.identifier)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(info.matrices[0]).toEqual({
      identifier: '0',
      scaleDenominator: 14628571.428571,
      topLeft: [-1200000, 8500000],
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 3,
      matrixHeight: 3,
    });
    expect(info.matrices[5]!.matrixWidth).toBe(96);
  });

  it('should read the tile template (resolved, braces kept), the KVP endpoint, the bounds, formats and dimension defaults', () => {
    const info = readWmtsCapabilities(XML, 'ekonomisk-1960', '3006', BASE);
    expect(info.template).toBe('https://karta.example.se/wmts/ekonomisk-1960/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png');
    expect(info.kvpUrl).toBe('https://karta.example.se/wmts/gettile?');
    expect(info.bounds).toEqual([17.85, 62.58, 18.02, 62.68]);
    expect(info.formats).toEqual(['image/png', 'image/jpeg']);
    expect(info.styles).toEqual(['default']);
    expect(info.dimensions).toEqual({ Time: '1960' });
    const kvpOnly = readWmtsCapabilities(XML, 'ortofoto', '3006', BASE);
    expect(kvpOnly.template).toBeNull();
    expect(kvpOnly.bounds).toBeNull();
  });

  it('should name what is missing', () => {
    expect(() => readWmtsCapabilities(XML, 'nope', '3006', BASE)).toThrow('the service has no layer "nope" (it has ekonomisk-1960, ortofoto)');
    expect(() => readWmtsCapabilities(XML, 'ortofoto', 'GoogleMapsCompatible', BASE)).toThrow('layer "ortofoto" has no tile matrix set "GoogleMapsCompatible" (it has 3006)');
    expect(() => readWmtsCapabilities(XML.replace('urn:ogc:def:crs:EPSG::3006', 'EPSG:2154'), 'ortofoto', '3006', BASE)).toThrow(
      'tile matrix set "3006" is in EPSG:2154, which the geo registry does not know',
    );
    expect(() => readWmtsCapabilities('<html/>', 'a', 'b', BASE)).toThrow('this is not a WMTS capabilities document (no <Capabilities>)');
    expect(() => readWmtsCapabilities('<ows:ExceptionReport xmlns:ows="x"/>', 'a', 'b', BASE)).toThrow(/answered the capabilities request with an exception/);
    expect(() => readWmtsCapabilities('<!DOCTYPE x [<!ENTITY a "b">]><Capabilities/>', 'a', 'b', BASE)).toThrow(/declares XML entities/);
  });
});
