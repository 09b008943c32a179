import { describe, expect, it } from 'vitest';
import { detectLang, uiStore } from '../../../src/state/ui-store';

describe('ui-store', () => {
  describe('detectLang', () => {
    it('should take ?lang=sv or ?lang=en over the browser language', () => {
      expect(detectLang('?lang=sv', 'en-GB')).toBe('sv');
      expect(detectLang('?scene=x.json&lang=en', 'sv-SE')).toBe('en');
    });

    it('should ignore other ?lang values and follow the browser language', () => {
      expect(detectLang('?lang=de', 'sv-SE')).toBe('sv');
      expect(detectLang('?lang=SV', 'en-US')).toBe('en');
    });

    it('should choose Swedish for any sv browser language, else English', () => {
      expect(detectLang('', 'sv')).toBe('sv');
      expect(detectLang('', 'SV-FI')).toBe('sv');
      expect(detectLang('', 'nb-NO')).toBe('en');
      expect(detectLang('', '')).toBe('en');
    });
  });

  describe('uiStore', () => {
    it('should default to English without a browser, and switch language', () => {
      expect(uiStore.getState().lang).toBe('en');
      uiStore.getState().setLang('sv');
      expect(uiStore.getState().lang).toBe('sv');
      uiStore.getState().setLang('en');
      expect(uiStore.getState().lang).toBe('en');
    });
  });
});
