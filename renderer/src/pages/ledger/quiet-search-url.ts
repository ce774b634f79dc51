/**
 * Writes the search text into the address (`#/cases?q=…`) without telling the router: coming
 * back from a case (history's back) still opens the same list, because the router reads the
 * address then, but the address changing as one types does not re-render the whole route tree
 * (menu, header and page) on every query, as a router navigation would.
 */
export function writeSearchQuietly(text: string): void {
  const [route = '#/'] = window.location.hash.split('?');
  const search = text ? `?${new URLSearchParams({ q: text }).toString()}` : '';
  // The router's own state (its history index) stays with the entry.
  window.history.replaceState(window.history.state, '', `${route}${search}`);
}
