// A placeholder until the UI issue lands: it says what PeakLab is and how to run it today.
export function App() {
  return (
    <>
      <header className="site-header">
        <span className="brand" aria-hidden="true">
          ▲
        </span>
        <span className="tagline">Lunch-peak sandbox</span>
      </header>
      <main className="page">
        <h1>PeakLab</h1>
        <p className="lead">
          Watch a food-delivery order platform live through its lunch peak: 200,000 QPS on core
          queries, millions of QPS on Redis, 100,000 QPS and 20,000 TPS on the databases. Turn
          engineering practices on and off and see which one saves it.
        </p>
        <section className="note" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <p>
            The live sandbox lands with the UI issue. The simulator runs today from the command
            line:
          </p>
          <pre>
            <code>npm run sim</code>
          </pre>
        </section>
      </main>
      <footer className="site-footer">
        <p>PeakLab: a discrete-event simulation that runs in your browser.</p>
      </footer>
    </>
  );
}
