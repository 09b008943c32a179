import { describe, expect, it } from 'vitest';
import { looksLikeMarkup, readServiceException } from '../../../../src/sources/raster/service-exception';
import { checkImageBytes } from '../../../../src/sources/raster/fetch-tile-image';
import { describeNonImage, readImageHeader } from '../../../../src/sources/raster/image-header';

const WMS_130 = `<?xml version="1.0" encoding="UTF-8"?>
<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">
  <ServiceException code="LayerNotDefined" locator="LAYERS">
      Could not find layer historiska:karta_1900
  </ServiceException>
</ServiceExceptionReport>`;

const OWS = `<?xml version="1.0" encoding="UTF-8"?>
<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="1.1.0">
  <ows:Exception exceptionCode="TileOutOfRange" locator="TILEROW">
    <ows:ExceptionText>Row 90 is out of range for tile matrix 3</ows:ExceptionText>
  </ows:Exception>
</ows:ExceptionReport>`;

const bytes = (s: string) => new TextEncoder().encode(s);

describe('service exceptions', () => {
  it('should read a WMS 1.3.0 exception with its code', () => {
    expect(readServiceException(WMS_130)).toBe('LayerNotDefined: Could not find layer historiska:karta_1900');
  });

  it('should read an OWS (WMTS) exception report', () => {
    expect(readServiceException(OWS)).toBe('TileOutOfRange: Row 90 is out of range for tile matrix 3');
  });

  it('should read a WMS 1.1.1 exception without a code, and several exceptions', () => {
    const text = '<ServiceExceptionReport version="1.1.1"><ServiceException>first</ServiceException><ServiceException code="X">second</ServiceException></ServiceExceptionReport>';
    expect(readServiceException(text)).toBe('first; X: second');
  });

  it('should not take other documents for exceptions, nor expand declared entities', () => {
    expect(readServiceException('<html><body>Not found</body></html>')).toBeNull();
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><ServiceExceptionReport><ServiceException>&b;</ServiceException></ServiceExceptionReport>';
    expect(readServiceException(bomb)).toBe('the service answered with an exception document (not shown: it declares entities)');
    expect(readServiceException('<ServiceExceptionReport><ServiceException>broken')).toMatch(/exception/);
  });

  it('should tell markup from images by the first bytes', () => {
    expect(looksLikeMarkup(bytes('\uFEFF  \n<?xml version="1.0"?>'))).toBe(true);
    expect(looksLikeMarkup(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });

  it('should make a tile that is an exception, a page or garbage a failure with the reason', () => {
    expect(() => checkImageBytes(bytes(WMS_130), 'text/xml')).toThrow('service exception: LayerNotDefined: Could not find layer historiska:karta_1900');
    // GeoServer often answers exceptions with status 200 and an image content type
    expect(() => checkImageBytes(bytes(OWS), 'image/png')).toThrow('service exception: TileOutOfRange: Row 90 is out of range for tile matrix 3');
    expect(() => checkImageBytes(bytes('<!DOCTYPE html><html>oops</html>'), 'text/html')).toThrow('the server sent an HTML page, not an image');
    expect(() => checkImageBytes(bytes('{"error":1}'), 'application/json')).toThrow('the server sent a JSON document, not an image');
    expect(() => checkImageBytes(new Uint8Array([1, 2, 3]), 'application/octet-stream')).toThrow('the server sent application/octet-stream data, not an image');
  });
});

describe('image headers', () => {
  it('should read PNG and JPEG sizes without decoding', () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 40000);
    new DataView(png.buffer).setUint32(20, 30000);
    expect(readImageHeader(png)).toEqual({ kind: 'png', width: 40000, height: 30000 });
    // SOI, an APP0 segment, then SOF0 with height 480 and width 640
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0]);
    expect(readImageHeader(jpeg)).toEqual({ kind: 'jpeg', width: 640, height: 480 });
    expect(readImageHeader(bytes('GIF89a\x10\x00\x20\x00'))).toEqual({ kind: 'gif', width: 16, height: 32 });
    expect(readImageHeader(bytes('hello'))).toBeNull();
    expect(describeNonImage(bytes('plain words'), '')).toBe('data that is not an image');
  });
});
