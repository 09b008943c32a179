/** The layer list: visibility toggles, per-layer loading state, errors in words. */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import type { Comparison } from '../spec';
import { comparisonApplies, findComparison, layerSide, sceneComparisons, sideVisibility, type CompareMode } from '../state/compare-store';
import { shownByTimeline } from '../state/time-comparisons';
import { layerControls } from '../state/layer-controls';
import '../state/layer-controls-builtin';
import { uiStore } from '../state/ui-store';
import { useT, type MessageKey } from './i18n';

const NO_LAYERS: never[] = [];

/** For a layer on one side of the active comparison: that side's name and where it is drawn now. */
function compareTag(comparison: Comparison | null, mode: CompareMode, layerId: string): { side: string; hidden: boolean; note: MessageKey } | null {
  if (!comparisonApplies(comparison, mode)) return null;
  const side = layerSide(comparison, layerId);
  if (side === 'both') return null;
  const where = sideVisibility(comparison, mode, layerId);
  const note: MessageKey = where === 'none' ? 'compareHidden' : where === 'before' ? 'compareLeft' : where === 'after' ? 'compareRight' : 'compareShown';
  return { side: comparison[side].name, hidden: where === 'none', note };
}

/**
 * For a layer with a time: its time and whether the timeline shows it now. In a comparison's
 * swipe view only layers of neither half are tagged (the comparison tags the others).
 */
function timeTag(shown: boolean, layer: { time?: unknown }, swiping: boolean): { time: string; hidden: boolean } | null {
  if (typeof layer.time !== 'string' || (swiping && shown)) return null;
  return { time: layer.time, hidden: !shown };
}

export function LayerPanel() {
  const rt = useRuntime();
  const t = useT();
  const layers = useStore(rt.scene, (s) => s.doc?.layers) ?? NO_LAYERS;
  const statuses = useStore(rt.status, (s) => s.byId);
  const comparisons = useStore(rt.scene, (s) => sceneComparisons(s.doc));
  const activeId = useStore(rt.compare, (s) => s.activeId);
  const mode = useStore(rt.compare, (s) => s.mode);
  const comparison = findComparison(comparisons, activeId);
  const doc = useStore(rt.scene, (s) => s.doc);
  const step = useStore(rt.timeline, (s) => s.step);
  const swiping = mode === 'swipe' && comparison !== null;
  const lang = useStore(uiStore, (s) => s.lang);
  return (
    <section className="panel layer-panel" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('layers')}</h2>
      <ul>
        {layers.map((layer) => {
          const status = statuses[layer.id];
          const state = status?.state ?? 'loading';
          const tag = compareTag(comparison, mode, layer.id);
          const when = timeTag(shownByTimeline(doc, { activeId, mode }, step, layer.id), layer, swiping);
          return (
            <li key={layer.id} className={`layer is-${state}${tag?.hidden || when?.hidden ? ' is-compare-hidden' : ''}`} data-layer-id={layer.id}>
              <label>
                <input
                  type="checkbox"
                  checked={layer.visible}
                  onChange={(e) => rt.scene.getState().updateLayer(layer.id, { visible: e.target.checked })}
                />
                <span className="layer-name">{layer.name}</span>
                <span className={`badge badge-${state}`} title={status?.error ?? ''}>
                  {state === 'loading' && status?.progress !== undefined && layer.visible
                    ? `${Math.round(status.progress * 100)} %`
                    : t(state)}
                </span>
              </label>
              <button
                type="button"
                className="zoom-to"
                aria-label={`${t('zoomTo')}: ${layer.name}`}
                title={t('zoomTo')}
                onClick={() => {
                  const view = rt.engine.viewOfLayer(layer.id);
                  if (view) void rt.controller?.flyTo(view);
                }}
              >
                ⤢
              </button>
              {tag ? (
                <div className="layer-compare">
                  <span className={`compare-tag${tag.hidden ? ' is-hidden' : ''}`} data-compare={tag.hidden ? 'hidden' : 'shown'}>
                    {tag.side}
                  </span>{' '}
                  {t(tag.note)}
                </div>
              ) : null}
              {when ? (
                <div className="layer-compare" data-time={when.hidden ? 'hidden' : 'shown'}>
                  <span className={`compare-tag${when.hidden ? ' is-hidden' : ''}`}>{when.time}</span> {t(when.hidden ? 'timeHidden' : 'timeShown')}
                </div>
              ) : null}
              {state === 'ready' && status?.featureCount ? (
                <div className="layer-meta">
                  {status.featureCount} {t('features')}
                </div>
              ) : null}
              {layerControls(layer.type).map((control) => (
                <label key={control.id} className="layer-control">
                  <input
                    type="checkbox"
                    checked={control.value(layer)}
                    disabled={!layer.visible}
                    onChange={(e) => rt.scene.getState().updateLayer(layer.id, control.patch(e.target.checked))}
                  />
                  <span>{control.label[lang]}</span>
                </label>
              ))}
              {status?.error ? (
                <div className="layer-error" role="alert">
                  {status.error}
                </div>
              ) : null}
              {status?.notes?.length ? <div className="layer-notes">{status.notes.join(' ')}</div> : null}
              {status?.warnings.length ? (
                <details className="layer-warnings">
                  <summary>
                    {status.warnings.length} {t(status.warnings.length === 1 ? 'warning' : 'warnings')}
                  </summary>
                  <ul>
                    {status.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
