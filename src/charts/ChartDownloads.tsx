import type { RefObject } from 'react';
import { downloadBlob, downloadText } from '../components/download';
import { exportFileName } from '../store/format';
import { useAppStore } from '../store/store';
import type { LineSpec } from './chartLines';
import { chartSvg, svgToPng } from './exportChart';

interface ChartDownloadsProps {
  id: string;
  title: string;
  fileName: string;
  specs: readonly LineSpec[];
  plot: RefObject<SVGSVGElement | null>;
}

/** "SVG" and "PNG" buttons that save a drawing (a chart, the topology) with its title and legend. */
export function ChartDownloads({ id, title, fileName, specs, plot }: ChartDownloadsProps) {
  const scenario = useAppStore((s) => s.run.scenarioName);
  const seed = useAppStore((s) => s.run.seed);
  const addError = useAppStore((s) => s.addError);
  const render = () => (plot.current ? chartSvg(plot.current, title, specs) : null);
  const name = (ext: string) => exportFileName(scenario, seed, fileName, ext);
  const saveSvg = () => {
    const svg = render();
    if (svg) downloadText(svg.text, name('svg'), 'image/svg+xml');
  };
  const savePng = async () => {
    const svg = render();
    if (!svg) return;
    try {
      downloadBlob(await svgToPng(svg), name('png'));
    } catch (error) {
      addError(`The chart "${title}" could not be saved as PNG: ${(error as Error).message}`);
    }
  };
  return (
    <span className="chart-downloads" role="group" aria-label={`Download: ${title}`}>
      <button
        type="button"
        className="small"
        data-testid={`chart-${id}-svg`}
        aria-label={`Download "${title}" as SVG`}
        disabled={scenario === ''}
        onClick={saveSvg}
      >
        SVG
      </button>
      <button
        type="button"
        className="small"
        data-testid={`chart-${id}-png`}
        aria-label={`Download "${title}" as PNG`}
        disabled={scenario === ''}
        onClick={() => void savePng()}
      >
        PNG
      </button>
    </span>
  );
}
