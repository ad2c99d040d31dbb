import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSite } from '../../bridge';
import { StatusViewerApp } from './status-viewer-app';

const container = document.getElementById('root');
if (!container) throw new Error('The Status Message Viewer page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <StatusViewerApp bridge={connectToSite()} />
  </StrictMode>,
);
