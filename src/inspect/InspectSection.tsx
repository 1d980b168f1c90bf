import { BreakerTile } from './BreakerTile';
import { CorrelatedArrivals } from './CorrelatedArrivals';
import { DegradationLadder } from './DegradationLadder';
import { PeakSmoothing } from './PeakSmoothing';
import { RaceReplay } from './RaceReplay';
import { ReadAfterWrite } from './ReadAfterWrite';
import './inspect.css';

/** Views that explain the article's hardest points, beside the run rather than in its charts. */
export function InspectSection() {
  return (
    <section aria-labelledby="inspect-heading" className="panel inspect-section">
      <h2 id="inspect-heading">Inspect</h2>
      <div className="inspect-grid">
        <BreakerTile />
        <ReadAfterWrite />
        <DegradationLadder />
      </div>
      <RaceReplay />
      <div className="inspect-grid">
        <PeakSmoothing />
        <CorrelatedArrivals />
      </div>
    </section>
  );
}
