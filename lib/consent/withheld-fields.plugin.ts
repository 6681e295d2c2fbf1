import type { ApolloServerPlugin } from '@apollo/server';
import type { ConsentRequestState } from './consent-request-state.ts';

/**
 * Adds an error for every field the consent guard withheld. A withheld list is served empty, which
 * a resolver cannot pair with an error by itself; the errors are added here, with their paths.
 * Then it tells the SIP core what was released, without holding the response back for it.
 */
export const withheldFieldsPlugin: ApolloServerPlugin<{ consent?: ConsentRequestState }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        void contextValue.consent?.releases.send().catch(() => {
          // Unconfirmed releases stay so in the log; nothing is lost by not retrying here.
        });
        const withheld = contextValue.consent?.withheld ?? [];
        if (withheld.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...withheld.map((error) => error.toJSON())];
      },
    };
  },
};
