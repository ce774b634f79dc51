/** The per-load nonce the main process put in the page, so antd's run-time styles pass the CSP. */
export function readCspNonce(): string | undefined {
  return document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
}

/**
 * antd's Table measures the scrollbar by injecting a `<style>` through rc-util without passing
 * the ConfigProvider nonce, so the CSP blocks it and logs a violation on every table. Giving the
 * nonce to each style element our own bundle creates closes that gap without `unsafe-inline`:
 * markup from outside (which does not go through createElement) still gets no nonce.
 */
export function nonceRuntimeStyleElements(nonce: string | undefined): void {
  if (!nonce) return;
  const create = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }) as typeof document.createElement;
}
