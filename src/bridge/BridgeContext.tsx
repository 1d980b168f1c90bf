import { createContext, useContext } from 'react';
import type { SimBridge } from './simBridge';

export const BridgeContext = createContext<SimBridge | null>(null);

export function useBridge(): SimBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge: no <BridgeContext.Provider> above this component');
  return bridge;
}
