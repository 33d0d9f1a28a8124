import { CodeSnippet, ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  errorTitle,
  explainUnauthorized,
  isConduktorError,
  isRetryable,
  PROXY_CONFIG_SNIPPET,
  type UnauthorizedError,
} from '../errors.js';

/** One panel per failure kind, each saying what to do next. */
export function ConduktorErrorPanel({
  error,
  onRetry,
  onSignIn,
}: {
  error: unknown;
  onRetry: () => void;
  onSignIn: () => void;
}) {
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
        {error.kind === 'unauthorized' && (
          <>
            <ul data-testid="conduktor-unauthorized-reasons">
              {explainUnauthorized((error as UnauthorizedError).tokenReport).map(reason => (
                <li key={reason}>
                  <Typography variant="body2">{reason}</Typography>
                </li>
              ))}
            </ul>
            <Button variant="outlined" size="small" onClick={onSignIn}>
              Sign in again
            </Button>
          </>
        )}
        {isRetryable(error) && (
          <Button variant="outlined" size="small" onClick={onRetry}>
            Try again
          </Button>
        )}
      </WarningPanel>
    </div>
  );
}
