// What a passkey registration runs at the click, a chunk of its own that the registration controller
// loads at mount (see credentialRegistrationController.ts): the page's start bundle holds what renders
// the form and prefetches the challenge; checking that challenge and everything after is here.
export { validateFido2Challenge } from '../dfns/challenge.ts';
export { registerPasskey } from '../flows/registerPasskey.ts';
