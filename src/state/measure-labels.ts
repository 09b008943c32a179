/** What the scene writes next to a measurement, and where (scene frame). */
import type { Lang } from './ui-store';
import { measureFigures, type MeasureMode, type MeasurePoint } from './measure-store';
import { formatMetres, formatSquareMetres } from './measure-format';

export interface MeasureLabel {
  at: { x: number; y: number; z: number };
  text: string;
}

const ABOVE_GROUND: Record<Lang, string> = { sv: 'över mark', en: 'above ground' };
/** Height differences smaller than this get no label of their own, metres. */
const FLAT = 0.05;

export function measureLabels(mode: MeasureMode | null, points: readonly MeasurePoint[], closed: boolean, lang: Lang): MeasureLabel[] {
  const f = measureFigures(mode, points, closed);
  const mid = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 });
  if (f.distance) {
    const [a, b] = points as [MeasurePoint, MeasurePoint];
    const corner = { x: b.x, y: a.y, z: b.z };
    const out: MeasureLabel[] = [{ at: mid(a, b), text: formatMetres(f.distance.straight, lang) }];
    if (Math.abs(f.distance.vertical) >= FLAT) {
      out.push({ at: mid(a, corner), text: `↔ ${formatMetres(f.distance.horizontal, lang)}` });
      out.push({ at: mid(corner, b), text: `↕ ${formatMetres(Math.abs(f.distance.vertical), lang)}` });
    }
    return out;
  }
  if (f.height) {
    const p = points[0]!;
    return [{ at: { x: p.x, y: (p.y + p.groundY) / 2, z: p.z }, text: `${formatMetres(f.height.aboveGround, lang)} ${ABOVE_GROUND[lang]}` }];
  }
  if (f.area) {
    const n = points.length;
    const c = points.reduce((s, p) => ({ x: s.x + p.x / n, y: s.y + p.y / n, z: s.z + p.z / n }), { x: 0, y: 0, z: 0 });
    return [{ at: c, text: formatSquareMetres(f.area.area, lang) }];
  }
  return [];
}
