import { createRouteRef } from '@backstage/core-plugin-api';

/** The legacy Kafka tab's mount point (`EntityLayout.Route path="/kafka"`). */
export const conduktorContentRouteRef = createRouteRef({
  id: 'conduktor:entity-content',
});
