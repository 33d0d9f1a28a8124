import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { conduktorAuthModule, harnessOidcModule } from './modules/harnessOidc';

// The Conduktor card itself is auto-discovered (app.packages: all); the harness
// signs users in through its OpenID Provider and binds the card's auth ref to it.
export default createApp({
  features: [catalogPlugin, navModule, harnessOidcModule, conduktorAuthModule],
});
