import { ComparePanel } from './ComparePanel';
import { ReplicationsPanel } from './ReplicationsPanel';
import './compare.css';

/** How far to trust a run: an A/B comparison on one seed, and replications over many. */
export function ComparePanels() {
  return (
    <div className="compare-panels">
      <ComparePanel />
      <ReplicationsPanel />
    </div>
  );
}
