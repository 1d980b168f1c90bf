import { useState } from 'react';
import { useBuilderStore } from './builderStore';
import type { DesignDoc } from './designDoc';
import { shareSearch } from './shareLink';

/**
 * "Copy link": the page address that opens this design (compressed into the link, with its seed)
 * and runs it as "Run this design" does. Shown beside the button as well, for browsers that do not
 * let the page write to the clipboard.
 */
export function ShareDesign({ doc, disabled }: { doc: DesignDoc; disabled: boolean }) {
  const notify = useBuilderStore((s) => s.notify);
  const [shared, setShared] = useState<{ doc: DesignDoc; link: string } | null>(null);

  const share = async () => {
    const made = await shareSearch(doc);
    if (!made.ok) {
      notify({ text: made.error, tone: 'error' });
      return;
    }
    const link = `${location.origin}${location.pathname}${made.search}`;
    setShared({ doc, link });
    const opens = `opening it runs this design with seed ${made.seed}`;
    try {
      await navigator.clipboard.writeText(link);
      notify({ text: `Link copied: ${opens}.`, tone: 'info' });
    } catch {
      notify({
        text: `Link made (${opens}): copy it from the box beside the button.`,
        tone: 'info',
      });
    }
  };

  // A link made for an earlier version of the design is not this design's: it is hidden.
  const link = shared?.doc === doc ? shared.link : null;
  return (
    <>
      <button
        type="button"
        data-testid="builder-share"
        disabled={disabled}
        title="Copy a link that opens this design, with its seed, on any browser"
        onClick={() => void share()}
      >
        Copy link
      </button>
      {link !== null && (
        <label className="builder-share-link">
          Link to this design
          <input
            type="text"
            readOnly
            value={link}
            data-testid="builder-share-link"
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      )}
    </>
  );
}
