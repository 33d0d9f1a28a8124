import { InfoCard, MissingAnnotationEmptyState, Progress } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import RefreshIcon from '@material-ui/icons/Refresh';
import { conduktorApiRef } from '../api/types.js';
import { CONDUKTOR_ANNOTATIONS, isConduktorAvailable } from '../constants.js';
import { safeConsoleLink } from '../format.js';
import { ConduktorErrorPanel } from './ConduktorErrorPanel.js';
import { OverviewView } from './OverviewView.js';
import { useOverview } from './useOverview.js';

export interface ConduktorCardProps {
  variant?: 'gridItem' | 'fullHeight';
}

/**
 * Entity card: what the entity's Conduktor annotations name (clusters, topics,
 * consumer groups, self-service applications) as the signed-in user may see it in
 * Conduktor Console; without annotations, the user's clusters.
 */
export function ConduktorCard({ variant }: ConduktorCardProps) {
  const { entity } = useEntity();
  const config = useApi(configApiRef);
  if (
    config.getOptionalBoolean('conduktor.showAllClustersWithoutAnnotation') === false &&
    !isConduktorAvailable(entity)
  ) {
    return <MissingAnnotationEmptyState annotation={[...CONDUKTOR_ANNOTATIONS]} />;
  }
  const consoleUrl = safeConsoleLink(config.getOptionalString('conduktor.consoleUrl'));
  return <OverviewCard annotations={entity.metadata.annotations} variant={variant} consoleUrl={consoleUrl} />;
}

function OverviewCard({
  annotations,
  variant,
  consoleUrl,
}: {
  annotations: Record<string, string> | undefined;
  variant?: ConduktorCardProps['variant'];
  consoleUrl?: string;
}) {
  const api = useApi(conduktorApiRef);
  const { state, refresh } = useOverview(annotations);
  const signInAgain = () => {
    api.signIn().then(refresh, refresh);
  };
  const action = (
    <Tooltip title="Refresh">
      <IconButton aria-label="Refresh" onClick={refresh} disabled={state.status === 'loading'}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );
  const subheader = state.status === 'loaded' ? `Updated ${state.updatedAt.toLocaleTimeString()}` : undefined;

  return (
    <InfoCard
      title="Conduktor"
      subheader={subheader}
      action={action}
      variant={variant}
      deepLink={consoleUrl ? { title: 'Open Conduktor Console', link: consoleUrl } : undefined}
    >
      <div data-testid="conduktor-card">
        {state.status === 'loading' && <Progress />}
        {state.status === 'failed' && <ConduktorErrorPanel error={state.error} onRetry={refresh} onSignIn={signInAgain} />}
        {state.status === 'loaded' && <OverviewView overview={state.overview} />}
      </div>
    </InfoCard>
  );
}
