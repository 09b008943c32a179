/**
 * The sun-study panel: shadows on or off, the study days (vårdagjämning, midsommar,
 * vintersolstånd) or any date, the time of day (drag, or play the day), where the sun stands
 * and when it rises and sets, and the sun-hours map. The controls are the registered ones
 * (src/state/sun-controls.ts) that the XR menu shows too. Opening the panel turns shadows on.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { daylight, fromLocalTime, sunPosition, toLocalTime } from '../../geo';
import { findSceneControl } from '../../state/scene-controls';
import { formatClock } from '../../state/sun-controls';
import { useRuntime } from '../../scene/runtime-context';
import { useT, type MessageKey } from '../i18n';
import { SceneControlView } from '../tools/SceneControlView';
import { toolStore } from '../tools/tool-store';
import { compassKey } from './compass';

const SunHoursSection = lazy(() => import('./SunHoursSection'));

const control = (id: string) => findSceneControl('sun', id)!;

export default function SunPanel() {
  const rt = useRuntime();
  const t = useT();
  const { time, playing } = useStore(rt.sun);
  const doc = useStore(rt.scene, (s) => s.doc);
  const hasComparison = (doc?.comparisons?.length ?? 0) > 0;
  const place = rt.sunPlace();

  // a sun study shows shadows: turn them on when the panel opens (the toggle turns them off)
  useEffect(() => {
    rt.sun.getState().setShadows(true);
  }, [rt]);

  const local = toLocalTime(time, place.timeZone);
  const isoDate = `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const setDate = (value: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return;
    const s = rt.sun.getState();
    s.setPlaying(false);
    s.setTime(fromLocalTime({ ...local, year: +m[1]!, month: +m[2]!, day: +m[3]! }, place.timeZone));
  };
  const sun = sunPosition(time, place.lon, place.lat);
  const day = daylight(time, place.lon, place.lat, place.timeZone);
  const round = (v: number) => Math.round(v);
  const play = control('play');

  return (
    <section className="panel tool-panel sun-panel" aria-label={t('sunTool')} data-testid="sun-panel">
      <header className="tool-panel-header">
        <h2>{t('sunTool')}</h2>
        <button type="button" className="close" aria-label={t('closePanel')} onClick={() => toolStore.getState().setOpen(null)}>
          ×
        </button>
      </header>
      <div className="tool-row">
        <SceneControlView control={control('shadows')} />
        <SceneControlView control={control('day')} />
      </div>
      <label className="tool-field">
        <span>{t('sunDate')}</span>
        <input type="date" value={isoDate} onChange={(e) => setDate(e.target.value)} />
        <span className="tool-note">{t('sunTimeZone', { zone: place.timeZone })}</span>
      </label>
      <div className="sun-time">
        <SceneControlView control={control('time')} />
        <button type="button" className="sun-play" aria-pressed={playing} onClick={() => play.kind === 'toggle' && play.set(rt, !playing)}>
          <span aria-hidden="true">{playing ? '⏸' : '▶'}</span> {playing ? t('sunPause') : t('sunPlay')}
        </button>
      </div>
      <p className="sun-where" data-testid="sun-where">
        {sun.altitude > 0
          ? t('sunUp', { alt: round(sun.altitude), dir: t(compassKey(sun.azimuth) as MessageKey), az: round(sun.azimuth) })
          : t('sunDown', { alt: round(sun.altitude) })}
        <br />
        {day.sunrise !== null && day.sunset !== null
          ? t('sunRiseSet', { rise: formatClock(day.sunrise, place.timeZone), set: formatClock(day.sunset, place.timeZone) })
          : day.sunrise === null && day.sunset === null
            ? t(day.upAtStart ? 'sunPolarDay' : 'sunPolarNight')
            : t('sunRiseSet', { rise: day.sunrise !== null ? formatClock(day.sunrise, place.timeZone) : '–', set: day.sunset !== null ? formatClock(day.sunset, place.timeZone) : '–' })}
      </p>
      {hasComparison ? <p className="tool-note">{t('sunCompareHint')}</p> : null}
      <Suspense fallback={null}>
        <SunHoursSection />
      </Suspense>
    </section>
  );
}
