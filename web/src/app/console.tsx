import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import './i18n';
import './print.css';
import { App } from './App';
import { initAuth } from './auth';

/** The staff console: sign-in configuration first, then the app. */
export function mount(root: Root): void {
  void initAuth().then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
