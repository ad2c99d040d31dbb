import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToSite } from '../../bridge';
import { ConsoleApp } from './console-app';

const container = document.getElementById('root');
if (!container) throw new Error('The console page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <ConsoleApp bridge={connectToSite()} />
  </StrictMode>,
);
