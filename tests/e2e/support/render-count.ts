import type { Page } from 'playwright-core';

export interface RenderCount {
  /** Renders of the component (mounts included). */
  readonly all: number;
  /** Renders whose data props (all but functions) were the same as at its previous render. */
  readonly unchanged: number;
  /**
   * DOM elements React drew (mounted or re-rendered with new props) by any component: how much a
   * step redraws in all, e.g. antd's Form.Items re-rendered by a form's validation.
   */
  readonly elements: number;
  /** Of those, the ones inside the element `watchRenders` was given as its area (0 without). */
  readonly elementsInArea: number;
  /** Of those in the area, the table body's rows (`<tr>`) and cells (`<td>`) drawn. */
  readonly rowsInArea: number;
  readonly cellsInArea: number;
  /** Of those in the area, the ones in the table's header (`<thead>`) and in an antd pager. */
  readonly headerInArea: number;
  readonly pagerInArea: number;
  /** Commits that drew at least one element in the area: how many times it was drawn. */
  readonly commitsInArea: number;
}

/**
 * Counts the renders of one named component (its `displayName`) through the React DevTools hook,
 * which React's production build calls after every commit. A function component rendered in a
 * commit iff its first hook object is new (a bailed-out fiber keeps its hooks); a count of
 * commits, not of time, so it does not depend on the machine's load. Call before the page loads.
 * `area` (a CSS selector) also counts the elements drawn inside that element, e.g. a table alone.
 */
export async function watchRenders(page: Page, displayName: string, area = ''): Promise<void> {
  await page.addInitScript(
    ([name, areaSelector]: readonly [string, string]) => {
      interface Fiber {
        tag: number;
        stateNode: { tagName?: string; closest?: (selector: string) => unknown } | null;
        elementType: { displayName?: string } | null;
        type: { displayName?: string } | null;
        memoizedState: object | null;
        memoizedProps: Record<string, unknown>;
        alternate: Fiber | null;
        child: Fiber | null;
        sibling: Fiber | null;
      }
      const count = {
        all: 0,
        unchanged: 0,
        elements: 0,
        elementsInArea: 0,
        rowsInArea: 0,
        cellsInArea: 0,
        headerInArea: 0,
        pagerInArea: 0,
        commitsInArea: 0,
      };
      const seen = new WeakSet<object>();
      // A host fiber (tag 5, a DOM element) drawn in a commit has a props object it never had:
      // a parent's render makes new element props, a bailed-out subtree keeps its old ones.
      const drawn = new WeakSet<object>();
      const lastProps = new WeakMap<Fiber, Record<string, unknown>>();
      const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        Object.keys({ ...a, ...b }).every(
          (k) => typeof a[k] === 'function' || typeof b[k] === 'function' || Object.is(a[k], b[k]),
        );
      const visit = (root: Fiber) => {
        const inAreaBefore = count.elementsInArea;
        const stack: Fiber[] = [root];
        while (stack.length > 0) {
          const f = stack.pop()!;
          if (f.tag === 5 && !drawn.has(f.memoizedProps)) {
            drawn.add(f.memoizedProps);
            count.elements += 1;
            const node = f.stateNode;
            if (areaSelector && node?.closest?.(areaSelector)) {
              count.elementsInArea += 1;
              const inBody = Boolean(node.closest('tbody'));
              if (inBody && node.tagName === 'TR') count.rowsInArea += 1;
              if (inBody && node.tagName === 'TD') count.cellsInArea += 1;
              if (node.closest('thead')) count.headerInArea += 1;
              if (node.closest('.ant-pagination')) count.pagerInArea += 1;
            }
          }
          if (
            // A lazily loaded screen's fiber has the lazy wrapper as elementType, itself as type.
            (f.elementType?.displayName === name || f.type?.displayName === name) &&
            f.memoizedState &&
            !seen.has(f.memoizedState)
          ) {
            seen.add(f.memoizedState);
            count.all += 1;
            const before =
              lastProps.get(f) ?? (f.alternate ? lastProps.get(f.alternate) : undefined);
            if (before && sameData(before, f.memoizedProps)) count.unchanged += 1;
            lastProps.set(f, f.memoizedProps);
            if (f.alternate) lastProps.set(f.alternate, f.memoizedProps);
          }
          if (f.sibling) stack.push(f.sibling);
          if (f.child) stack.push(f.child);
        }
        if (count.elementsInArea > inAreaBefore) count.commitsInArea += 1;
      };
      Object.assign(globalThis, {
        __renderCount: count,
        __REACT_DEVTOOLS_GLOBAL_HOOK__: {
          supportsFiber: true,
          isDisabled: false,
          renderers: new Map(),
          inject: () => 1,
          onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current),
          onCommitFiberUnmount: () => undefined,
          onPostCommitFiberRoot: () => undefined,
          checkDCE: () => undefined,
        },
      });
    },
    [displayName, area] as const,
  );
}

