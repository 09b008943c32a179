import { describe, expect, it } from 'vitest';
import { bboxNorthingFirst, wmsBbox, wmsGetMapUrl, type GetMapParams } from '../../../../src/sources/raster/wms-request';

const params = (over: Partial<GetMapParams> = {}): GetMapParams => ({
  version: '1.3.0',
  layers: 'topowebb,vagkarta',
  crs: 'EPSG:3006',
  // SWEREF 99 TM around Härnösand: easting 617 000–618 000, northing 6 945 000–6 946 000
  bbox: { minX: 617000, minY: 6945000, maxX: 618000, maxY: 6946000 },
  width: 256,
  height: 256,
  format: 'image/png',
  transparent: true,
  ...over,
});

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('WMS GetMap', () => {
  it('should put the northing first for EPSG:3006 in WMS 1.3.0, with CRS, size and format', () => {
    const url = wmsGetMapUrl('https://karta.example.se/geoserver/wms', params());
    expect(query(url)).toEqual({
      SERVICE: 'WMS',
      REQUEST: 'GetMap',
      VERSION: '1.3.0',
      LAYERS: 'topowebb,vagkarta',
      STYLES: '',
      CRS: 'EPSG:3006',
      BBOX: '6945000,617000,6946000,618000',
      WIDTH: '256',
      HEIGHT: '256',
      FORMAT: 'image/png',
      TRANSPARENT: 'TRUE',
    });
    expect(new URL(url).origin + new URL(url).pathname).toBe('https://karta.example.se/geoserver/wms');
  });

  it('should keep the easting first for EPSG:3857 (Web Mercator)', () => {
    const bbox = { minX: 1996856.7, minY: 8985944.25, maxX: 1997468.19, maxY: 8986555.74 };
    const q = query(wmsGetMapUrl('https://x.example/wms', params({ crs: 'EPSG:3857', bbox, width: 512, height: 512, transparent: false })));
    expect(q).toMatchObject({ CRS: 'EPSG:3857', BBOX: '1996856.7,8985944.25,1997468.19,8986555.74', WIDTH: '512', HEIGHT: '512', TRANSPARENT: 'FALSE' });
  });

  it('should put the latitude first for EPSG:4326 in 1.3.0, and write SRS with longitude first in 1.1.1', () => {
    const bbox = { minX: 17.9, minY: 62.6, maxX: 18, maxY: 62.7 };
    expect(query(wmsGetMapUrl('https://x.example/wms', params({ crs: 'EPSG:4326', bbox })))).toMatchObject({ CRS: 'EPSG:4326', BBOX: '62.6,17.9,62.7,18' });
    const old = query(wmsGetMapUrl('https://x.example/wms', params({ version: '1.1.1', crs: 'EPSG:4326', bbox })));
    expect(old).toMatchObject({ VERSION: '1.1.1', SRS: 'EPSG:4326', BBOX: '17.9,62.6,18,62.7' });
    expect(old.CRS).toBeUndefined();
    expect(query(wmsGetMapUrl('https://x.example/wms', params({ version: '1.1.1' }))).BBOX).toBe('617000,6945000,618000,6946000');
  });

  it('should know the axis order of every SWEREF 99 zone from the registry', () => {
    for (let code = 3006; code <= 3018; code++) expect(bboxNorthingFirst('1.3.0', `EPSG:${code}`), `EPSG:${code}`).toBe(true);
    expect(bboxNorthingFirst('1.3.0', 'EPSG:3857')).toBe(false);
    expect(bboxNorthingFirst('1.3.0', 'EPSG:28992')).toBe(false);
    expect(wmsBbox('1.3.0', 'EPSG:3014', { minX: 150000.25, minY: 6940000, maxX: 150100, maxY: 6940100.5 })).toBe('6940000,150000.25,6940100.5,150100');
  });

  it('should keep the base URL’s own parameters but replace the ones GetMap sets, whatever their case', () => {
    const url = wmsGetMapUrl('https://x.example/ows?map=/maps/hist.map&service=wfs&bbox=1,2,3,4&Time=old', params({ time: '1900' }));
    const q = query(url);
    expect(q.map).toBe('/maps/hist.map');
    expect(q.service).toBeUndefined();
    expect(q.bbox).toBeUndefined();
    expect(q.Time).toBeUndefined();
    expect(q).toMatchObject({ SERVICE: 'WMS', BBOX: '6945000,617000,6946000,618000', TIME: '1900' });
  });
});
