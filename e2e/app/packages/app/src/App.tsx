import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { harnessOidcModule } from './modules/harnessOidc';
import { conduktorAuthModule } from './modules/conduktorAuth';
import { timeToCardModule } from './modules/timeToCard';

// The Conduktor card itself is auto-discovered (app.packages: all); the harness
// signs users in through its OpenID Provider and binds the card's auth ref to it.
// timeToCardModule is the seed's card for scripts/time-to-card.sh, disabled by default.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, harnessOidcModule, conduktorAuthModule, timeToCardModule],
});
