/**
 * A local WMS stand-in for end-to-end tests: answers GetMap with a flat PNG tile (with a
 * darker rim), answers with an OGC exception document (HTTP 200, as GeoServer does) for any
 * tile whose box contains `exceptionAt`, and records every request. `/broken` always answers
 * with an exception. CORS is open, as a public map service's is.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';

export interface WmsStandIn {
  url: string;
  requests: URLSearchParams[];
  close(): Promise<void>;
}

export const TILE_RGB: [number, number, number] = [40, 170, 70];

function tile(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const rim = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
      const o = (y * width + x) * 4;
      png.data[o] = rim ? 20 : TILE_RGB[0];
      png.data[o + 1] = rim ? 90 : TILE_RGB[1];
      png.data[o + 2] = rim ? 40 : TILE_RGB[2];
      png.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const exception = (code: string, text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">\n  <ServiceException code="${code}">${text}</ServiceException>\n</ServiceExceptionReport>\n`;

/** `exceptionAt`: [easting, northing] in the requested CRS. */
export async function startWmsStandIn(exceptionAt: [number, number]): Promise<WmsStandIn> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    res.setHeader('Access-Control-Allow-Origin', '*');
    const q = new URLSearchParams([...url.searchParams].map(([k, v]) => [k.toUpperCase(), v]));
    requests.push(q);
    if (url.pathname === '/broken') {
      res.writeHead(200, { 'content-type': 'application/vnd.ogc.se_xml' });
      res.end(exception('LayerNotDefined', 'Could not find layer historiska:saknas'));
      return;
    }
    const [minN, minE, maxN, maxE] = (q.get('BBOX') ?? '').split(',').map(Number);
    const [e, n] = exceptionAt;
    if (e >= minE! && e <= maxE! && n >= minN! && n <= maxN!) {
      res.writeHead(200, { 'content-type': 'application/vnd.ogc.se_xml' });
      res.end(exception('TileOutOfRange', 'No data for this part of the map (test)'));
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(tile(Number(q.get('WIDTH')) || 256, Number(q.get('HEIGHT')) || 256));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
