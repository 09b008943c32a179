/**
 * The measuring panel: what to measure (the registered controls that the XR menu shows too),
 * what to do next, and the figures in metres and square metres. Opening it starts measuring
 * distances; closing it ends measuring.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { findSceneControl } from '../../state/scene-controls';
import '../../state/measure-controls';
import { measureFigures } from '../../state/measure-store';
import { formatMetres, formatSquareMetres } from '../../state/measure-format';
import { uiStore } from '../../state/ui-store';
import { useRuntime } from '../../scene/runtime-context';
import { useT, type MessageKey } from '../i18n';
import { SceneControlView } from '../tools/SceneControlView';
import { toolStore } from '../tools/tool-store';

const HINTS: Record<string, MessageKey> = { distance: 'measureHintDistance', height: 'measureHintHeight', area: 'measureHintArea' };

export default function MeasurePanel() {
  const rt = useRuntime();
  const t = useT();
  const lang = useStore(uiStore, (s) => s.lang);
  const { mode, points, closed } = useStore(rt.measure);

  useEffect(() => {
    const store = rt.measure.getState();
    if (!store.mode) store.setMode('distance');
    return () => rt.measure.getState().setMode(null);
  }, [rt]);

  const f = measureFigures(mode, points, closed);
  const m = (v: number) => formatMetres(v, lang);
  const rows: [MessageKey, string][] = [];
  if (f.distance) {
    rows.push(['measureStraight', m(f.distance.straight)], ['measureHorizontal', m(f.distance.horizontal)], ['measureVertical', m(f.distance.vertical)]);
  }
  if (f.height) rows.push(['measureAboveGround', m(f.height.aboveGround)]);
  if (f.area) rows.push(['measureArea', formatSquareMetres(f.area.area, lang)], ['measurePerimeter', m(f.area.perimeter)]);

  return (
    <section className="panel tool-panel measure-panel" aria-label={t('measureTool')} data-testid="measure-panel">
      <header className="tool-panel-header">
        <h2>{t('measureTool')}</h2>
        <button type="button" className="close" aria-label={t('closePanel')} onClick={() => toolStore.getState().setOpen(null)}>
          ×
        </button>
      </header>
      <SceneControlView control={findSceneControl('measure', 'mode')!} />
      <p className="tool-note">{t(mode ? HINTS[mode]! : 'measureHintOff')}</p>
      {rows.length ? (
        <dl className="measure-figures" data-testid="measure-figures" aria-live="polite">
          {rows.map(([k, v]) => (
            <div key={k} className="measure-row">
              <dt>{t(k)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="tool-actions">
        {mode === 'area' ? <SceneControlView control={findSceneControl('measure', 'close')!} /> : null}
        <button type="button" disabled={points.length === 0} onClick={() => rt.measure.getState().undo()}>
          {t('measureUndo')}
        </button>
        <SceneControlView control={findSceneControl('measure', 'clear')!} />
      </div>
    </section>
  );
}
