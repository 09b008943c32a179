/** report.json: the run's summary, then every skipped feature and defaulted height (copied from their spill files). */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CrsChoice } from './crs-choice';
import { GENERATOR, type BuildingsResult } from './options';
import type { Pass1 } from './read-pass';
import type { FeatureSource } from './sources';

function reportHead(r: Omit<BuildingsResult, 'skippedSample' | 'heights' | 'reportPath'> & { heights: Omit<BuildingsResult['heights'], 'defaultedSample'> }): Record<string, unknown> {
  return {
    generator: GENERATOR,
    input: r.input,
    format: r.format,
    output: r.outDir,
    crs: r.crs,
    frame: {
      ...r.origin,
      description: 'tileset frame: east-north-up at this point on the WGS84 ellipsoid (root transform to ECEF); tile contents are stored relative to their own centres',
    },
    vertical: {
      reference: r.base.geoid
        ? `base attribute in RH 2000 (or 0), plus geoid height ${r.base.geoid === 'harnosand' ? 'N = 24.4 m (Härnösand, EGM96; see src/geo/heights.ts)' : `N = ${r.base.geoid} m`}: heights above the WGS84 ellipsoid`
        : 'base attribute (or 0) taken as metres above the WGS84 ellipsoid',
      ...r.base,
    },
    features: r.features,
    heights: r.heights,
    unclosedRingsClosed: r.unclosedRings,
    properties: r.properties,
    droppedAttributes: r.droppedAttributes,
    tiles: r.tiles,
    warnings: r.warnings,
    seconds: r.seconds,
  };
}

function writeReportFile(path: string, head: Record<string, unknown>, p1: Pass1): void {
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${headJson},\n  "skipped": [\n`);
    p1.skipped.copyInto(fd, '    ');
    writeSync(fd, `\n  ],\n  "defaultedHeights": [\n`);
    p1.defaulted.copyInto(fd, '    ');
    writeSync(fd, '\n  ]\n}\n');
  } finally {
    closeSync(fd);
  }
}

export function writeReport(r: BuildingsResult, p1: Pass1): void {
  const { skippedSample: _s, reportPath, heights, ...rest } = r;
  const { defaultedSample: _d, ...h } = heights;
  writeReportFile(reportPath, reportHead({ ...rest, heights: h }), p1);
}

export function writeReportOnly(outDir: string, p1: Pass1, crs: CrsChoice, input: string, format: FeatureSource['format']): void {
  writeReportFile(
    join(outDir, 'report.json'),
    {
      generator: GENERATOR,
      input,
      format,
      crs: { code: crs.code, name: crs.name, source: crs.source },
      features: { read: p1.read, written: 0, skipped: p1.skipped.count },
      error: 'no valid footprints: no tileset was written',
    },
    p1,
  );
}
