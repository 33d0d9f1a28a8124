import { Flex, Text } from '@backstage/ui';
import type { ApplicationOverview } from '../api/types.js';
import { ResourceLink } from './ResourceLink.js';

/** The card's line per self-service application: its title, owner, and its instances with their clusters. */
export function ApplicationSummary({
  applications,
}: {
  applications: ApplicationOverview[];
}) {
  return (
    <section aria-label="Applications" data-testid="conduktor-applications">
      <Text as="h4" variant="body-large" weight="bold">
        {applications.length === 1 ? 'Application' : 'Applications'}
      </Text>
      <Flex direction="column" gap="1" mt="1">
        {applications.map(({ name, application, instances }) => {
          const details = [
            application?.owner && `owned by ${application.owner}`,
            instances.length === 0
              ? 'no instance'
              : instances
                  .map(i => (i.cluster ? `${i.name} (${i.cluster})` : i.name))
                  .join(', '),
          ].filter(Boolean);
          return (
            <Flex
              key={name}
              align="baseline"
              gap="2"
              style={{ flexWrap: 'wrap' }}
            >
              <ResourceLink
                name={application?.title ?? name}
                link={application?.consoleLink}
              />
              <Text as="span" variant="body-small">
                {details.join(' · ')}
              </Text>
            </Flex>
          );
        })}
      </Flex>
    </section>
  );
}
