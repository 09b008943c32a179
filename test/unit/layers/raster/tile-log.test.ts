import { describe, expect, it } from 'vitest';
import { shortTileUrl, TileLog } from '../../../../src/layers/raster/tile-log';

describe('TileLog', () => {
  it('should count requests and group failures by reason, naming the first tile', () => {
    const log = new TileLog();
    for (let i = 0; i < 4; i++) log.begin();
    log.succeed();
    log.fail('http://h/data/tiles/16/37060/42830.png', 'HTTP 404 Not Found');
    log.fail('http://h/data/tiles/16/37061/42830.png', 'HTTP 404 Not Found');
    log.cancel();
    expect(log).toMatchObject({ pending: 0, loaded: 1, failed: 2 });
    expect(log.warnings()).toEqual(['2 tiles shown transparent: HTTP 404 Not Found (…/16/37060/42830.png and 1 more)']);
    expect(log.error()).toBeNull();
  });

  it('should be in error when tiles were tried and none could be shown', () => {
    const log = new TileLog();
    log.begin();
    log.begin();
    log.fail('https://x/geoserver/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=a', 'service exception: LayerNotDefined: no a');
    expect(log.error()).toBeNull(); // one is still on its way
    log.fail('https://x/geoserver/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=a&BBOX=2', 'service exception: LayerNotDefined: no a');
    expect(log.error()).toBe('No tile could be loaded: service exception: LayerNotDefined: no a (…/geoserver/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=a, and 1 more tiles)');
    expect(new TileLog().error()).toBeNull();
  });

  it('should bump its revision on every change', () => {
    const log = new TileLog();
    const r0 = log.revision;
    log.begin();
    log.succeed();
    expect(log.revision).toBe(r0 + 2);
  });

  it('should shorten URLs for messages', () => {
    expect(shortTileUrl('http://h/a/b/c/13/4632/5302.png')).toBe('…/13/4632/5302.png');
    expect(shortTileUrl(`https://x/wms?${'A'.repeat(100)}`)).toBe(`…/wms?${'A'.repeat(60)}…`);
    expect(shortTileUrl('not a url')).toBe('not a url');
  });
});
