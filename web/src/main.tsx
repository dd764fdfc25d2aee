import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from './app/router.tsx';
import { setUpI18n } from './app/i18n.ts';
import { App, preloadRoute } from './app/App.tsx';
import './app/styles.css';

setUpI18n(window.location.search);
// The landing page's code and its charting library start loading before the first render.
preloadRoute(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
