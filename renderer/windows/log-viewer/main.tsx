import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSite } from '../../bridge';
import { LogViewerApp } from './log-viewer-app';

const container = document.getElementById('root');
if (!container) throw new Error('The log viewer page has no #root element.');

// connectToSite takes the session token out of the address, so the query is read after it.
const bridge = connectToSite();
createRoot(container).render(
  <StrictMode>
    <LogViewerApp bridge={bridge} search={window.location.search} />
  </StrictMode>,
);
