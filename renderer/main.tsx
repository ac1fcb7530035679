// The renderer's entry: connect to the core (Electron's preload or the browser harness), then draw the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './services.js';
import { App } from './shell/App.js';
import { followDesktopShell } from './shell/desktop-shell.js';
import { NotConnected } from './shell/NotConnected.js';
import './styles/theme.css';
import './styles/app.css';
import './styles/print.css';

const connected = connect();
if (connected && window.parleyDesktop) followDesktopShell(window.parleyDesktop);
createRoot(document.getElementById('root')!).render(<StrictMode>{connected ? <App /> : <NotConnected />}</StrictMode>);
