import { useRef } from 'react';
import type { AppState } from '../store/store';
import { setLiveText } from './liveDom';
import { useLiveWrite } from './useLiveWrite';

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

/** The body's cells by row id and column key, found once per set of rows. */
type CellIndex = Map<string, Map<string, HTMLElement>>;

function indexCells(body: HTMLTableSectionElement): CellIndex {
  const index: CellIndex = new Map();
  for (const row of body.rows) {
    const cells = new Map<string, HTMLElement>();
    for (const cell of row.querySelectorAll<HTMLElement>('[data-col]')) {
      cells.set(cell.dataset.col!, cell);
    }
    index.set(row.dataset.row!, cells);
  }
  return index;
}

/**
 * A table whose rows React renders once per scenario and whose cells a store subscription fills
 * in place on every snapshot, so sixty updates a second cost no re-render. The cells are looked
 * up once per set of rows, not per update (lesson 11's 90 rows made that 720 selector queries
 * per snapshot).
 */
export function LiveTable<Row extends { id: string }>({
  testId,
  caption,
  ids,
  columns,
  select,
}: LiveTableProps<Row>) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Rebuilt when React has rendered other rows or columns (or another body).
  const cellsRef = useRef<{
    body: HTMLTableSectionElement;
    ids: readonly string[];
    columns: readonly LiveColumn<Row>[];
    index: CellIndex;
  } | null>(null);
  const write = (rows: readonly Row[], part: number, parts: number) => {
    const body = bodyRef.current;
    if (!body) return;
    let cached = cellsRef.current;
    if (cached?.body !== body || cached.ids !== ids || cached.columns !== columns) {
      cached = { body, ids, columns, index: indexCells(body) };
      cellsRef.current = cached;
    }
    const { index } = cached;
    const end = Math.floor(((part + 1) * rows.length) / parts);
    for (let i = Math.floor((part * rows.length) / parts); i < end; i++) {
      const row = rows[i]!;
      const cells = index.get(row.id);
      if (!cells) continue;
      for (const column of columns) {
        const cell = cells.get(column.key);
        if (cell) setLiveText(cell, column.format(row));
      }
    }
  };
  // At "max", the rows in two halves over the two frames after the topology's (useLiveWrite).
  useLiveWrite(select, write, [ids, columns], { framesLater: 2, parts: 2 });
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
