import { createRequire } from 'node:module';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';

// Each vitest project (react@18, react@19) names the major it means to run: a misconfigured
// alias must fail here, not run React 19 twice.
const expectedMajor = process.env.EXPECTED_REACT_MAJOR;

describe('the React this run is on', () => {
  it('should be the major the project expects, with a react-dom of the same version', () => {
    expect(expectedMajor).toMatch(/^\d+$/);
    expect(version.split('.')[0]).toBe(expectedMajor);
    expect(domVersion).toBe(version);
  });

  it('should be the only React loaded', () => {
    // Every react and react-dom that Node loaded, as `name@version`, whatever the package layout.
    const require = createRequire(import.meta.url);
    const loaded = new Set(
      Object.keys(require.cache).flatMap((file) => {
        const root = /^(.*[/\\]node_modules[/\\](react|react-dom))[/\\]/.exec(file)?.[1];
        return root ? [`${root.split(/[/\\]/).pop()}@${require(`${root}/package.json`).version}`] : [];
      }),
    );
    expect([...loaded].sort()).toEqual([`react-dom@${version}`, `react@${version}`]);
  });

  it('should be the React that @testing-library/react and @tanstack/react-query use', async () => {
    // A second React copy would throw here: hooks from one, renderer from another.
    function Probe() {
      const [label] = useState('rendered');
      const { data } = useQuery({ queryKey: ['react-version'], queryFn: () => version });
      return <p>{data ? `${label} with ${data}` : 'loading'}</p>;
    }
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Probe />
      </QueryClientProvider>,
    );
    expect(await screen.findByText(`rendered with ${version}`)).toBeInTheDocument();
  });
});
