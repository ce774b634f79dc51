import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME, IPC_CHANNEL } from '../../domain/api/bridge.js';
import type { MediationDeskBridge } from '../../domain/api/bridge.js';

// The renderer gets exactly one function: call an API method by name. The main process checks
// the method, the input and the sender; nothing else of Electron or Node is reachable.
const bridge: MediationDeskBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);
