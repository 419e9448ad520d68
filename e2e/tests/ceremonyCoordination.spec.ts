import { randomUUID } from 'node:crypto';
import { interceptFetch } from '@credkit/mock-backend/playwright';
import type { Page } from '@playwright/test';
import { base64ToBase64url, expect, recordApiRequests, test } from './fixtures.ts';
import { instrumentPage } from './instrumentation.ts';

// A page runs one passkey prompt at a time. credkit's rule: the newest call wins (it aborts credkit's
// call in progress, which ends `aborted`), and cancelling one call never ends another. Each test runs
// on credkit's own ceremony and on SimpleWebAuthn (`?ceremony=simplewebauthn`), whose own abort service
// ends "whichever call is current": the case where a careless cancel would end the wrong call.
const CEREMONIES = [
  { label: "credkit's own ceremony", query: '', calls: false },
  { label: 'SimpleWebAuthn', query: '&ceremony=simplewebauthn', calls: true },
] as const;

/** The SimpleWebAuthn calls the demo recorded (`?ceremony=simplewebauthn`); undefined on credkit's own ceremony. */
const simpleWebAuthnCalls = (page: Page) =>
  page.evaluate(() => (window as { credkitDemoCeremonyCalls?: string[] }).credkitDemoCeremonyCalls);

/** The posted credential's name and id, from the recorded POST /auth/credentials bodies. */
function posted(requests: ReturnType<typeof recordApiRequests>) {
  return requests.map((request) => {
    const body = JSON.parse(request.postData() ?? '{}') as {
      credentialName?: string;
      credentialInfo?: { credId?: string };
    };
    return { name: body.credentialName, credId: body.credentialInfo?.credId };
  });
}

/** One of the two components of `/?embed&two`: its region, its `<form>` (data-state) and its parts. */
function component(page: Page, label: 'First' | 'Second') {
  const region = page.getByRole('region', { name: label });
  return {
    form: region.locator('form[data-credkit="register-credential"]'),
    name: region.getByRole('textbox', { name: 'Credential name' }),
    register: region.getByRole('button', { name: 'Register passkey' }),
    cancel: region.getByRole('button', { name: 'Cancel' }),
    status: region.getByRole('status'),
    alert: region.getByRole('alert'),
  };
}

