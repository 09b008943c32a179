/** Named viewpoints; choosing one flies the camera there. */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

const NO_VIEWPOINTS: never[] = [];

export function ViewpointList() {
  const rt = useRuntime();
  const t = useT();
  const viewpoints = useStore(rt.scene, (s) => s.doc?.viewpoints) ?? NO_VIEWPOINTS;
  if (viewpoints.length === 0) return null;
  return (
    <nav className="panel viewpoints" aria-labelledby="viewpoints-heading">
      <h2 id="viewpoints-heading">{t('viewpoints')}</h2>
      <ul>
        {viewpoints.map((vp) => (
          <li key={vp.id}>
            <button type="button" data-viewpoint-id={vp.id} onClick={() => void rt.controller?.flyTo(vp)}>
              {vp.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
