import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/store';
import { NodeDetails } from './NodeDetails';
import type { NodeRef } from './nodeSettings';
import { nodeTestId, TopologyView } from './TopologyView';

/** The topology and, beside it, the details of the node last clicked (or chosen with Enter). */
export function TopologySection() {
  const scenario = useAppStore((s) => s.run.scenario);
  const [selected, setSelected] = useState<NodeRef | null>(null);
  const [shownFor, setShownFor] = useState(scenario);
  if (shownFor !== scenario) {
    // Edits keep every node; another lesson may not have the one shown.
    setShownFor(scenario);
    const list = selected?.kind === 'source' ? scenario?.sources : scenario?.stations;
    if (selected && !list?.some((n) => n.id === selected.id)) setSelected(null);
  }
  const selectedRef = useRef(selected);
  useLayoutEffect(() => {
    selectedRef.current = selected;
  });
  const close = useCallback(() => {
    const node = selectedRef.current;
    setSelected(null);
    // Back to the box the details came from, so the keyboard carries on from there.
    if (node) {
      document
        .querySelector<SVGGElement>(`[data-testid="${CSS.escape(nodeTestId(node))}"]`)
        ?.focus();
    }
  }, []);
  return (
    <section aria-labelledby="topology-heading" className="panel">
      <h2 id="topology-heading">Topology</h2>
      <TopologyView selected={selected} onSelect={setSelected} />
      {scenario && selected && <NodeDetails scenario={scenario} node={selected} onClose={close} />}
    </section>
  );
}
