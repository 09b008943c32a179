/**
 * Says where the scene comes from when it is not this site's own ("Scene from https://…"), and
 * why a `?scene=` link was refused (its origin is not on the site's allow-list).
 */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { foreignOrigin, sceneSourceStore } from '../state/scene-source-store';
import { useT } from './i18n';

export function SceneSourceNotice() {
  const rt = useRuntime();
  const t = useT();
  const sceneUrl = useStore(rt.scene, (s) => (s.doc ? s.baseUrl : null));
  const refused = useStore(sceneSourceStore, (s) => s.refused);
  const origin = sceneUrl ? foreignOrigin(sceneUrl, document.baseURI) : null;
  return (
    <>
      {origin ? (
        <p className="scene-source" role="note">
          {t('sceneFrom')} <strong>{origin}</strong>
        </p>
      ) : null}
      {refused ? (
        <div className="scene-error scene-refused" role="alert">
          <strong>{t('sceneRefused')}</strong>
          <p>
            <code>{refused}</code>
          </p>
          <p>{t('sceneRefusedOwn')}</p>
          <button type="button" onClick={() => sceneSourceStore.getState().setRefused(null)}>
            {t('close')}
          </button>
        </div>
      ) : null}
    </>
  );
}
