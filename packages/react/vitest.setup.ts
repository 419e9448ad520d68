import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor's default 1 s is too tight when both React projects (18 and 19) run beside the other
// suites on a 2-core CI machine: a test that is correct must not fail because the machine is busy.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
