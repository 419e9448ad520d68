// What a passkey registration runs at the click, a chunk of its own that the registration controller
// loads at mount (see credentialRegistrationController.ts): the page's start bundle holds what renders
// the form and prefetches the challenge; checking that challenge and everything after is here.
export { validateFido2Challenge } from '../dfns/challenge.ts';
export { registerPasskey } from '../flows/registerPasskey.ts';

/**
 * Observes `controller` for the host's events once its options have `onEvent` (asked again with each
 * new options); the events' code is a chunk of its own, loaded only then.
 */
export async function observeRegistrationEvents(
  controller: Parameters<typeof import('./ceremonyEvents.ts').observeRegistrationEvents>[0],
): Promise<void> {
  if (controller.getOptions().onEvent) (await import('./ceremonyEvents.ts')).observeRegistrationEvents(controller);
}
