// app/passkeys/page.tsx: a server component. It passes only data (the user's token) to the client
// component, which makes its fetcher and signer itself.

import { getUserToken } from './host.ts';
import { AddPasskey } from './nextApp.tsx'; // './AddPasskey' in your app

export default async function PasskeysPage() {
  return <AddPasskey token={await getUserToken()} />;
}
