/**
 * A local WMS stand-in for end-to-end tests, on its own loopback origin as a municipal map
 * server would be (test/e2e/global-setup.ts starts it and lists its origin among the origins
 * the app's Content-Security-Policy allows; CORS is open, as a public map service's is).
 *
 * - GetMap answers a flat PNG tile of the requested size, with a darker rim.
 * - A tile whose BBOX contains the point of the layer URL's own parameter `hole=<x>,<y>`
 *   (coordinates in the requested CRS, easting first) is answered with an OGC service
 *   exception document with HTTP 200, as GeoServer does.
 * - Any request under `/broken` is answered with an exception document.
 * - `GET /requests?map=<tag>` lists the query strings of the requests whose `MAP` parameter
 *   is `tag` (parameter names upper-cased), for the test that sent them.
 *
 * The BBOX is read in WMS 1.3.0's axis order for the projected CRSs it is asked for here
 * (northing first for EPSG:3006).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { image } from './generated.ts';

export interface WmsStandIn {
  /** Its origin, with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

export const TILE_RGB: [number, number, number] = [40, 170, 70];
const RIM_RGB: [number, number, number] = [20, 90, 40];

function tile(width: number, height: number): Buffer {
  return image(width, height, TILE_RGB, (x, y) => (x < 2 || y < 2 || x >= width - 2 || y >= height - 2 ? RIM_RGB : null));
}

const exception = (code: string, text: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">\n  <ServiceException code="${code}">${text}</ServiceException>\n</ServiceExceptionReport>\n`;

/** Whether the 1.3.0 BBOX `minN,minE,maxN,maxE` contains the point `hole` (`E,N`). */
function contains(bbox: string | null, hole: string | null): boolean {
  if (!bbox || !hole) return false;
  const [minN, minE, maxN, maxE] = bbox.split(',').map(Number);
  const [e, n] = hole.split(',').map(Number);
  return e! >= minE! && e! <= maxE! && n! >= minN! && n! <= maxN!;
}

export async function startWmsStandIn(): Promise<WmsStandIn> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname === '/requests') {
      const tag = url.searchParams.get('map');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(requests.filter((q) => q.get('MAP') === tag).map((q) => q.toString())));
      return;
    }
    const q = new URLSearchParams([...url.searchParams].map(([k, v]) => [k.toUpperCase(), v]));
    requests.push(q);
    if (url.pathname.startsWith('/broken')) {
      res.writeHead(200, { 'content-type': 'application/vnd.ogc.se_xml' });
      res.end(exception('LayerNotDefined', `Could not find layer ${q.get('LAYERS') ?? '?'}`));
      return;
    }
    if (contains(q.get('BBOX'), q.get('HOLE'))) {
      res.writeHead(200, { 'content-type': 'application/vnd.ogc.se_xml' });
      res.end(exception('TileOutOfRange', 'No data for this part of the map (test)'));
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(tile(Number(q.get('WIDTH')) || 256, Number(q.get('HEIGHT')) || 256));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The GetMap requests the stand-in received for layers whose URL carries `map=<tag>`. */
export async function standInRequests(standInUrl: string, tag: string): Promise<URLSearchParams[]> {
  const res = await fetch(new URL(`requests?map=${encodeURIComponent(tag)}`, standInUrl));
  return ((await res.json()) as string[]).map((s) => new URLSearchParams(s));
}
