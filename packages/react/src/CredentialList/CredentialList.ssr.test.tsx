// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CredentialList } from './CredentialList.tsx';

describe('<CredentialList> on the server', () => {
  it('should render the loading state, without sending a request', () => {
    const fetcher = async () => {
      throw new Error('no request may be sent during server rendering');
    };
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <CredentialList fetcher={fetcher} />
      </QueryClientProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Loading your credentials…');
    expect(html).not.toContain('<table');
  });
});
