import type { Page } from 'playwright-core';

export interface RenderCount {
  /** Renders of the component (mounts included). */
  readonly all: number;
  /** Renders whose data props (all but functions) were the same as at its previous render. */
  readonly unchanged: number;
}

/**
 * Counts the renders of one named component (its `displayName`) through the React DevTools hook,
 * which React's production build calls after every commit. A function component rendered in a
 * commit iff its first hook object is new (a bailed-out fiber keeps its hooks); a count of
 * commits, not of time, so it does not depend on the machine's load. Call before the page loads.
 */
export async function watchRenders(page: Page, displayName: string): Promise<void> {
  await page.addInitScript((name: string) => {
    interface Fiber {
      elementType: { displayName?: string } | null;
      memoizedState: object | null;
      memoizedProps: Record<string, unknown>;
      alternate: Fiber | null;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    const count = { all: 0, unchanged: 0 };
    const seen = new WeakSet<object>();
    const lastProps = new WeakMap<Fiber, Record<string, unknown>>();
    const sameData = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      Object.keys({ ...a, ...b }).every(
        (k) => typeof a[k] === 'function' || typeof b[k] === 'function' || Object.is(a[k], b[k]),
      );
    const visit = (root: Fiber) => {
      const stack: Fiber[] = [root];
      while (stack.length > 0) {
        const f = stack.pop()!;
        if (f.elementType?.displayName === name && f.memoizedState && !seen.has(f.memoizedState)) {
          seen.add(f.memoizedState);
          count.all += 1;
          const before = lastProps.get(f) ?? (f.alternate ? lastProps.get(f.alternate) : undefined);
          if (before && sameData(before, f.memoizedProps)) count.unchanged += 1;
          lastProps.set(f, f.memoizedProps);
          if (f.alternate) lastProps.set(f.alternate, f.memoizedProps);
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
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
  }, displayName);
}

/** The counts so far, and sets them back to zero. */
export async function takeRenders(page: Page): Promise<RenderCount> {
  return page.evaluate(() => {
    const count = (globalThis as unknown as { __renderCount: { all: number; unchanged: number } })
      .__renderCount;
    const now = { ...count };
    count.all = 0;
    count.unchanged = 0;
    return now;
  });
}