for (const { label, query, calls } of CEREMONIES) {
  test.describe(`one passkey prompt at a time, on ${label}`, () => {
    test('the automatic upgrade is pending, then a click registers and the upgrade ends silently', async ({
      page,
      authenticator,
    }) => {
      const probe = await instrumentPage(page);
      const posts = recordApiRequests(page, '/auth/credentials');
      await page.goto(`/?embed&upgrade${query}`);
      const upgrade = page.getByTestId('passkey-upgrade');
      // No saved password in this browser: the conditional create waits (authenticatorChoices.spec.ts).
      await expect(upgrade).toHaveAttribute('data-status', 'pending');
      await expect.poll(probe.ceremonies).toBe(1);

      const name = `Clicked ${randomUUID().slice(0, 8)}`;
      await page.getByRole('textbox', { name: 'Credential name' }).fill(name);
      await page.getByRole('button', { name: 'Register passkey' }).click();

      await expect(page.getByRole('status')).toHaveText(`Passkey “${name}” registered.`);
      // The click's prompt replaced the upgrade's: it ended `aborted`, and the person sees nothing of it.
      await expect(upgrade).toHaveAttribute('data-status', 'failed');
      await expect(upgrade).toHaveAttribute('data-error-code', 'aborted');
      await expect(upgrade).toHaveText('');
      await expect(page.getByRole('alert')).toHaveCount(0);

      const events = await probe.events();
      // First the upgrade's conditional create, then the click's ordinary one.
      const mediations = events
        .filter((event) => event.type === 'create')
        .map((event) => (JSON.parse(event.detail) as { mediation?: string }).mediation);
      expect(mediations).toEqual(['conditional', undefined]);
      // The upgrade's create() was aborted with credkit's reason, and the browser rejected it with that
      // reason (a CredkitError, not a DOMException); the click's resolved.
      expect(events.filter((event) => event.type === 'create-aborted').map((event) => event.detail)).toEqual([
        'CredkitError: A newer passkey prompt replaced this one.',
      ]);
      expect(
        events
          .filter((event) => event.type === 'create-settled')
          .map((event) => event.detail)
          .sort(),
      ).toEqual(['CredkitError', 'resolved']);
      const held = await authenticator.credentials();
      expect(held).toHaveLength(1);
      expect(posted(posts)).toEqual([{ name, credId: base64ToBase64url(held[0]?.credentialId ?? '') }]);
      expect(await simpleWebAuthnCalls(page)).toEqual(calls ? ['create', 'create'] : undefined);
    });

    test('two components: Cancel in one leaves the other working', async ({ page, authenticator }) => {
      const probe = await instrumentPage(page);
      const posts = recordApiRequests(page, '/auth/credentials');
      await authenticator.setPresence(false);
      await page.goto(`/?embed&two${query}`);
      const [first, second] = [component(page, 'First'), component(page, 'Second')];

      await first.name.fill('First, cancelled');
      await first.register.click();
      await expect(first.form).toHaveAttribute('data-state', 'ceremony');
      await expect.poll(probe.ceremonies).toBe(1);
      await first.cancel.click();
      await expect(first.form).toHaveAttribute('data-state', 'error');
      await expect(first.alert).toHaveAttribute('data-code', 'cancelled');
      await expect(first.alert).toHaveText('Registration cancelled. Nothing was registered.');
      await expect(first.cancel).toHaveCount(0);
      await expect.poll(async () => (await probe.events()).some((event) => event.type === 'create-aborted')).toBe(true);
      // The other component never noticed.
      await expect(second.form).toHaveAttribute('data-state', 'idle');
      await expect(second.alert).toHaveCount(0);

      // The person touches the authenticator this time: the other component registers.
      await authenticator.setPresence(true);
      const name = `Second ${randomUUID().slice(0, 8)}`;
      await second.name.fill(name);
      await second.register.click();
      await expect(second.status).toHaveText(`Passkey “${name}” registered.`);
      await expect(first.alert).toHaveAttribute('data-code', 'cancelled');
      const held = await authenticator.credentials();
      expect(held).toHaveLength(1);
      expect(posted(posts)).toEqual([{ name, credId: base64ToBase64url(held[0]?.credentialId ?? '') }]);
      expect(await probe.ceremonies()).toBe(2);
      expect(await simpleWebAuthnCalls(page)).toEqual(calls ? ['create', 'create'] : undefined);
    });

    test('two components: Cancel in one while the other is still registering', async ({ page, authenticator }) => {
      const probe = await instrumentPage(page);
      const posts = recordApiRequests(page, '/auth/credentials');
      // The second's POST waits here until the first has been started and cancelled.
      let releasePost: () => void = () => undefined;
      const postReleased = new Promise<void>((resolve) => {
        releasePost = resolve;
      });
      await interceptFetch(page, '/auth/credentials', async ({ method }) => {
        if (method === 'POST') await postReleased;
        return { continue: true };
      });
      await page.goto(`/?embed&two${query}`);
      const [first, second] = [component(page, 'First'), component(page, 'Second')];

      const name = `Second ${randomUUID().slice(0, 8)}`;
      await second.name.fill(name);
      await second.register.click();
      await expect(second.form).toHaveAttribute('data-state', 'submitting');

      // Now the first starts a prompt that waits, and the person cancels it.
      await authenticator.setPresence(false);
      await first.name.fill('First, cancelled');
      await first.register.click();
      await expect(first.form).toHaveAttribute('data-state', 'ceremony');
      await expect.poll(probe.ceremonies).toBe(2);
      await first.cancel.click();
      await expect(first.alert).toHaveAttribute('data-code', 'cancelled');
      // The second is still registering, untouched; released, it completes.
      await expect(second.form).toHaveAttribute('data-state', 'submitting');
      releasePost();
      await expect(second.status).toHaveText(`Passkey “${name}” registered.`);
      await expect(first.alert).toHaveAttribute('data-code', 'cancelled');

      const held = await authenticator.credentials();
      expect(held).toHaveLength(1);
      expect(posted(posts)).toEqual([{ name, credId: base64ToBase64url(held[0]?.credentialId ?? '') }]);
      expect(await simpleWebAuthnCalls(page)).toEqual(calls ? ['create', 'create'] : undefined);
    });

    test('two components: the newest prompt wins, the one it replaced says so', async ({ page, authenticator }) => {
      const probe = await instrumentPage(page);
      const posts = recordApiRequests(page, '/auth/credentials');
      await authenticator.setPresence(false);
      await page.goto(`/?embed&two${query}`);
      const [first, second] = [component(page, 'First'), component(page, 'Second')];

      await first.name.fill('First, replaced');
      await first.register.click();
      await expect(first.form).toHaveAttribute('data-state', 'ceremony');
      await expect.poll(probe.ceremonies).toBe(1);
      // The first's request already waits for a touch: presence from now on answers only the second.
      await authenticator.setPresence(true);

      const name = `Second ${randomUUID().slice(0, 8)}`;
      await second.name.fill(name);
      await second.register.click();
      await expect(second.status).toHaveText(`Passkey “${name}” registered.`);
      // The first ended when the second's prompt began: `aborted`, saying why; nothing was registered
      // from it, and it has no Cancel left to press (so nothing that could end the second).
      await expect(first.form).toHaveAttribute('data-state', 'error');
      await expect(first.alert).toHaveAttribute('data-code', 'aborted');
      await expect(first.alert).toHaveText('A newer passkey prompt replaced this one.');
      await expect(first.cancel).toHaveCount(0);
      await expect(first.register).toBeEnabled();
      await expect(second.alert).toHaveCount(0);

      const events = await probe.events();
      expect(events.filter((event) => event.type === 'create')).toHaveLength(2);
      expect(events.filter((event) => event.type === 'create-aborted').map((event) => event.detail)).toEqual([
        'CredkitError: A newer passkey prompt replaced this one.',
      ]);
      const held = await authenticator.credentials();
      expect(held).toHaveLength(1);
      expect(posted(posts)).toEqual([{ name, credId: base64ToBase64url(held[0]?.credentialId ?? '') }]);
      expect(await simpleWebAuthnCalls(page)).toEqual(calls ? ['create', 'create'] : undefined);
    });
  });
}
