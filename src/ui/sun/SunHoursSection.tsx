/**
 * Sun hours in the sun panel (loaded with it): mark an area on the ground (with the measuring
 * tool's polygon), compute the hours of direct sun of each point on the study's day, today
 * against the proposal when the scene compares them, with a legend, a summary per side and
 * the computation time.
 */
import { useStore } from 'zustand';
import { toLocalTime } from '../../geo';
import { computeAreaSunHours } from '../../engine/sun/sun-hours-job';
import { formatSquareMetres } from '../../state/measure-format';
import { hoursScale, legendTicks, sunHoursColour } from '../../state/sun-hours-palette';
import { SUNNY_HOURS } from '../../state/sun-hours-store';
import { uiStore } from '../../state/ui-store';
import { useRuntime } from '../../scene/runtime-context';
import { useT } from '../i18n';

export default function SunHoursSection() {
  const rt = useRuntime();
  const t = useT();
  const lang = useStore(uiStore, (s) => s.lang);
  const { status, result, error, shown } = useStore(rt.sunHours);
  const measure = useStore(rt.measure);
  const time = useStore(rt.sun, (s) => s.time);
  const place = rt.sunPlace();
  const local = toLocalTime(time, place.timeZone);
  const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const marking = measure.mode === 'area';
  const canCompute = marking && measure.points.length >= 3 && status !== 'computing';
  const number = (v: number, digits = 1) => new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);

  const compute = () => {
    const polygon = measure.points.map((p) => [p.x, p.z] as [number, number]);
    void computeAreaSunHours(rt, polygon).then(
      () => rt.measure.getState().setMode(null),
      () => {}, // the store holds the message
    );
  };
  const max = result ? hoursScale(result.dayLength) : 0;
  const ticks = result ? legendTicks(max) : [];
  const gradient = result
    ? `linear-gradient(to right, ${Array.from({ length: max }, (_, h) => {
        const [r, g, b] = sunHoursColour(h, max);
        return `rgb(${r} ${g} ${b}) ${(h / max) * 100}% ${((h + 1) / max) * 100}%`;
      }).join(', ')})`
    : '';

  return (
    <details className="sun-hours" data-testid="sun-hours" open={marking || status !== 'idle' || undefined}>
      <summary>{t('sunHours')}</summary>
      <div className="sun-hours-body">
        <p className="tool-note">{t('sunHoursIntro', { date })}</p>
        <div className="tool-actions">
          <button type="button" aria-pressed={marking} onClick={() => rt.measure.getState().setMode(marking ? null : 'area')}>
            {t('sunHoursMark')}
          </button>
          <button type="button" className="primary" disabled={!canCompute} onClick={compute}>
            {status === 'computing' ? t('sunHoursComputing') : t('sunHoursCompute')}
          </button>
        </div>
        {marking ? <p className="tool-note">{t('sunHoursMarking')}</p> : null}
        {error ? (
          <p className="tool-error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <div className="sun-hours-result" data-testid="sun-hours-result">
            <div className="legend" aria-label={t('sunHoursLegend')}>
              <div className="legend-title">{t('sunHoursLegend')}</div>
              <div className="legend-bar" style={{ background: gradient }} />
              <div className="legend-ticks">
                {ticks.map((h) => (
                  <span key={h} style={{ left: `${(h / max) * 100}%` }}>
                    {h}
                  </span>
                ))}
              </div>
            </div>
            <table className="sun-hours-table">
              <tbody>
                {result.sides.map((s) => (
                  <tr key={s.id} data-side={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{t('sunHoursMean', { hours: `${number(s.mean)} h` })}</td>
                    <td>{t('sunHoursSunny', { share: `${Math.round(s.sunnyShare * 100)} %`, n: SUNNY_HOURS })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="tool-note" data-testid="sun-hours-time">
              {t('sunHoursTime', {
                ms: result.computeMs < 1000 ? `${Math.round(result.computeMs)} ms` : `${number(result.computeMs / 1000)} s`,
                samples: new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(result.samples),
                spacing: `${number(result.grid.spacing)} m`,
                day: `${number(result.dayLength)} h`,
                area: formatSquareMetres(result.samples * result.grid.spacing ** 2, lang),
              })}
            </p>
            {result.date !== date ? <p className="tool-note">{t('sunHoursStale', { date: result.date })}</p> : null}
            <div className="tool-actions">
              <label className="tool-toggle">
                <input type="checkbox" checked={shown} onChange={(e) => rt.sunHours.getState().setShown(e.target.checked)} />
                <span>{t('sunHoursShow')}</span>
              </label>
              <button type="button" onClick={() => rt.sunHours.getState().clear()}>
                {t('sunHoursRemove')}
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </details>
  );
}
