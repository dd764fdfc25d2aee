import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { setUpI18n } from './app/i18n.ts';
import { App } from './app/App.tsx';
import './app/styles.css';

setUpI18n(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
