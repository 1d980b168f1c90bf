import { useMemo, useState } from 'react';
import { useBuilderStore } from './builderStore';
import { asRecord, findItem, KIND_LABEL, type ComponentKind, type DesignDoc } from './designDoc';
import { designGraph, nodeKey } from './designGraph';
import { connect, CONNECTABLE } from './operations/connect';

/**
 * Connects the selected service to another component: pick its endpoint, the target and (for a
 * database) read or write, and the matching step is appended to that endpoint.
 */
export function ConnectForm({ doc, from }: { doc: DesignDoc; from: string }) {
  const apply = useBuilderStore((s) => s.apply);
  const endpoints = Object.keys(asRecord(findItem(doc, 'stations', from)?.endpoints));
  const targets = useMemo(
    () =>
      designGraph(doc).nodes.filter(
        (n) => CONNECTABLE.includes(n.kind) && !(n.kind === 'station' && n.id === from),
      ),
    [doc, from],
  );
  const [endpoint, setEndpoint] = useState('');
  const [target, setTarget] = useState('');
  const [access, setAccess] = useState<'read' | 'write'>('read');
  if (endpoints.length === 0) {
    return (
      <p className="builder-hint" data-testid="builder-connect-hint">
        &quot;{from}&quot; has a plain service time and no endpoints, so it calls nothing.
      </p>
    );
  }
  const chosen = targets.find((n) => n.key === target) ?? targets[0];
  const chosenEndpoint = endpoints.includes(endpoint) ? endpoint : endpoints[0]!;
  const submit = () => {
    if (!chosen) return;
    const to = { kind: chosen.kind, id: chosen.id };
    const result = connect(doc, { from, endpoint: chosenEndpoint, to, access });
    apply(
      result,
      `Connected "${from}" (endpoint "${chosenEndpoint}") to ${KIND_LABEL[to.kind]} "${to.id}".`,
    );
  };
  const label = (kind: ComponentKind, id: string) => `${KIND_LABEL[kind]} ${id}`;
  return (
    <div className="builder-row builder-connect" role="group" aria-label={`Connect ${from}`}>
      <label className="builder-count">
        endpoint
        <select
          value={chosenEndpoint}
          data-testid="builder-connect-endpoint"
          onChange={(e) => setEndpoint(e.target.value)}
        >
          {endpoints.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="builder-count">
        calls
        <select
          value={chosen?.key ?? ''}
          data-testid="builder-connect-target"
          onChange={(e) => setTarget(e.target.value)}
        >
          {targets.map((n) => (
            <option key={n.key} value={nodeKey(n)}>
              {label(n.kind, n.id)}
            </option>
          ))}
        </select>
      </label>
      {chosen?.kind === 'database' && (
        <label className="builder-count">
          to
          <select
            value={access}
            data-testid="builder-connect-access"
            onChange={(e) => setAccess(e.target.value === 'write' ? 'write' : 'read')}
          >
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
      )}
      <button type="button" data-testid="builder-connect" disabled={!chosen} onClick={submit}>
        Connect
      </button>
    </div>
  );
}
