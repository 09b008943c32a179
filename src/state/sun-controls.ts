/**
 * The sun study's controls as data (shadows, the study days, the time of day, playing the
 * day), drawn by the desktop sun panel and the XR menu alike.
 */
import { localDay, toLocalTime } from '../geo';
import { registerSceneControls, type SceneControlContext } from './scene-controls';
import { presetOf, presetTime, SUN_PRESETS, type SunPreset } from './sun-store';

const HOUR = 3_600_000;

const PRESET_LABELS: Record<SunPreset, { sv: string; en: string }> = {
  equinox: { sv: 'Vårdagjämning', en: 'Spring equinox' },
  midsummer: { sv: 'Midsommar', en: 'Midsummer' },
  winter: { sv: 'Vintersolstånd', en: 'Winter solstice' },
};

const zone = (ctx: SceneControlContext) => ctx.sunPlace().timeZone;
const day = (ctx: SceneControlContext) => localDay(ctx.sun.getState().time, zone(ctx));

/** Sets the study's time, stopping a playing day (the user took over). */
function setTime(ctx: SceneControlContext, time: number): void {
  const s = ctx.sun.getState();
  s.setPlaying(false);
  s.setTime(time);
}

/** `14:05` */
export function formatClock(time: number, timeZone: string): string {
  const t = toLocalTime(time, timeZone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

registerSceneControls({
  id: 'sun',
  label: { sv: 'Sol och skuggor', en: 'Sun and shadows' },
  controls: [
    {
      kind: 'toggle',
      id: 'shadows',
      label: { sv: 'Skuggor', en: 'Shadows' },
      value: (ctx) => ctx.sun.getState().shadows,
      set: (ctx, on) => ctx.sun.getState().setShadows(on),
    },
    {
      kind: 'choice',
      id: 'day',
      label: { sv: 'Dag', en: 'Day' },
      options: SUN_PRESETS.map((p) => ({ id: p, label: PRESET_LABELS[p] })),
      value: (ctx) => presetOf(ctx.sun.getState().time, zone(ctx)),
      set: (ctx, id) => setTime(ctx, presetTime(id as SunPreset, ctx.sun.getState().time, zone(ctx))),
    },
    {
      kind: 'range',
      id: 'time',
      label: { sv: 'Klockslag', en: 'Time of day' },
      min: (ctx) => day(ctx).start,
      max: (ctx) => day(ctx).end - 60_000,
      step: HOUR,
      fineStep: 5 * 60_000,
      value: (ctx) => ctx.sun.getState().time,
      set: (ctx, time) => {
        const d = day(ctx);
        setTime(ctx, Math.min(d.end - 60_000, Math.max(d.start, time)));
      },
      format: (ctx, time) => formatClock(time, zone(ctx)),
      stepLabels: [
        { sv: '−1 h', en: '−1 h' },
        { sv: '+1 h', en: '+1 h' },
      ],
    },
    {
      kind: 'toggle',
      id: 'play',
      label: { sv: 'Spela dagen', en: 'Play the day' },
      value: (ctx) => ctx.sun.getState().playing,
      set: (ctx, on) => ctx.sun.getState().setPlaying(on),
    },
  ],
});
