import type { ReactNode } from 'react';

/**
 * A form of the compare column that starts a side job: a note on what it runs, then its fields
 * and buttons. The page checks the values itself (a refused one stays in its field with the
 * message beside it, so no browser validation), and submitting runs `onSubmit`, not a page load.
 */
export function SideJobForm({
  label,
  note,
  onSubmit,
  children,
}: {
  label: string;
  note: ReactNode;
  onSubmit(): Promise<void>;
  children: ReactNode;
}) {
  return (
    <form
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
      aria-label={label}
    >
      <p className="compare-note">{note}</p>
      {children}
    </form>
  );
}
