import type { useSideJob } from './useSideJob';

/** Cancel for a compare form's side job: enabled only while the job runs; no result is kept. */
export function CancelButton({
  job,
  testId,
}: {
  job: Pick<ReturnType<typeof useSideJob>, 'running' | 'cancel'>;
  testId: string;
}) {
  return (
    <button type="button" data-testid={testId} disabled={!job.running} onClick={job.cancel}>
      Cancel
    </button>
  );
}
