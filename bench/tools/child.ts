/**
 * One measured run of the `buildings` converter, in its own process (spawned by
 * bench/tools/run.ts), so that its peak memory is its own: prints one line of JSON with the
 * result and `process.resourceUsage().maxRSS` (bytes) on stdout.
 *
 *   node --import tsx bench/tools/child.ts <input> <outDir> <maxPerTile>
 *   node --import tsx bench/tools/child.ts --baseline      (modules loaded, encoder ready, no work)
 */
import { convertBuildings } from '../../tools/buildings/convert.ts';
import { getGltfIO } from '../../tools/lib/gltf-content.ts';

const maxRss = () => process.resourceUsage().maxRSS * 1024;

if (process.argv[2] === '--baseline') {
  await getGltfIO();
  process.stdout.write(`${JSON.stringify({ maxRssBytes: maxRss() })}\n`);
} else {
  const [input, outDir, maxPerTile] = process.argv.slice(2);
  if (!input || !outDir) throw new Error('usage: child.ts <input> <outDir> [maxPerTile]');
  const t0 = performance.now();
  const result = await convertBuildings({ input, outDir, ...(maxPerTile ? { maxPerTile: Number(maxPerTile) } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${JSON.stringify({ maxRssBytes: maxRss(), seconds, result })}\n`);
}
