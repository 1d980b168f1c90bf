import { useState, type FormEvent } from 'react';
import type { Scenario } from '../../sim/scenarios/schema/scenarioSchema';
import { useBridge } from '../bridge/BridgeContext';
import { useAppStore } from '../store/store';
import { FaultField, FieldError, NumberInput } from './FaultFields';
import {
  availableKinds,
  buildFault,
  describeFault,
  errorsByField,
  initialValues,
  withValue,
} from './faultInput';
import { FAULT_FORMS, type FaultKind } from './faultKinds';

interface Feedback {
  fields: Record<string, string>;
  general: string[];
  done: string | null;
}

const NO_FEEDBACK: Feedback = { fields: {}, general: [], done: null };

/**
 * Choose a fault the scenario supports, its target and parameters, then inject it now or at a
 * simulated time. The worker validates; its messages appear beside the fields they name.
 */
export function FaultForm({ scenario }: { scenario: Scenario }) {
  const bridge = useBridge();
  const status = useAppStore((s) => s.run.status);
  const kinds = availableKinds(scenario);
  const [kind, setKind] = useState<FaultKind>(kinds[0] ?? 'outage');
  const [values, setValues] = useState(() => initialValues(scenario, kind));
  const [atText, setAtText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [busy, setBusy] = useState(false);
  const disabled = busy || status === 'loading' || status === 'starting';
  const form = FAULT_FORMS[kind];

  const chooseKind = (next: FaultKind) => {
    setKind(next);
    setValues(initialValues(scenario, next));
    setFeedback(NO_FEEDBACK);
  };
  const change = (name: string, value: string) => {
    setValues(withValue(scenario, kind, values, name, value));
    setFeedback(NO_FEEDBACK);
  };

  const inject = async (at?: string) => {
    if (at !== undefined && at.trim() === '') {
      const range = `a number of seconds from now to ${scenario.duration}`;
      setFeedback({ ...NO_FEEDBACK, fields: { at: `Time: is required (${range})` } });
      return;
    }
    setBusy(true);
    try {
      const result = await bridge.injectFault(buildFault(kind, values, at));
      if (result.ok) {
        setFeedback({ ...NO_FEEDBACK, done: `Scheduled: ${describeFault(result.fault)}` });
        return;
      }
      const { fields, general } = errorsByField(result.errors);
      const labelled: Record<string, string> = {};
      for (const [name, message] of Object.entries(fields)) {
        const label = name === 'at' ? 'Time' : form.fields.find((f) => f.name === name)?.label;
        if (label) labelled[name] = `${label}: ${message}`;
        else general.push(`${name}: ${message}`);
      }
      setFeedback({ fields: labelled, general, done: null });
    } catch {
      // The bridge has reported the failure with the scenario and seed.
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void inject();
  };

  if (kinds.length === 0) return <p>This scenario has nothing a fault could target.</p>;
  return (
    <form className="fault-form" onSubmit={submit} noValidate aria-label="Inject a fault">
      <div className="control">
        <label htmlFor="fault-kind">Fault</label>
        <select
          id="fault-kind"
          data-testid="fault-kind"
          value={kind}
          disabled={disabled}
          onChange={(e) => chooseKind(e.currentTarget.value as FaultKind)}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {FAULT_FORMS[k].label}
            </option>
          ))}
        </select>
      </div>
      {form.fields.map((field) => (
        <FaultField
          key={`${kind}:${field.name}`}
          field={field}
          scenario={scenario}
          values={values}
          error={feedback.fields[field.name]}
          disabled={disabled}
          onChange={change}
        />
      ))}
      <div className="fault-buttons">
        <button type="submit" className="primary" data-testid="inject-now" disabled={disabled}>
          Inject now
        </button>
        <div className="control">
          <label htmlFor="fault-at">At t = (s)</label>
          <NumberInput
            id="fault-at"
            value={atText}
            error={feedback.fields.at}
            disabled={disabled}
            placeholder={`0 to ${scenario.duration}`}
            onChange={(text) => {
              setAtText(text);
              setFeedback(NO_FEEDBACK);
            }}
          />
          <FieldError id="fault-at" error={feedback.fields.at} />
        </div>
        <button
          type="button"
          data-testid="inject-at"
          disabled={disabled}
          onClick={() => void inject(atText)}
        >
          Inject at t
        </button>
      </div>
      {feedback.general.map((message) => (
        <p key={message} className="fault-error" role="alert" data-testid="fault-error">
          {message}
        </p>
      ))}
      {feedback.done && (
        <p className="fault-done" role="status" data-testid="fault-done">
          {feedback.done}
        </p>
      )}
    </form>
  );
}
