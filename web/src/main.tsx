import { createRoot } from 'react-dom/client';

/**
 * Two apps in one build: the residents' phone pages under /r/ (the address of a unit's QR code)
 * and the staff console everywhere else. Each loads on its own, so a resident's phone never
 * downloads or runs anything of the console (its sign-in, token, WebSocket or screens).
 */
const root = createRoot(document.getElementById('root')!);
if (/^\/r(\/|$)/.test(window.location.pathname)) void import('./resident/main').then((m) => m.mount(root));
else void import('./app/console').then((m) => m.mount(root));
