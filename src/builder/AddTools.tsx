import { useState } from 'react';
import { useBuilderStore } from './builderStore';
import { MAX_CACHE_NODES, MAX_PARTITIONS, MAX_REPLICAS } from './componentDefaults';
import { CountField, countOf } from './CountField';
import { itemsOf, type DesignDoc, type OperationResult } from './designDoc';
import { addCache } from './operations/addCache';
import { addDatabase } from './operations/addDatabase';
import { addStation } from './operations/addStation';
import { addTopic } from './operations/addTopic';

const NEW_CONSUMER = '';

const added = (result: OperationResult, what: string) =>
  result.ok && result.selected ? `Added ${what} "${result.selected.id}".` : '';

/** Buttons that add a component of each main kind, with its count beside it. */
export function AddTools({ doc, disabled }: { doc: DesignDoc; disabled: boolean }) {
  const apply = useBuilderStore((s) => s.apply);
  const [nodes, setNodes] = useState('3');
  const [replicas, setReplicas] = useState('2');
  const [partitions, setPartitions] = useState('4');
  const [consumer, setConsumer] = useState(NEW_CONSUMER);
  const run = (result: OperationResult, what: string) => apply(result, added(result, what));
  const stations = itemsOf(doc, 'stations')
    .map((s) => s.id)
    .filter((id): id is string => typeof id === 'string');
  return (
    <fieldset className="builder-tools" disabled={disabled}>
      <legend>Add a component</legend>
      <div className="builder-row">
        <button
          type="button"
          data-testid="builder-add-service"
          onClick={() => run(addStation(doc), 'service')}
        >
          Add service
        </button>
      </div>
      <div className="builder-row">
        <button
          type="button"
          data-testid="builder-add-cache"
          onClick={() => run(addCache(doc, countOf(nodes)), 'cache')}
        >
          Add cache
        </button>
        <CountField
          label="nodes"
          testId="builder-cache-nodes"
          value={nodes}
          min={1}
          max={MAX_CACHE_NODES}
          onChange={setNodes}
        />
      </div>
      <div className="builder-row">
        <button
          type="button"
          data-testid="builder-add-database"
          onClick={() => run(addDatabase(doc, countOf(replicas)), 'database')}
        >
          Add database
        </button>
        <CountField
          label="replicas"
          testId="builder-db-replicas"
          value={replicas}
          min={0}
          max={MAX_REPLICAS}
          onChange={setReplicas}
        />
      </div>
      <div className="builder-row">
        <button
          type="button"
          data-testid="builder-add-topic"
          onClick={() =>
            run(
              addTopic(doc, {
                partitions: countOf(partitions),
                consumer: consumer === NEW_CONSUMER ? undefined : consumer,
              }),
              'topic',
            )
          }
        >
          Add topic
        </button>
        <CountField
          label="partitions"
          testId="builder-topic-partitions"
          value={partitions}
          min={1}
          max={MAX_PARTITIONS}
          onChange={setPartitions}
        />
        <label className="builder-count">
          consumed by
          <select
            value={consumer}
            data-testid="builder-topic-consumer"
            onChange={(e) => setConsumer(e.target.value)}
          >
            <option value={NEW_CONSUMER}>a new service</option>
            {stations.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
