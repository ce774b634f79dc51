/** The per-load nonce the main process put in the page, so antd's run-time styles pass the CSP. */
export function readCspNonce(): string | undefined {
  return document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
}
