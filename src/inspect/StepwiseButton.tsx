import type { StepwiseInspect } from './useStepwiseInspect';

/**
 * The button that asks for a stepwise Inspect view (useStepwiseInspect): off until a run is loaded
 * and while the steps run, and once there are results it offers to compute them again.
 */
export function StepwiseButton({
  view,
  testId,
  label,
  again,
}: {
  view: Pick<StepwiseInspect<unknown, unknown>, 'ready' | 'status' | 'results' | 'run'>;
  testId: string;
  label: string;
  again: string;
}) {
  return (
    <button
      type="button"
      onClick={() => void view.run()}
      disabled={!view.ready || view.status.kind === 'running'}
      data-testid={testId}
    >
      {view.results.length > 0 ? again : label}
    </button>
  );
}
