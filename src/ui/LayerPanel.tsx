/** The layer list: visibility toggles, per-layer loading state, errors in words. */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

const NO_LAYERS: never[] = [];

export function LayerPanel() {
  const rt = useRuntime();
  const t = useT();
  const layers = useStore(rt.scene, (s) => s.doc?.layers) ?? NO_LAYERS;
  const statuses = useStore(rt.status, (s) => s.byId);
  return (
    <section className="panel layer-panel" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('layers')}</h2>
      <ul>
        {layers.map((layer) => {
          const status = statuses[layer.id];
          const state = status?.state ?? 'loading';
          return (
            <li key={layer.id} className={`layer is-${state}`} data-layer-id={layer.id}>
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
              {state === 'ready' && status?.featureCount ? (
                <div className="layer-meta">
                  {status.featureCount} {t('features')}
                </div>
              ) : null}
              {status?.error ? (
                <div className="layer-error" role="alert">
                  {status.error}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
