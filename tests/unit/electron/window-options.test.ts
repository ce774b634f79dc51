import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/window-options';

describe('BrowserWindow options', () => {
  for (const isPackaged of [true, false]) {
    it(`keep the renderer locked down (packaged: ${isPackaged})`, () => {
      const prefs = buildWindowOptions({
        preloadPath: '/app/preload.cjs',
        isPackaged,
      }).webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
      });
      expect(prefs?.enableBlinkFeatures ?? '').toBe('');
    });
  }

  it('turns devtools off in the packaged app only', () => {
    expect(
      buildWindowOptions({ preloadPath: 'p', isPackaged: true }).webPreferences?.devTools,
    ).toBe(false);
    expect(
      buildWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences?.devTools,
    ).toBe(true);
  });
});
