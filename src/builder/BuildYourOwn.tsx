import { lazy, Suspense, useState } from 'react';
import './builder.css';

const BuilderWorkspace = lazy(() =>
  import('./BuilderWorkspace').then((m) => ({ default: m.BuilderWorkspace })),
);

/**
 * "Build your own": the loaded scenario as a canvas and its JSON side by side, in two-way sync.
 * The lessons are starting points: add, remove and connect components, then run the design like
 * a preset or export it for the CLI. The workspace is loaded when the panel first opens.
 */
export function BuildYourOwn() {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel builder" aria-labelledby="builder-heading" data-testid="builder">
      <div className="builder-head">
        <h2 id="builder-heading">Build your own</h2>
        <button
          type="button"
          data-testid="builder-toggle"
          aria-expanded={open}
          aria-controls="builder-body"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Close the builder' : 'Build your own'}
        </button>
      </div>
      {open && (
        <div id="builder-body" className="builder-body">
          <Suspense fallback={<p className="builder-hint">Loading the builder…</p>}>
            <BuilderWorkspace />
          </Suspense>
        </div>
      )}
    </section>
  );
}
