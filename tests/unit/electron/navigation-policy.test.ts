import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender } from '../../../electron/main/navigation-policy';

describe('navigation policy', () => {
  it('allows only the app origin', () => {
    expect(isAppUrl('app://main/index.html')).toBe(true);
    expect(isAppUrl('app://main/#/settings')).toBe(true);
    for (const url of [
      'app://main.evil/index.html',
      'app://evil/index.html',
      'app://user:pw@main/index.html',
      'https://main/',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'app:main',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('never allows any generated non-app URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        expect(isAppUrl(url)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('IPC sender guard', () => {
  const good = { url: 'app://main/index.html', detached: false, isMainFrame: true };

  it('accepts the app main frame', () => {
    expect(isTrustedSender(good)).toBe(true);
  });

  it.each([
    ['null frame', null],
    ['undefined frame', undefined],
    ['detached frame', { ...good, detached: true }],
    ['sub-frame', { ...good, isMainFrame: false }],
    ['other origin', { ...good, url: 'https://evil.example/' }],
    ['look-alike origin', { ...good, url: 'app://main.evil/index.html' }],
    ['file URL', { ...good, url: 'file:///app/index.html' }],
  ])('refuses a %s', (_label, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});
