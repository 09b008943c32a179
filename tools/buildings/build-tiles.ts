/**
 * Pass 3 (build): each leaf is read on its own, its promoted records are set aside for
 * their ancestor (another spill), the rest become one glb; then each inner tile's glb is
 * built from its spill. Memory: one tile's records and mesh.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FinalSchema } from './attributes';
import { buildContent, type BuiltContent, type BuiltTile } from './content';
import type { BuildingsOptions } from './options';
import type { TilePlan } from './plan';
import { BucketWriter, decodeRecord, readRecordFiles, type FootprintRecord } from './records';
import { cellKey, nodesOf, type PlanNode } from './tiling';

export interface BuiltTiles {
  built: Map<PlanNode, BuiltTile>;
  /** Bytes of all glb files. */
  bytes: number;
  contentCount: number;
}

/** Writes the glb of every tile with content to `outDir`/content/. */
export async function buildTiles(
  { root, leaves }: TilePlan,
  schema: FinalSchema,
  heightNames: string[],
  maxPerTile: number,
  outDir: string,
  tmp: string,
  o: Pick<BuildingsOptions, 'progress' | 'writeBudget'>,
): Promise<BuiltTiles> {
  const contentDir = join(outDir, 'content');
  mkdirSync(contentDir, { recursive: true });
  const innerDir = join(tmp, 'inner');
  mkdirSync(innerDir);
  const nodes = nodesOf(root);
  const innerWithContent = nodes.filter((n) => n.promoted.length > 0);
  const innerKey = new Map<PlanNode, string>(innerWithContent.map((n) => [n, cellKey(n.level, n.x, n.y)]));
  const promotedTo = leaves.map(() => new Map<number, string>());
  for (const n of innerWithContent) for (const c of n.promoted) promotedTo[c.leaf]!.set(c.ord, innerKey.get(n)!);
  const innerWriter = new BucketWriter<string>((k) => join(innerDir, `${k}.bin`), o.writeBudget);
  const built = new Map<PlanNode, BuiltTile>();
  const build = async (records: FootprintRecord[], level: number, x: number, y: number, suffix = ''): Promise<BuiltContent> => {
    const uri = `content/${level}_${x}_${y}${suffix}.glb`;
    return buildContent(records, schema, heightNames, join(outDir, uri), uri);
  };
  const contentTotal = leaves.length + innerWithContent.length;
  const bar = o.progress?.('tiles', contentTotal);
  let bytes = 0;
  let contentCount = 0;
  for (let li = 0; li < leaves.length; li++) {
    const leaf = leaves[li]!;
    const up = promotedTo[li]!;
    const own: FootprintRecord[] = [];
    const contents: BuiltContent[] = [];
    let ord = 0;
    let chunk = 0;
    for (const raw of readRecordFiles(leaf.files)) {
      const to = up.get(ord++);
      if (to !== undefined) innerWriter.append(to, Buffer.from(raw));
      else {
        own.push(decodeRecord(raw));
        // only a leaf at the deepest level can hold more than maxPerTile: several contents
        if (own.length === maxPerTile && leaf.count > maxPerTile) {
          contents.push(await build(own.splice(0), leaf.level, leaf.x, leaf.y, `_${chunk++}`));
        }
      }
    }
    if (own.length > 0) contents.push(await build(own, leaf.level, leaf.x, leaf.y, chunk > 0 ? `_${chunk}` : ''));
    for (const c of contents) bytes += c.bytes;
    contentCount += contents.length;
    built.set(leaf, { contents });
    bar?.tick(`${leaf.level}_${leaf.x}_${leaf.y}`);
  }
  innerWriter.flush();
  for (const n of innerWithContent) {
    const records: FootprintRecord[] = [];
    for (const raw of readRecordFiles([join(innerDir, `${innerKey.get(n)}.bin`)])) records.push(decodeRecord(raw));
    const c = await build(records, n.level, n.x, n.y);
    bytes += c.bytes;
    contentCount++;
    built.set(n, { contents: [c] });
    bar?.tick(`${n.level}_${n.x}_${n.y}`);
  }
  bar?.done(`${contentCount} glb, ${(bytes / 1048576).toFixed(1)} MiB`);
  return { built, bytes, contentCount };
}
