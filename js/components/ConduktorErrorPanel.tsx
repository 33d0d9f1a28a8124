import { Alert, Button, Flex, Text } from '@backstage/ui';
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
    const message = error instanceof Error ? error.message : String(error);
    return (
      <Alert
        status="danger"
        icon
        data-testid="conduktor-error"
        title="The Conduktor card could not load"
        description={message}
      />
    );
  }
  const actions = (
    <Flex gap="2">
      {error.kind === 'unauthorized' && (
        <Button variant="secondary" size="small" onPress={onSignIn}>
          Sign in again
        </Button>
      )}
      {isRetryable(error) && (
        <Button variant="secondary" size="small" onPress={onRetry}>
          Try again
        </Button>
      )}
    </Flex>
  );
  return (
    <Alert
      status="danger"
      icon
      data-testid={`conduktor-error-${error.kind}`}
      title={errorTitle(error)}
      customActions={actions}
      description={
        <Flex direction="column" gap="2">
          <Text as="p" variant="body-medium">
            {error.message}
          </Text>
          {error.kind === 'proxy-rejected' && (
            <>
              <Text as="p" variant="body-medium">
                Add this to your app-config.yaml:
              </Text>
              <pre
                style={{
                  margin: 0,
                  padding: 'var(--bui-space-2)',
                  overflowX: 'auto',
                  border: '1px solid var(--bui-border-1)',
                  borderRadius: 'var(--bui-radius-2)',
                  fontSize: 'var(--bui-font-size-2)',
                }}
              >
                <code>{PROXY_CONFIG_SNIPPET}</code>
              </pre>
            </>
          )}
          {error.kind === 'unauthorized' && (
            <ul
              data-testid="conduktor-unauthorized-reasons"
              style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}
            >
              {explainUnauthorized(
                (error as UnauthorizedError).tokenReport,
              ).map(reason => (
                <li key={reason}>
                  <Text as="span" variant="body-medium">
                    {reason}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Flex>
      }
    />
  );
}
