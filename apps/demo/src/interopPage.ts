// interop.html: in the static build, start the in-browser mock API before the Dfns SDK calls it.
import { mockInBrowser } from './mockApi.ts';

if (mockInBrowser) await (await import('./browserMockApi.ts')).startBrowserMockApi();
await import('./interop.ts');
