/**
 * Colours for vertex-coloured glTF content. glTF `COLOR_0` and material factors are
 * linear RGB, while palettes are written as sRGB hex; convert with `srgbHexToLinear`.
 */

/** Linear RGB, components in [0, 1]. */
export type Rgb = [number, number, number];

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** `#rrggbb` (sRGB) to linear RGB. */
export function srgbHexToLinear(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return [1, 2, 3].map((i) => srgbToLinear(parseInt(m[i]!, 16) / 255)) as Rgb;
}

/** Scales a linear colour's brightness (factor < 1 darkens), clamped to [0, 1]. */
export function shade(c: Rgb, factor: number): Rgb {
  return [Math.min(1, c[0] * factor), Math.min(1, c[1] * factor), Math.min(1, c[2] * factor)];
}

/** Linear interpolation between two linear colours. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
