import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { lessonUrl, parseLessonText } from './readLessonText';
import { useLessonLink } from './useLessonLink';

/**
 * Loads a trainer's lesson (a scenario file with a `lesson` block) from a file or an address. A
 * refused file shows the validator's messages, each naming the field and what it allows, and the
 * run on screen goes on with the scenario it had.
 */
export function LessonLoader() {
  const bridge = useBridge();
  const fileId = useId();
  const urlId = useId();
  const [address, setAddress] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (text: string, from: string): Promise<boolean> => {
    const parsed = parseLessonText(text, from);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setLoaded(null);
      return false;
    }
    const outcome = await bridge.loadDocument(parsed.doc);
    setErrors(outcome.ok ? [] : outcome.errors);
    setLoaded(outcome.ok ? from : null);
    return outcome.ok;
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      await load(await file.text(), file.name);
    } finally {
      setBusy(false);
      input.value = ''; // the same file again (fixed) loads again
    }
  };

  const loadFromAddress = async (text: string): Promise<boolean> => {
    const checked = lessonUrl(text, window.location.href);
    if ('error' in checked) {
      setErrors([checked.error]);
      return false;
    }
    setBusy(true);
    try {
      const response = await fetch(checked.url);
      if (!response.ok) {
        setErrors([
          `${checked.url.href}: the server answered ${response.status} ${response.statusText}`,
        ]);
        return false;
      }
      return await load(await response.text(), checked.url.href);
    } catch (error) {
      setErrors([`${checked.url.href}: could not be fetched (${(error as Error).message})`]);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onUrl = (event: FormEvent) => {
    event.preventDefault();
    void loadFromAddress(address);
  };

  useLessonLink(loadFromAddress, setAddress);

  return (
    <div className="lesson-loader">
      <div className="control">
        <label htmlFor={fileId}>Load lesson from file</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          data-testid="lesson-file"
          onChange={(e) => void onFile(e)}
        />
      </div>
      <form className="control lesson-url" onSubmit={onUrl}>
        <label htmlFor={urlId}>Lesson URL</label>
        <input
          id={urlId}
          type="text"
          inputMode="url"
          spellCheck={false}
          value={address}
          placeholder="https://example.org/lesson.json or lessons/mine.json"
          data-testid="lesson-url"
          onChange={(e) => setAddress(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Load lesson from URL
        </button>
      </form>
      {errors.length > 0 && (
        <div role="alert" className="lesson-errors" data-testid="lesson-errors">
          <p>The lesson was not loaded; the run on screen goes on:</p>
          <ul>
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {loaded && (
        <p className="lesson-note" role="status" data-testid="lesson-loaded">
          Loaded {loaded}.
        </p>
      )}
    </div>
  );
}
