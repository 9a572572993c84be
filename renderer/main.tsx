// Entry point: resolve the bridge first (it also takes the host secret out of the URL), then render.
// First: it configures zod before any schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './bridge/getBridge';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App bridge={getBridge()} />
  </StrictMode>,
);
