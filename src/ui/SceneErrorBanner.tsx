/** Shows why a scene failed to load (every validation issue on its own line). */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

export function SceneErrorBanner() {
  const rt = useRuntime();
  const t = useT();
  const error = useStore(rt.scene, (s) => s.loadError);
  if (!error) return null;
  return (
    <div className="scene-error" role="alert">
      <strong>{t('sceneError')}</strong>
      <pre>{error}</pre>
      <button type="button" onClick={() => rt.scene.getState().setLoadError(null)}>
        {t('close')}
      </button>
    </div>
  );
}
