// What the fake Postmarks of email-support.ts (single sends) and send-batch-support.ts (batch
// API) share: plugging into the postmark client's `fetch` and refusing any other host, so nothing
// reaches the network. Each subclass answers the Postmark paths it fakes.
import { usePostmarkTestDouble } from '../src/email/postmark-client';

export abstract class PostmarkDouble {
  install(): this {
    usePostmarkTestDouble({ serverToken: 'test-server-token', fetch: (input, init) => this.fetch(input, init) });
    return this;
  }

  uninstall() {
    usePostmarkTestDouble(null);
  }

  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.host !== 'api.postmarkapp.com') throw new Error(`the fake Postmark got a request for ${url.host}`);
    return this.respond(url, init);
  }

  /** The answer to one request to api.postmarkapp.com. */
  protected abstract respond(url: URL, init?: RequestInit): Promise<Response>;
}
