import { InfoCard, Progress } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { ClusterTable } from './ClusterTable.js';
import { ConduktorErrorPanel } from './ConduktorErrorPanel.js';
import { useClusters } from './useClusters.js';

export interface ConduktorCardProps {
  variant?: 'gridItem' | 'fullHeight';
}

/** Entity card: the Kafka clusters the signed-in user may see in Conduktor Console. */
export function ConduktorCard({ variant }: ConduktorCardProps) {
  const { state, refresh } = useClusters();
  const action = (
    <Tooltip title="Refresh">
      <IconButton aria-label="Refresh" onClick={refresh} disabled={state.status === 'loading'}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );
  const subheader =
    state.status === 'loaded' ? `Updated ${state.updatedAt.toLocaleTimeString()}` : undefined;

  return (
    <InfoCard title="Conduktor" subheader={subheader} action={action} variant={variant}>
      <div data-testid="conduktor-card">
        {state.status === 'loading' && <Progress />}
        {state.status === 'failed' && <ConduktorErrorPanel error={state.error} onRetry={refresh} />}
        {state.status === 'loaded' &&
          (state.clusters.length === 0 ? (
            <Typography variant="body2" data-testid="conduktor-empty">
              Conduktor shows you no Kafka cluster. Ask your Conduktor administrator for access.
            </Typography>
          ) : (
            <ClusterTable clusters={state.clusters} />
          ))}
      </div>
    </InfoCard>
  );
}
