import { App } from 'antd';
import { useMemo } from 'react';

type ModalApi = ReturnType<typeof App.useApp>['modal'];
type Kind = 'confirm' | 'warning';
type Handle = { destroy: () => void };

// antd's App holds these dialogs outside the desk gate, so unmounting the app (lock, sign-out,
// another person) leaves them open; their onOk would then run for whoever signed in next.
const open = new Set<Handle>();

/**
 * The confirm and warning dialogs of App.useApp().modal, remembered while open so that the desk
 * gate can close them with the app (`closeDeskDialogs`). Use this instead of App's own modal.
 */
export function useDeskModal(): Pick<ModalApi, Kind> {
  // eslint-disable-next-line no-restricted-syntax -- the one place that wraps App's dialogs
  const { modal } = App.useApp();
  return useMemo(() => {
    const tracked =
      (kind: Kind): ModalApi[Kind] =>
      (config) => {
        let handle: Handle | null = null;
        const opened = modal[kind]({
          ...config,
          afterClose: () => {
            if (handle) open.delete(handle);
            config.afterClose?.();
          },
        });
        handle = opened;
        open.add(opened);
        return opened;
      };
    return { confirm: tracked('confirm'), warning: tracked('warning') };
  }, [modal]);
}

/** Closes every dialog still open through useDeskModal, without running its buttons' actions. */
export function closeDeskDialogs(): void {
  for (const handle of open) handle.destroy();
  open.clear();
}
