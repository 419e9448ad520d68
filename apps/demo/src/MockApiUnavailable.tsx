/** What the static demo shows when its in-browser mock API cannot start (no Service Worker). */
export function MockApiUnavailable({ reason }: { reason: string }) {
  return (
    <main>
      <h1>credkit demo</h1>
      <div role="alert" data-testid="mock-api-unavailable">
        <p>
          <strong>The demo cannot start here:</strong> {reason}.
        </p>
        <p>
          This build runs its mock Dfns API inside your browser, behind a Service Worker. Service Workers need a secure
          context (https, or http on localhost) and are turned off in some private windows and by some policies. Open
          the demo over https in a normal window, or run it locally with <code>pnpm demo</code>.
        </p>
      </div>
    </main>
  );
}
