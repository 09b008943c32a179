/** A thin progress bar across the top while any visible layer is loading. */
import { useStore } from 'zustand';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

export function LoadingBar() {
  const rt = useRuntime();
  const t = useT();
  const visibleIds = useStore(rt.scene, (s) => (s.doc?.layers ?? []).filter((l) => l.visible).map((l) => l.id).join('|'));
  const progress = useStore(rt.status, (s) => {
    const ids = visibleIds ? visibleIds.split('|') : [];
    const loading = ids.map((id) => s.byId[id]).filter((x) => !x || x.state === 'loading');
    if (loading.length === 0) return null;
    const sum = loading.reduce((acc, x) => acc + (x?.progress ?? 0), 0);
    return Math.round((sum / loading.length) * 100);
  });
  if (progress === null) return null;
  return (
    <div className="loading-bar" role="progressbar" aria-label={t('loadingCity')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
      <div className="loading-bar-fill" style={{ width: `${Math.max(4, progress)}%` }} />
      <span className="loading-bar-label">
        {t('loadingCity')} {progress} %
      </span>
    </div>
  );
}
