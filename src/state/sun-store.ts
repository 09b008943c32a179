/**
 * The sun study: the instant whose sun lights the scene, whether shadows are drawn, and
 * whether the day is playing. Shared by the desktop sun panel, the XR menu, the canvas and
 * `window.twin.sun()`. Time is an instant (ms since 1970-01-01T00:00Z); it is shown in the
 * scene's time zone (`doc.timeZone`, default Europe/Stockholm).
 *
 * Playing advances the clock on a timer (not in per-frame code): one hour of sun per
 * second, from sunrise to sunset, then again from sunrise.
 */
import { createStore } from 'zustand/vanilla';
import { daylight, DEFAULT_TIME_ZONE, seasonInstant, sunPosition, toLocalTime, fromLocalTime } from '../geo';
import type { SceneDocument } from '../spec';

/** Where the sun is watched from: the scene's origin and time zone. */
export interface SunPlace {
  lon: number;
  lat: number;
  timeZone: string;
}

/** The place of a scene's sun: its origin, in its time zone. */
export function sunPlaceOf(doc: Pick<SceneDocument, 'origin' | 'timeZone'> | null): SunPlace {
  return { lon: doc?.origin.lon ?? 0, lat: doc?.origin.lat ?? 0, timeZone: doc?.timeZone ?? DEFAULT_TIME_ZONE };
}

export interface SunState {
  /** The instant of the study, ms since 1970-01-01T00:00Z. */
  time: number;
  /** Whether the sun lights the scene and casts shadows (off by default: the usual daylight look). */
  shadows: boolean;
  /** Whether the day is playing. */
  playing: boolean;
  setTime(time: number): void;
  setShadows(on: boolean): void;
  setPlaying(on: boolean): void;
}

/** The sun-study days: the March equinox, the June solstice, the December solstice. */
export type SunPreset = 'equinox' | 'midsummer' | 'winter';

/** Apparent solar longitude of each preset, degrees. */
const PRESET_LONGITUDE: Record<SunPreset, number> = { equinox: 0, midsummer: 90, winter: 270 };

export const SUN_PRESETS: readonly SunPreset[] = ['equinox', 'midsummer', 'winter'];

/** Simulated time per real second while playing, and the timer's tick, ms. */
export const PLAY_RATE = 3_600_000;
const TICK = 100;

/** The time of day now, rounded down to 5 minutes. */
function initialTime(): number {
  const now = Date.now();
  return now - (now % 300_000);
}

/**
 * The instant of the same local clock time on the day of a preset in the year of `time`
 * (e.g. 15:00 on midsommar 2026), in `timeZone`.
 */
export function presetTime(preset: SunPreset, time: number, timeZone: string): number {
  const local = toLocalTime(time, timeZone);
  const day = toLocalTime(seasonInstant(local.year, PRESET_LONGITUDE[preset]), timeZone);
  return fromLocalTime({ ...local, year: day.year, month: day.month, day: day.day }, timeZone);
}

/** Which preset day `time` falls on (local date in `timeZone`), or `null`. */
export function presetOf(time: number, timeZone: string): SunPreset | null {
  const t = toLocalTime(time, timeZone);
  for (const p of SUN_PRESETS) {
    const d = toLocalTime(seasonInstant(t.year, PRESET_LONGITUDE[p]), timeZone);
    if (d.month === t.month && d.day === t.day) return p;
  }
  return null;
}

/** The next instant of the played day after `time`: one tick on, wrapping from sunset to sunrise. */
export function nextPlayTime(time: number, place: SunPlace, stepMs = (PLAY_RATE * TICK) / 1000): number {
  const day = daylight(time, place.lon, place.lat, place.timeZone);
  const rise = day.sunrise ?? day.start;
  const set = day.sunset ?? day.end - 1;
  if (day.sunrise === null && day.sunset === null && !day.upAtStart) return time; // polar night: nothing to play
  const next = time + stepMs;
  if (time < rise || next > set) return rise;
  return next;
}

export function createSunStore(place: () => SunPlace = () => ({ lon: 0, lat: 0, timeZone: DEFAULT_TIME_ZONE })) {
  let timer: ReturnType<typeof setInterval> | null = null;
  const store = createStore<SunState>()((set, get) => ({
    time: initialTime(),
    shadows: false,
    playing: false,
    setTime: (time) => {
      if (Number.isFinite(time)) set({ time });
    },
    setShadows: (shadows) => set({ shadows }),
    setPlaying: (on) => {
      if (on === get().playing) return;
      if (timer !== null) clearInterval(timer);
      timer = on ? setInterval(() => set({ time: nextPlayTime(get().time, place()) }), TICK) : null;
      set({ playing: on });
    },
  }));
  return store;
}

export type SunStore = ReturnType<typeof createSunStore>;

/** The sun's altitude and azimuth (degrees) at the study's instant, seen from `place`. */
export function studySun(state: Pick<SunState, 'time'>, place: SunPlace) {
  return sunPosition(state.time, place.lon, place.lat);
}
