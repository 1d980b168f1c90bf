import { useEffect } from 'react';
import type { SimBridge } from '../bridge/simBridge';

const FORM_FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Space plays or pauses, the right arrow steps one simulated second. Keys typed into a field are
 * left alone, and Space on a focused button keeps its usual meaning (pressing that button).
 */
export function useKeyboardShortcuts(bridge: SimBridge): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (FORM_FIELDS.has(target.tagName) || target.isContentEditable)) return;
      if (event.key === ' ') {
        if (target?.closest('button, a, summary, [role="button"]')) return;
        event.preventDefault();
        bridge.togglePlay();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        void bridge.stepSecond();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bridge]);
}
