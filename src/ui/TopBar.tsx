/** Title, start-view button, language switch and navigation help. */
import { useState } from 'react';
import { useStore } from 'zustand';
import { uiStore } from '../state/ui-store';
import { useRuntime } from '../scene/runtime-context';
import { useT } from './i18n';

export function TopBar({ onHome }: { onHome(): void }) {
  const rt = useRuntime();
  const t = useT();
  const title = useStore(rt.scene, (s) => s.doc?.title ?? 'Metacity Twin');
  const lang = useStore(uiStore, (s) => s.lang);
  const [help, setHelp] = useState(false);
  return (
    <header className="top-bar">
      <h1>{title}</h1>
      <div className="top-actions">
        <button type="button" onClick={onHome} title={t('home')}>
          ⌂ <span className="label">{t('home')}</span>
        </button>
        <button type="button" onClick={() => uiStore.getState().setLang(lang === 'sv' ? 'en' : 'sv')} lang={lang === 'sv' ? 'en' : 'sv'}>
          {t('language')}
        </button>
        <button type="button" aria-expanded={help} onClick={() => setHelp(!help)}>
          ? <span className="label">{t('help')}</span>
        </button>
      </div>
      {help ? (
        <div className="panel help" role="dialog" aria-label={t('helpTitle')}>
          <h2>{t('helpTitle')}</h2>
          <p>🖱 {t('helpMouse')}</p>
          <p>👆 {t('helpTouch')}</p>
          <p>⌨ {t('helpKeys')}</p>
        </div>
      ) : null}
    </header>
  );
}
