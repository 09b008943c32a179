/** Swedish and English UI texts. Data texts (names, properties) are shown as they are. */
import { useStore } from 'zustand';
import { uiStore, type Lang } from '../state/ui-store';

const en = {
  layers: 'Layers',
  viewpoints: 'Viewpoints',
  loading: 'Loading',
  ready: 'Ready',
  error: 'Error',
  loadingCity: 'Loading the city…',
  featureInfo: 'Feature information',
  warning: 'warning',
  warnings: 'warnings',
  close: 'Close',
  noProperties: 'This feature has no data.',
  sceneError: 'The scene could not be loaded',
  help: 'Help',
  helpTitle: 'Moving around',
  helpMouse: 'Drag to orbit · right-drag or Shift-drag to pan · wheel to zoom · double-click to zoom in',
  helpTouch: 'One finger orbits · two fingers pan and pinch to zoom · double-tap zooms in',
  helpKeys: '↑ ↓ move · ← → turn · Shift+↑ ↓ tilt · + − zoom · Home: start view',
  home: 'Start view',
  language: 'Svenska',
  features: 'features',
  synthetic: 'synthetic data',
  show: 'Show',
  position: 'Position',
  zoomTo: 'Zoom to layer',
  compare: 'Compare',
  swipe: 'Swipe',
  swipeDivider: 'Divider between the two sides: drag it, or use ← →',
  compareHidden: 'hidden now',
  compareShown: 'shown now',
  compareLeft: 'shown left of the divider',
  compareRight: 'shown right of the divider',
  timeline: 'Timeline',
  timeShown: 'shown at this time',
  timeHidden: 'not at this time',
  timelineSlider: 'Time: drag to fade from one year to the next, or use ← →',
  enterVr: 'Enter VR',
  enterAr: 'Enter AR',
  exitXr: 'Leave the headset view',
};

export type MessageKey = keyof typeof en;

const sv: Record<MessageKey, string> = {
  layers: 'Lager',
  viewpoints: 'Vyer',
  loading: 'Laddar',
  ready: 'Klar',
  error: 'Fel',
  loadingCity: 'Laddar staden…',
  featureInfo: 'Information om objektet',
  warning: 'varning',
  warnings: 'varningar',
  close: 'Stäng',
  noProperties: 'Objektet saknar data.',
  sceneError: 'Scenen kunde inte laddas',
  help: 'Hjälp',
  helpTitle: 'Så rör du dig',
  helpMouse: 'Dra för att rotera · högerdra eller Shift-dra för att panorera · scrolla för att zooma · dubbelklicka för att zooma in',
  helpTouch: 'Ett finger roterar · två fingrar panorerar och nyper för att zooma · dubbeltryck zoomar in',
  helpKeys: '↑ ↓ flytta · ← → vrid · Shift+↑ ↓ luta · + − zooma · Home: startvy',
  home: 'Startvy',
  language: 'English',
  features: 'objekt',
  synthetic: 'syntetiska data',
  show: 'Visa',
  position: 'Position',
  zoomTo: 'Visa hela lagret',
  compare: 'Jämför',
  swipe: 'Svep',
  swipeDivider: 'Delare mellan de två sidorna: dra den, eller använd ← →',
  compareHidden: 'dold just nu',
  compareShown: 'visas nu',
  compareLeft: 'visas till vänster om delaren',
  compareRight: 'visas till höger om delaren',
  timeline: 'Tidslinje',
  timeShown: 'visas vid den här tiden',
  timeHidden: 'inte vid den här tiden',
  timelineSlider: 'Tid: dra för att tona från ett år till nästa, eller använd ← →',
  enterVr: 'Gå in i VR',
  enterAr: 'Gå in i AR',
  exitXr: 'Lämna headsetvyn',
};

const messages: Record<Lang, Record<MessageKey, string>> = { en, sv };

/** The translate function for the current language. */
export function useT(): (key: MessageKey) => string {
  const lang = useStore(uiStore, (s) => s.lang);
  return (key) => messages[lang][key];
}
