import { describe, expect, it } from 'vitest';
import { crsToPixel, parseWorldFile, pixelToCrs, worldFileUrl } from '../../../../src/sources/raster/world-file';

describe('world files', () => {
  it('should read the six values in their order A, D, B, E, C, F (CRLF, BOM and blank lines allowed)', () => {
    expect(parseWorldFile('\uFEFF1.25\r\n0.0\r\n0.0\r\n-1.25\r\n184595.625\r\n6948213.375\r\n\r\n')).toEqual({ a: 1.25, d: 0, b: 0, e: -1.25, c: 184595.625, f: 6948213.375 });
    expect(parseWorldFile('0.5\n0.01\n-0.02\n-0.5\n1e5\n6.9E6').d).toBe(0.01);
  });

  it('should say what is wrong with a world file that does not parse', () => {
    expect(() => parseWorldFile('1\n0\n0\n-1\n100')).toThrow('the world file has 5 value lines; expected 6 numbers, one a line (A, D, B, E, C, F)');
    expect(() => parseWorldFile('1,25\n0\n0\n-1\n100\n200')).toThrow('line 1 of the world file is not a number: "1,25"');
    expect(() => parseWorldFile('<html>\n<head>\n</head>\n<body>\n</body>\n</html>')).toThrow('line 1 of the world file is not a number: "<html>"');
    expect(() => parseWorldFile('0\n0\n0\n0\n100\n200')).toThrow(/maps the image to a line or a point/);
  });

  it('should place pixel corners half a pixel from the centres the file gives', () => {
    const w = parseWorldFile('2\n0\n0\n-2\n1001\n4999');
    expect(pixelToCrs(w, 0, 0)).toEqual([1000, 5000]);
    expect(pixelToCrs(w, 10, 5)).toEqual([1020, 4990]);
    expect(crsToPixel(w, 1020, 4990)).toEqual([10, 5]);
  });

  it('should invert a rotated world file', () => {
    const w = parseWorldFile('0.8\n0.3\n0.25\n-0.9\n150000\n6940000');
    const [x, y] = pixelToCrs(w, 123.5, 456.25);
    const [px, py] = crsToPixel(w, x, y);
    expect(px).toBeCloseTo(123.5, 9);
    expect(py).toBeCloseTo(456.25, 9);
  });

  it('should find the world file next to the image', () => {
    expect(worldFileUrl('https://x/maps/old.png')).toBe('https://x/maps/old.pgw');
    expect(worldFileUrl('https://x/maps/old.JPG?v=1')).toBe('https://x/maps/old.jgw?v=1');
    expect(worldFileUrl('https://x/maps/old.jpeg')).toBe('https://x/maps/old.jgw');
    expect(worldFileUrl('https://x/maps/old.tif')).toBe('https://x/maps/old.tfw');
    expect(worldFileUrl('https://x/maps/old')).toBe('https://x/maps/old.wld');
  });
});
