import { useBridge } from '../bridge/BridgeContext';
import { BuildYourOwn } from '../builder/BuildYourOwn';
import { ChartsPanel } from '../charts/ChartsPanel';
import { ComparePanels } from '../compare/ComparePanels';
import { FaultPanel } from '../components/FaultPanel';
import { Header } from '../components/Header';
import { InspectSection } from '../inspect/InspectSection';
import { Notices } from '../components/Notices';
import { ScenarioInfo } from '../components/ScenarioInfo';
import { SourceTable } from '../components/SourceTable';
import { StationTable } from '../components/StationTable';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import { ParameterPanel } from '../components/ParameterPanel';
import { LessonPanel } from '../lessons/LessonPanel';
import { OrdersSection } from '../orders/OrdersSection';
import { TopologySection } from '../topology/TopologySection';
import { TracesSection } from '../traces/TracesSection';
import { useAppStore } from '../store/store';

export function App() {
  const bridge = useBridge();
  useKeyboardShortcuts(bridge);
  const run = useAppStore((s) => `${s.run.scenarioName}:${s.run.seed}`);
  return (
    <>
      <Header />
      <main className="page">
        <Notices />
        <div className="overview">
          <div className="overview-left">
            <ScenarioInfo />
            <TopologySection />
          </div>
          <div className="overview-right panel">
            <div
              className="overview-right-scroll"
              role="region"
              aria-label="Stations and sources: live figures"
              tabIndex={0}
            >
              <StationTable />
              <SourceTable />
              <p className="table-note">
                Counts since t = 0. Rates and utilisation: recent (the last second of frames, at
                most two chart buckets of simulated time). Latency: the last chart bucket.
              </p>
            </div>
          </div>
        </div>
        <LessonPanel />
        <ParameterPanel />
        <BuildYourOwn />
        {/* A new run brings a fresh form: its kinds and targets come from the scenario. */}
        <FaultPanel key={run} />
        <ChartsPanel />
        <TracesSection />
        <OrdersSection />
        <ComparePanels />
        <InspectSection />
      </main>
      <footer className="site-footer">
        <p>
          PeakLab: a seeded discrete-event simulation that runs in your browser. Keys: Space plays
          or pauses, → steps one simulated second. The same runs headless: <code>npm run sim</code>.
        </p>
      </footer>
    </>
  );
}
