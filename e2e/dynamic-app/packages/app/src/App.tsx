import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { harnessOidcModule } from './modules/harnessOidc';
import { conduktorAuthModule } from './modules/conduktorAuth';
import { dynamicFeatures } from './modules/dynamicFeatures';

// The Conduktor card is not a dependency of this app: the backend serves it from
// dynamicPlugins.rootDirectory and dynamicFeatures loads it at start-up. The harness
// signs users in through its OpenID Provider and binds the card's auth ref to it.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, harnessOidcModule, conduktorAuthModule, dynamicFeatures],
});
