/**
 * Boverket's named plan colours (the `farg` of användningsbestämmelser in Planbestämmelsekatalogen)
 * as `#rrggbb`, and the colour of a use code.
 *
 * The catalogue names colours but gives no colour codes. The values below are those of the
 * colour ramp "Användningsområden" in the QGIS style library "Detaljplaner (Bfs 2020:6)" by
 * Alnemar (CC0 1.0, https://hub.qgis.org/styles/238/), drawn from Boverket's printed
 * conventions (BFS 2020:6), as quoted in the rita-detaljplan plugin (commit 741c480,
 * `rita_detaljplan/core/symbology.py`). `Violett` is an older name of `Lila`; `Ljusblå` and
 * `Ljusbrun` are not in that ramp and were matched by eye to printed plan maps.
 */
import { useCodeInfo } from './use-codes';

export const PLAN_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  Gul: '#ffffce',
  Brun: '#dabf8c',
  Beige: '#ffcb83',
  Orange: '#ff8040',
  Röd: '#fa4b3c',
  Rosa: '#ffbce1',
  Lila: '#d1b6e1',
  Blå: '#a5dafb',
  Blågrå: '#b6cce1',
  Grön: '#b2ec40',
  Ljusgrön: '#deffce',
  Grå: '#d9d9d9',
  Ljusgrå: '#e9e9e9',
  // Not in the CC0 ramp:
  Violett: '#d1b6e1',
  Ljusblå: '#d4eefc',
  Ljusbrun: '#ecdcbc',
});

/**
 * The fill of areas whose use has no known colour: a neutral mid grey, which the zoning layer
 * draws more transparent than known uses so the ground shows through.
 */
export const FALLBACK_COLOUR = '#c8c8c8';

/**
 * A Boverket colour name → `#rrggbb`; case-insensitive, also without Swedish letters
 * (`blagra`). `undefined` for an unknown name (the name comes from data: only our own colours count).
 */
export function colourHex(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return (Object.hasOwn(PLAN_COLOURS, name) ? PLAN_COLOURS[name] : undefined) ?? BY_FOLDED_NAME.get(foldName(name));
}

function foldName(name: string): string {
  return name.trim().toLocaleLowerCase('sv').replace(/å|ä/g, 'a').replace(/ö/g, 'o').replace(/\s+/g, '');
}

const BY_FOLDED_NAME = new Map(Object.entries(PLAN_COLOURS).map(([n, hex]) => [foldName(n), hex]));

/**
 * The colour of a use code (`B`, `C`, `GATA`, `PARK`, `R1`, `W`, …) by Boverket's general advice:
 * `{ name, hex }`, or `undefined` for a code that is not a known use.
 */
export function colourForUse(code: string): { name: string; hex: string } | undefined {
  const info = useCodeInfo(code);
  if (!info) return undefined;
  const hex = colourHex(info.colour);
  return hex ? { name: info.colour, hex } : undefined;
}
