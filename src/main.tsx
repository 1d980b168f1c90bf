import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BridgeContext } from './bridge/BridgeContext';
import { SimBridge } from './bridge/simBridge';
import { appStore } from './store/store';
import { followRunLink } from './store/runLink';
import { searchForLink } from './store/urlState';
import './app/App.css';
import './app/panels.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The address bar always names the run on screen (edits, faults and a design included), so
// copying it reproduces the run.
const bridge = new SimBridge(appStore);
followRunLink(
  appStore,
  (link) => history.replaceState(history.state, '', searchForLink(location.search, link)),
  () => bridge.designParam,
);
void bridge.start(location.search);
window.addEventListener('pagehide', () => bridge.dispose());

createRoot(root).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);
