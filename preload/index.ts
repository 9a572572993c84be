// The preload exposes the contract's verbs and nothing else: one function per channel, one subscriber per
// event, all derived from common/contract.ts. `ipcRenderer` itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels, events, EVENT_VERBS, VERBS } from '../common/contract';

const api: Record<string, unknown> = {};

for (const verb of VERBS) {
  const channel = channels[verb].channel;
  api[verb] = (request: unknown) => ipcRenderer.invoke(channel, request);
}

for (const verb of EVENT_VERBS) {
  const name = events[verb].event;
  api[verb] = (listener: (payload: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(name, forward);
    return () => ipcRenderer.removeListener(name, forward);
  };
}

contextBridge.exposeInMainWorld('loket', Object.freeze(api));
