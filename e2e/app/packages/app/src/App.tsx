import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { conduktorDevAuthModule } from './modules/conduktorDevAuth';

// The Conduktor card itself is auto-discovered (app.packages: all); the harness
// only binds its auth ref to the simulator's development IdP.
export default createApp({
  features: [catalogPlugin, navModule, homeModule, conduktorDevAuthModule],
});
