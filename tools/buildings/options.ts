/** Options, defaults and result of the `buildings` conversion (shared by its stages). */
import type { Progress } from '../lib/progress';
import type { FinalSchema } from './attributes';
import type { FeatureSource } from './sources';

export const DEFAULT_HEIGHT = 9;
export const DEFAULT_LEVEL_HEIGHT = 3;
export const DEFAULT_MAX_PER_TILE = 1000;
export const GENERATOR = 'metacity-twin tools buildings';

export interface BuildingsOptions {
  input: string;
  outDir: string;
  /** CRS of the coordinates when the file names none (or to override it). */
  crs?: string;
  heightAttribute?: string;
  baseAttribute?: string;
  idAttribute?: string;
  /** Height of buildings without a usable height, metres. */
  defaultHeight?: number;
  /** Metres per storey for levels attributes. */
  levelHeight?: number;
  maxPerTile?: number;
  /** Base values are RH 2000 heights: `harnosand` (N = 24.4 m) or a geoid height in metres. */
  geoid?: string;
  progress?: (label: string, total: number) => Progress;
  /** Budget of the spill writers, bytes (default 16 MiB). */
  writeBudget?: number;
}

export interface Problem {
  id: string;
  index: number;
  reason: string;
}

export interface BuildingsResult {
  input: string;
  format: FeatureSource['format'];
  outDir: string;
  crs: { code: string; name: string; source: string };
  origin: { lon: number; lat: number; height: number };
  features: { read: number; written: number; skipped: number };
  /** The first skipped features (all are in report.json). */
  skippedSample: Problem[];
  heights: { default: number; levelHeight: number; bySource: Record<string, number>; defaulted: number; defaultedSample: Problem[] };
  base: { attribute: string | null; missing: number; geoid: string | null };
  unclosedRings: number;
  properties: FinalSchema['columns'];
  droppedAttributes: Record<string, number>;
  tiles: { count: number; contents: number; maxLevel: number; bytes: number; refine: 'ADD' };
  reportPath: string;
  warnings: string[];
  seconds: number;
}
