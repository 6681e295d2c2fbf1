import type { ApolloServerPlugin } from '@apollo/server';
import type { ConsentRequestState } from './consent-request-state.ts';

/**
 * Adds an error for every field the consent guard withheld, and for every list it served without
 * the records the family blocked (which a resolver cannot pair with an error by itself), with
 * their paths. Before that it tells the SIP core what was released.
 */
export const withheldFieldsPlugin: ApolloServerPlugin<{ consent?: ConsentRequestState }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        // What was released goes to the SIP core's log without holding the response up.
        contextValue.consent?.releases.done();
        const withheld = contextValue.consent?.withheld ?? [];
        if (withheld.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...withheld.map((error) => error.toJSON())];
      },
    };
  },
};
