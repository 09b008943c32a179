/**
 * "Enter VR" (and "Enter AR" where supported): shown only when the browser can start such a
 * session; while presenting, a button to leave. Errors from the request are shown as text.
 */
import { useStore } from 'zustand';
import type { XrRuntime } from '../xr/xr-runtime';
import { useT } from './i18n';

export function XrButton({ xr }: { xr: XrRuntime }) {
  const t = useT();
  const vr = useStore(xr.view, (s) => s.supportsVr);
  const ar = useStore(xr.view, (s) => s.supportsAr);
  const presenting = useStore(xr.view, (s) => s.presenting);
  const error = useStore(xr.view, (s) => s.error);
  if (!vr && !ar) return null;
  // a failure to enter or leave is shown below (xr.view's error)
  const enter = (mode: 'immersive-vr' | 'immersive-ar') => () => void xr.enter(mode).catch(() => {});
  return (
    <div className="xr-buttons">
      {presenting ? (
        <button type="button" onClick={() => void xr.exit().catch(() => {})}>
          {t('exitXr')}
        </button>
      ) : (
        <>
          {vr ? (
            <button type="button" className="xr-enter" data-xr-mode="immersive-vr" onClick={enter('immersive-vr')}>
              {t('enterVr')}
            </button>
          ) : null}
          {ar ? (
            <button type="button" className="xr-enter" data-xr-mode="immersive-ar" onClick={enter('immersive-ar')}>
              {t('enterAr')}
            </button>
          ) : null}
        </>
      )}
      {error ? (
        <p className="xr-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
