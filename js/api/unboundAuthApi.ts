import type { ConduktorAuthApi } from './types.js';

/**
 * Default binding of `conduktorAuthApiRef`: the plugin cannot know which identity
 * provider Conduktor Console trusts, so until the app binds the ref every call
 * fails with instructions instead of sending a wrong or empty token.
 */
export const unboundAuthApi: ConduktorAuthApi = {
  async getIdToken() {
    throw new Error(
      'The Conduktor card has no sign-in to forward: bind conduktorAuthApiRef to the auth API of the identity provider Conduktor Console trusts (see the plugin README, "Sign-in").',
    );
  },
};
