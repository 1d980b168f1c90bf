import { useBridge } from '../bridge/BridgeContext';
import { sourceLines, stationLines } from '../charts/chartLines';
import { TimeSeriesChart } from '../charts/TimeSeriesChart';
import { Header } from '../components/Header';
import { Notices } from '../components/Notices';
import { ScenarioInfo } from '../components/ScenarioInfo';
import { SourceTable } from '../components/SourceTable';
import { StationTable } from '../components/StationTable';
import { useKeyboardShortcuts } from '../components/useKeyboardShortcuts';
import { TopologyView } from '../topology/TopologyView';

const throughputLines = stationLines('throughput');
const utilisationLines = stationLines('utilisation');
const percent = (v: number) => `${Math.round(v * 100)}%`;

export function App() {
  const bridge = useBridge();
  useKeyboardShortcuts(bridge);
  return (
    <>
      <Header />
      <main className="page">
        <Notices />
        <div className="overview">
          <div className="overview-left">
            <ScenarioInfo />
            <section aria-labelledby="topology-heading" className="panel">
              <h2 id="topology-heading">Topology</h2>
              <TopologyView />
            </section>
          </div>
          <div className="overview-right panel">
            <StationTable />
            <SourceTable />
            <p className="table-note">
              Counts since t = 0. Rates and utilisation: recent (the last second of frames, at most
              two chart buckets of simulated time). Latency: the last chart bucket.
            </p>
          </div>
        </div>
        <section aria-labelledby="charts-heading" className="panel charts">
          <h2 id="charts-heading">Over time</h2>
          <TimeSeriesChart
            id="throughput"
            title="Throughput per station (completions/s)"
            lines={throughputLines}
          />
          <TimeSeriesChart
            id="utilisation"
            title="Utilisation per station"
            lines={utilisationLines}
            yMax={1}
            yFormat={percent}
          />
          <TimeSeriesChart
            id="goodput"
            title="Client goodput (solid) vs offered load (dashed), requests/s"
            lines={sourceLines}
          />
        </section>
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
