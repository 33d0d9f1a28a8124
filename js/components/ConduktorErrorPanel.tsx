import { CodeSnippet, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { errorTitle, isConduktorError, isRetryable, PROXY_CONFIG_SNIPPET } from '../errors.js';

/** One panel per failure kind, each saying what to do next. */
export function ConduktorErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (!isConduktorError(error)) {
    return <ResponseErrorPanel error={error instanceof Error ? error : new Error(String(error))} />;
  }
  return (
    <div data-testid={`conduktor-error-${error.kind}`}>
      <WarningPanel severity="error" title={errorTitle(error)} defaultExpanded>
        <Typography variant="body2" paragraph>
          {error.message}
        </Typography>
        {error.kind === 'proxy-rejected' && (
          <>
            <Typography variant="body2">Add this to your app-config.yaml:</Typography>
            <CodeSnippet language="yaml" text={PROXY_CONFIG_SNIPPET} />
          </>
        )}
        {(isRetryable(error) || error.kind === 'unauthorized') && (
          <Button variant="outlined" size="small" onClick={onRetry}>
            Try again
          </Button>
        )}
      </WarningPanel>
    </div>
  );
}
