// The preload exposes the contract's verbs and nothing else: one function per channel, one subscriber per
// event, all derived from the contract's names (common/channel-names.ts). `ipcRenderer` itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LoketApi } from '../common/contract';
import { CHANNEL_NAMES, EVENT_NAMES } from '../common/channel-names';

const api: Record<string, unknown> = {};

for (const [verb, channel] of Object.entries(CHANNEL_NAMES)) {
  api[verb] = (request: unknown) => ipcRenderer.invoke(channel, request);
}

for (const [verb, name] of Object.entries(EVENT_NAMES)) {
  api[verb] = (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(name, forward);
    return () => ipcRenderer.removeListener(name, forward);
  };
}

// The shape is LoketApi by construction (every verb of the contract, nothing else); main validates each
// request and the renderer's host client validates event payloads, so nothing here trusts the page.
contextBridge.exposeInMainWorld('loket', Object.freeze(api as LoketApi));
