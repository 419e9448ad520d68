// The demo's journeys: one view each, reached by the address's hash (`#sign-in`), in the order a
// person meets them. Each names the guide and the compiled snippet that build it.

/** A view of the demo: a journey, or the page about the demo. */
export type View = 'sign-up' | 'sign-in' | 'passkeys' | 'another-device' | 'manage' | 'recover' | 'about';

/** Where the docs live: the snippets in docs/snippets are compiled in CI, so what the demo links to builds. */
const DOCS = 'https://github.com/credkit/credkit/blob/main/docs/';

/** A link to a guide or a snippet. */
export interface DocLink {
  label: string;
  href: string;
}

const guide = (label: string, page: string): DocLink => ({ label, href: `${DOCS}${page}` });
const snippet = (file: string): DocLink => ({ label: file, href: `${DOCS}snippets/${file}` });

/** What the demo says about a view: its name in the navigation and the title, and its docs. */
export interface Journey {
  view: View;
  /** The link's text and the page title. */
  title: string;
  /** Who may take it: anyone, a signed-out visitor, or a signed-in user. */
  needs: 'nothing' | 'no-session' | 'session';
  docs: DocLink[];
}

export const JOURNEYS: readonly Journey[] = [
  {
    view: 'sign-up',
    title: 'Sign up',
    needs: 'no-session',
    docs: [
      guide('The Dfns flow: sign-up', 'dfns-flow.md'),
      snippet('signUp.tsx'),
      snippet('signUpWithRecoveryKey.tsx'),
    ],
  },
  {
    view: 'sign-in',
    title: 'Sign in',
    needs: 'no-session',
    docs: [
      guide('The Dfns flow: signing back in', 'dfns-flow.md#signing-back-in'),
      snippet('signInForm.tsx'),
      snippet('signInWithLoginCode.tsx'),
    ],
  },
  {
    view: 'passkeys',
    title: 'Add a credential',
    needs: 'session',
    docs: [
      guide('The component and its parts', 'component.md'),
      snippet('component.tsx'),
      guide('Credential kinds', 'credential-kinds.md'),
    ],
  },
  {
    view: 'another-device',
    title: 'Another device',
    needs: 'nothing',
    docs: [
      guide('The other device: RegisterWithCode', 'another-device.md#the-other-device-registerwithcode'),
      snippet('anotherDeviceAdd.tsx'),
    ],
  },
  {
    view: 'manage',
    title: 'Manage',
    needs: 'session',
    docs: [
      guide('CredentialList', 'credential-list.md'),
      snippet('credentialList.tsx'),
      guide('CredentialCode', 'another-device.md#the-signed-in-device-credentialcode'),
      snippet('anotherDevice.tsx'),
    ],
  },
  {
    view: 'recover',
    title: 'Recover',
    needs: 'no-session',
    docs: [guide('Account recovery', 'recovery.md#the-component-recoveraccount'), snippet('recovery.tsx')],
  },
  {
    view: 'about',
    title: 'About',
    needs: 'nothing',
    docs: [
      guide('The wire format', 'wire-format.md'),
      guide('The demo as a static site', 'static-demo.md'),
      guide('On SimpleWebAuthn', 'simplewebauthn.md'),
    ],
  },
];

/** The journey of a view. */
export function journeyOf(view: View): Journey {
  const journey = JOURNEYS.find((candidate) => candidate.view === view);
  if (!journey) throw new Error(`No journey for the view "${view}"`);
  return journey;
}

/** The view the hash names, or `undefined` for none (the page's home: sign-up, or, signed in, adding a credential). */
export function viewFromHash(hash: string): View | undefined {
  return JOURNEYS.find((journey) => `#${journey.view}` === hash)?.view;
}
