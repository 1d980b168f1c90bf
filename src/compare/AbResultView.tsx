import { formatSecondsTick } from '../store/format';
import type { AbResult } from './abResult';
import { CompareChart } from './CompareChart';
import { CompareFigures } from './CompareFigures';

/** Whether both runs were offered the very same requests, in words. */
function offeredText(result: AbResult): string {
  const ids = Object.keys(result.offered.bySource);
  if (ids.length === 0) return 'offered: not comparable (the variants share no source)';
  if (result.offered.identical) {
    return 'offered: identical (the same requests at the same times in both runs: common random numbers)';
  }
  const differ = ids.filter((id) => !result.offered.bySource[id]);
  return `offered: differs for ${differ.join(', ')} (B changed what those sources send)`;
}

/** A finished A/B comparison: offered traffic, the key figures, and both runs over time. */
export function AbResultView({ result, description }: { result: AbResult; description: string }) {
  return (
    <div className="compare-result" data-testid="compare-result">
      <p className="compare-summary">{description}</p>
      <p
        className="compare-offered"
        role="status"
        data-testid="compare-offered"
        data-identical={String(result.offered.identical)}
      >
        {offeredText(result)}
      </p>
      <div className="compare-charts">
        <CompareChart
          id="compare-goodput"
          title="Goodput per source (requests/s)"
          series={result.goodput}
          until={result.until}
        />
        <CompareChart
          id="compare-p99"
          title="Latency p99 per source"
          series={result.p99}
          until={result.until}
          yFormat={formatSecondsTick}
        />
      </div>
      <CompareFigures result={result} />
    </div>
  );
}
