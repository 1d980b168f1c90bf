import { useAppStore } from '../store/store';

/** Errors (bad URL parameters, failed runs) until dismissed, and the scenario's warnings. */
export function Notices() {
  const errors = useAppStore((s) => s.run.errors);
  const warnings = useAppStore((s) => s.run.warnings);
  const dismiss = useAppStore((s) => s.dismissError);
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div className="notices">
      {errors.map((message, i) => (
        <div
          key={`${i}:${message}`}
          className="notice notice-error"
          role="alert"
          data-testid="error-banner"
        >
          <p>{message}</p>
          <button type="button" aria-label="Dismiss this message" onClick={() => dismiss(i)}>
            Dismiss
          </button>
        </div>
      ))}
      {warnings.map((message) => (
        <div
          key={message}
          className="notice notice-warning"
          role="status"
          data-testid="warning-banner"
        >
          <p>Warning: {message}</p>
        </div>
      ))}
    </div>
  );
}
