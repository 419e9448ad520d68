import { type ReactNode, useId } from 'react';
import { journeyOf, type View } from './journeys.ts';

/** The guide and the compiled snippets that build a journey, as links to the docs. */
export function DocsLinks({ view }: { view: View }) {
  const { docs } = journeyOf(view);
  return (
    <p className="docs-links">
      <span className="docs-label">Built from</span>{' '}
      {docs.map((doc, index) => (
        <span key={doc.href}>
          {index > 0 ? ' · ' : null}
          <a href={doc.href} className={doc.label.includes('.') ? 'docs-snippet' : undefined}>
            {doc.label}
          </a>
        </span>
      ))}
    </p>
  );
}

/**
 * One journey of the demo: its heading (where focus goes when the view opens: `tabIndex={-1}`), what
 * it shows, the docs that build it, then the journey itself.
 */
export function JourneySection({
  view,
  heading,
  lead,
  children,
}: {
  view: View;
  heading: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="journey" data-view={view}>
      <div className="journey-head">
        <h2 id={id} tabIndex={-1}>
          {heading}
        </h2>
        {lead ? <p className="lead">{lead}</p> : null}
        <DocsLinks view={view} />
      </div>
      {children}
    </section>
  );
}
