import { useRef } from 'react';
import type { AppState } from '../store/store';
import { useStoreSubscription } from '../store/useStoreSubscription';

export interface LiveColumn<Row> {
  key: string;
  header: string;
  /** Spelled out for screen readers and the tooltip. */
  description: string;
  format(row: Row): string;
}

interface LiveTableProps<Row extends { id: string }> {
  testId: string;
  caption: string;
  ids: readonly string[];
  columns: readonly LiveColumn<Row>[];
  select: (state: AppState) => readonly Row[];
}

/**
 * A table whose rows React renders once per scenario and whose cells a store subscription fills
 * in place on every snapshot, so sixty updates a second cost no re-render.
 */
export function LiveTable<Row extends { id: string }>({
  testId,
  caption,
  ids,
  columns,
  select,
}: LiveTableProps<Row>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  useStoreSubscription(
    select,
    (rows) => {
      const body = bodyRef.current;
      if (!body) return;
      for (const row of rows) {
        for (const column of columns) {
          const cell = body.querySelector<HTMLElement>(
            `[data-row="${CSS.escape(row.id)}"] [data-col="${column.key}"]`,
          );
          const text = column.format(row);
          if (cell && cell.textContent !== text) cell.textContent = text;
        }
      }
    },
    [ids, columns],
  );
  return (
    <table className="live-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" title={c.description}>
              <abbr title={c.description}>{c.header}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {ids.map((id) => (
          <tr key={id} data-row={id}>
            <th scope="row">{id}</th>
            {columns.map((c) => (
              <td key={c.key} data-col={c.key} data-testid={`${testId}-${id}-${c.key}`}>
                –
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
