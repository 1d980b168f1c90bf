import { ExportButtons } from './ExportButtons';
import { ProgressClock } from './ProgressClock';
import { ScenarioPicker } from './ScenarioPicker';
import { SeedField } from './SeedField';
import { SpeedControl } from './SpeedControl';
import { TransportControls } from './TransportControls';

export function Header() {
  return (
    <header className="site-header">
      <div className="brand-row">
        <h1>
          <span className="brand" aria-hidden="true">
            ▲
          </span>{' '}
          PeakLab
        </h1>
        <p className="tagline">
          Watch a food-delivery order platform live through its lunch peak, and see which
          engineering practice saves it.
        </p>
      </div>
      <div className="controls">
        <ScenarioPicker />
        <SeedField />
        <SpeedControl />
        <TransportControls />
        <ExportButtons />
      </div>
      <ProgressClock />
    </header>
  );
}
