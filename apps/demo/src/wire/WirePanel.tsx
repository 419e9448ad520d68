import { useId, useSyncExternalStore } from 'react';
import { operationTitle, stepFacts, stepNote } from './protocolNotes.ts';
import type { ShownBody } from './redact.ts';
import { type WireLog, type WireOperation, type WireStep, wireLog } from './wireLog.ts';

const STATE_LABEL: Record<WireOperation['state'], string> = {
  'under-way': 'under way',
  done: 'done',
  failed: 'failed',
  stopped: 'stopped',
};

/** A long value (an attestation, a challenge identifier) cut to its ends, with its length. */
export function shorten(value: string, max = 72): string {
  return value.length <= max ? value : `${value.slice(0, 36)}…${value.slice(-12)} (${value.length} chars)`;
}

function showBody(body: ShownBody): string {
  if (body.kind === 'none') return '(no body)';
  if (body.kind === 'opaque') return `(${body.bytes} bytes, not JSON: not shown)`;
  return JSON.stringify(body.value, (_key, value: unknown) => (typeof value === 'string' ? shorten(value) : value), 2);
}

function Step({ step }: { step: WireStep }) {
  const { response } = step;
  const note = stepNote(step);
  const facts = stepFacts(step);
  const status =
    response === undefined
      ? 'waiting…'
      : response.kind === 'no-answer'
        ? `no answer (${response.reason})`
        : `${response.status} ${response.statusText}`.trim();
  const ok = response?.kind === 'answer' && response.status < 400;
  return (
    <li className="wire-step">
      <p className="wire-request">
        <code>
          <span className="wire-method">{step.method}</span> {step.path}
        </code>{' '}
        <span className="wire-status" data-ok={response ? String(ok) : undefined}>
          {status}
        </span>
      </p>
      {note ? <p className="wire-note">{note}</p> : null}
      {facts.length > 0 ? (
        <dl className="wire-facts">
          {facts.map((fact) => (
            <div key={`${fact.label}:${fact.value}`}>
              <dt>{fact.label}</dt>
              <dd>
                <code>{shorten(fact.value)}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="wire-raw">
        <summary className="wire-raw-summary">Request</summary>
        <pre>
          {step.requestHeaders.map(([name, value]) => `${name}: ${value}`).join('\n')}
          {'\n\n'}
          {showBody(step.requestBody)}
        </pre>
      </details>
      {response?.kind === 'answer' ? (
        <details className="wire-raw">
          <summary className="wire-raw-summary">Response</summary>
          <pre>{showBody(response.body)}</pre>
        </details>
      ) : null}
    </li>
  );
}

function Operation({ operation, open }: { operation: WireOperation; open: boolean }) {
  const title = operationTitle(operation);
  return (
    <li className="wire-operation" data-state={operation.state}>
      <details open={open}>
        <summary className="wire-op-summary">
          <span className="wire-title">{title}</span>{' '}
          <span className="wire-badge" data-state={operation.state}>
            {STATE_LABEL[operation.state]}
          </span>{' '}
          <span className="wire-count">
            {operation.steps.length} {operation.steps.length === 1 ? 'step' : 'steps'}
          </span>
        </summary>
        <ol className="wire-steps" aria-label={`Steps of ${title}`}>
          {operation.steps.map((step) => (
            <Step key={step.id} step={step} />
          ))}
        </ol>
      </details>
    </li>
  );
}

/**
 * The wire panel, as webauthn.io's debug view: what the last operations sent to the (mock) Dfns API
 * and what came back, step by step, newest first, with tokens, codes, passwords and keys redacted.
 * The last finished operation is open; a newer one only once it is past its first step (the kit
 * fetches the next challenge ahead, which opens a new operation before the person acts).
 */
export function WirePanel({ log = wireLog }: { log?: WireLog }) {
  const operations = useSyncExternalStore(log.subscribe, log.getSnapshot);
  const headingId = useId();
  const newestFirst = [...operations].reverse();
  const lastFinished = newestFirst.findIndex((operation) => operation.state !== 'under-way');
  return (
    <aside className="wire" aria-labelledby={headingId}>
      <div className="wire-head">
        <h2 id={headingId}>On the wire</h2>
        {operations.length > 0 ? (
          <button type="button" className="button button-small" onClick={log.clear}>
            Clear
          </button>
        ) : null}
      </div>
      <p className="wire-lead">
        What the kit sent to the mock Dfns API and what came back, step by step. Tokens, codes, passwords and encrypted
        keys are redacted; reads (GET) are left out.
      </p>
      {operations.length === 0 ? (
        <p className="wire-empty">Nothing sent yet. Sign up, sign in or add a credential to see the protocol.</p>
      ) : (
        <ol className="wire-operations" aria-label="Operations, newest first">
          {newestFirst.map((operation, index) => (
            <Operation
              key={operation.id}
              operation={operation}
              // Open: the last finished, and any newer one past its first step (a challenge fetched ahead stays a line).
              open={
                lastFinished === -1
                  ? index === 0
                  : index === lastFinished || (index < lastFinished && operation.steps.length > 1)
              }
            />
          ))}
        </ol>
      )}
    </aside>
  );
}
