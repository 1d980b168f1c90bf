import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BridgeContext } from './bridge/BridgeContext';
import { SimBridge } from './bridge/simBridge';
import { appStore } from './store/store';
import { urlSearchFor } from './store/urlState';
import './app/App.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The address bar always names the run on screen, so copying it reproduces the run.
const bridge = new SimBridge(appStore, {
  onRunChanged: (preset, seed) =>
    history.replaceState(history.state, '', urlSearchFor(location.search, preset, seed)),
});
void bridge.start(location.search);
window.addEventListener('pagehide', () => bridge.dispose());

createRoot(root).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);
