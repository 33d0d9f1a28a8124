import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NameLink } from './NameCell.js';
import type { ApplicationOverview } from '../api/types.js';

/** Self-service applications: title, owner and where each instance runs. */
export function ApplicationList({ applications }: { applications: ApplicationOverview[] }) {
  return (
    <Box data-testid="conduktor-applications">
      {applications.map(({ name, application, instances }) => (
        <Box key={name} mb={2}>
          <Typography variant="h6">
            <NameLink name={application?.title ?? name} link={application?.consoleLink} />
          </Typography>
          {application?.owner && (
            <Typography variant="body2" color="textSecondary">
              Owned by {application.owner}
              {application.description ? ` · ${application.description}` : ''}
            </Typography>
          )}
          {instances.map(instance => (
            <Typography key={instance.name} variant="body2">
              {instance.name}: cluster {instance.cluster ?? '—'}, service account {instance.serviceAccount ?? '—'},{' '}
              {instance.resources.map(r => `${r.type.toLowerCase()} ${r.name}${r.patternType === 'PREFIXED' ? '*' : ''}`).join(', ') || 'no resources'}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}
