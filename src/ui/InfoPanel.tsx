/** Properties of the picked feature, as text (data is never injected as HTML). */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { formatPropertyValue } from '../state/property-text';
import { uiStore } from '../state/ui-store';
import { useT } from './i18n';
import { getInfoView } from './info-views';
import './info-views-registry';

export function InfoPanel() {
  const rt = useRuntime();
  const t = useT();
  const picked = useStore(rt.selection, (s) => s.picked);
  const lang = useStore(uiStore, (s) => s.lang);
  if (!picked) return null;
  const entries = Object.entries(picked.properties);
  const KindView = getInfoView(picked.layerType);
  return (
    <aside className="panel info-panel" aria-labelledby="info-heading" data-testid="info-panel">
      <header>
        <h2 id="info-heading">{t('featureInfo')}</h2>
        <button type="button" className="close" aria-label={t('close')} onClick={() => rt.selection.getState().select(null)}>
          ×
        </button>
      </header>
      {KindView ? <KindView picked={picked} /> : null}
      {!KindView && typeof picked.properties.name === 'string' && picked.properties.name ? <p className="info-title">{picked.properties.name}</p> : null}
      {!KindView ? <p className="info-layer">{picked.layerName}</p> : null}
      {KindView ? null : entries.length === 0 ? (
        <p>{t('noProperties')}</p>
      ) : (
        <dl>
          {entries.map(([key, value]) => (
            <div key={key} className="info-row">
              <dt>{key}</dt>
              <dd>{formatPropertyValue(value, lang)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="info-position">
        {t('position')}: {picked.at.lat.toFixed(5)}° N, {picked.at.lon.toFixed(5)}° E
      </p>
    </aside>
  );
}
