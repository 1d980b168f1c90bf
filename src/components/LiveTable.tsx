import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { AppState } from '../store/store';
import { setLiveText } from './liveDom';
import { OnScreen } from './onScreen';
import { playingAtMax, useLiveWrite, type LiveWritePart } from './useLiveWrite';

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

/** A body row and its cells by column key. */
interface IndexedRow {
  element: HTMLTableRowElement;
  cells: Map<string, HTMLElement>;
}

/** The body's rows by row id, found once per set of rows. */
type RowIndex = Map<string, IndexedRow>;

function indexRows(body: HTMLTableSectionElement): RowIndex {
  const index: RowIndex = new Map();
  for (const element of body.rows) {
    const cells = new Map<string, HTMLElement>();
    for (const cell of element.querySelectorAll<HTMLElement>('[data-col]')) {
      cells.set(cell.dataset.col!, cell);
    }
    index.set(element.dataset.row!, { element, cells });
  }
  return index;
}

/**
 * A table whose rows React renders once per scenario and whose cells a store subscription fills
 * in place on every snapshot, so sixty updates a second cost no re-render. The cells are looked
 * up once per set of rows, not per update (lesson 11's 90 rows made that 720 selector queries
 * per snapshot). While a run plays at "max" only the rows on screen are written (the table
 * scrolls in its own box: at 1280x720 about 20 of lesson 11's 90 station rows show), and a row
 * that scrolls into view is written at once; every row is written when the run stops.
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
  const indexRef = useRef<{
    body: HTMLTableSectionElement;
    ids: readonly string[];
    columns: readonly LiveColumn<Row>[];
    rows: RowIndex;
  } | null>(null);
  const rowsIndex = (): RowIndex | null => {
    const body = bodyRef.current;
    if (!body) return null;
    let cached = indexRef.current;
    if (cached?.body !== body || cached.ids !== ids || cached.columns !== columns) {
      cached = { body, ids, columns, rows: indexRows(body) };
      indexRef.current = cached;
    }
    return cached.rows;
  };
  const writeRow = (row: Row, cells: Map<string, HTMLElement>) => {
    for (const column of columns) {
      const cell = cells.get(column.key);
      if (cell) setLiveText(cell, column.format(row));
    }
  };
  // The rows last written (or held back), for a row that comes on screen.
  const lastRows = useRef<readonly Row[]>([]);
  const writeShown = (elements: readonly Element[]) => {
    const index = rowsIndex();
    if (!index || !playingAtMax()) return;
    const shown = new Set(elements);
    for (const row of lastRows.current) {
      const indexed = index.get(row.id);
      if (indexed && shown.has(indexed.element)) writeRow(row, indexed.cells);
    }
  };
  const writeShownRef = useRef(writeShown);
  useLayoutEffect(() => {
    writeShownRef.current = writeShown;
  });
  const onScreen = useMemo(() => new OnScreen((elements) => writeShownRef.current(elements)), []);
  const write = (rows: readonly Row[], { part, parts, atMax }: LiveWritePart) => {
    lastRows.current = rows;
    const index = rowsIndex();
    if (!index) return;
    const end = Math.floor(((part + 1) * rows.length) / parts);
    for (let i = Math.floor((part * rows.length) / parts); i < end; i++) {
      const row = rows[i]!;
      const indexed = index.get(row.id);
      if (indexed && (!atMax || onScreen.has(indexed.element))) writeRow(row, indexed.cells);
    }
  };
  useEffect(() => () => onScreen.disconnect(), [onScreen]);
  useEffect(() => {
    const rows = [...(bodyRef.current?.rows ?? [])];
    rows.forEach((row) => onScreen.observe(row));
    return () => rows.forEach((row) => onScreen.unobserve(row));
  }, [onScreen, ids, columns]);
  // At "max", the rows in two halves over the two frames after the topology's (useLiveWrite).
  useLiveWrite(select, write, [ids, columns], { framesLater: 3, parts: 2 });
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