/** The counts so far, and sets them back to zero. */
export async function takeRenders(page: Page): Promise<RenderCount> {
  return page.evaluate(() => {
    const count = (globalThis as unknown as { __renderCount: Record<string, number> })
      .__renderCount;
    const now = { ...count } as unknown as RenderCount;
    for (const key of Object.keys(count)) count[key] = 0;
    return now;
  });
}

/**
 * Notes how many DOM elements had been drawn (since the last `takeRenders`) when the page sent
 * its first request for `method`: a step's redraws before its request apart from those after.
 * Call after `watchRenders`, before the page loads; read with `elementsAtRequest`.
 */
export async function markElementsAtRequest(page: Page, method: string): Promise<void> {
  await page.addInitScript(
    (marker: string) => {
      const w = globalThis as unknown as {
        fetch: typeof fetch;
        __renderCount: { elements: number };
        __elementsAtRequest?: number;
      };
      const send = w.fetch;
      w.fetch = (url, init) => {
        if (typeof init?.body === 'string' && init.body.includes(marker))
          w.__elementsAtRequest ??= w.__renderCount.elements;
        return send.call(globalThis, url, init);
      };
    },
    `"method":${JSON.stringify(method)}`,
  );
}

/** The count `markElementsAtRequest` noted (null: not sent yet), and forgets it. */
export async function elementsAtRequest(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __elementsAtRequest?: number };
    const at = w.__elementsAtRequest ?? null;
    delete w.__elementsAtRequest;
    return at;
  });
}

/** What the page had drawn by the first commit that showed an element (see `markFirstShown`). */
export interface FirstShown {
  /** DOM elements drawn since the last `takeRenders`, that commit included. */
  readonly elements: number;
  /** Elements in the document matching the counted selector right after that commit. */
  readonly matching: number;
}

/**
 * Notes, at the first commit after which `shownSelector` is in the document, the DOM elements
 * drawn so far and how many elements match `countSelector` (e.g. the rows the case page drew with
 * its title). A commit count, not a time. Call after `watchRenders`, before the page loads.
 */
export async function markFirstShown(
  page: Page,
  shownSelector: string,
  countSelector: string,
): Promise<void> {
  await page.addInitScript(
    ([shown, counted]: readonly [string, string]) => {
      const w = globalThis as unknown as {
        __REACT_DEVTOOLS_GLOBAL_HOOK__: { onCommitFiberRoot: (...args: unknown[]) => void };
        __renderCount: { elements: number };
        __firstShown?: { elements: number; matching: number };
        // This file is type-checked for Node too: the page's document, as far as it is used.
        document: {
          querySelector(selector: string): unknown;
          querySelectorAll(selector: string): { length: number };
        };
      };
      const hook = w.__REACT_DEVTOOLS_GLOBAL_HOOK__;
      const commit = hook.onCommitFiberRoot;
      hook.onCommitFiberRoot = (...args: unknown[]) => {
        commit(...args);
        if (w.__firstShown === undefined && w.document.querySelector(shown))
          w.__firstShown = {
            elements: w.__renderCount.elements,
            matching: w.document.querySelectorAll(counted).length,
          };
      };
    },
    [shownSelector, countSelector] as const,
  );
}

/** The figures `markFirstShown` noted (null: not shown yet). */
export async function firstShown(page: Page): Promise<FirstShown | null> {
  return page.evaluate(
    () => (globalThis as unknown as { __firstShown?: FirstShown }).__firstShown ?? null,
  );
}
