import {
  ButtonIcon,
  Flex,
  Skeleton,
  Tooltip,
  TooltipTrigger,
  VisuallyHidden,
} from '@backstage/ui';
import { RiRefreshLine } from '@remixicon/react';

/** Placeholder lines while the overview loads, announced once to screen readers. */
export function LoadingState({ rows }: { rows: number }) {
  return (
    <Flex
      direction="column"
      gap="2"
      data-testid="conduktor-loading"
      role="status"
    >
      <VisuallyHidden>
        Loading what Conduktor shows for this entity…
      </VisuallyHidden>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} width={i % 2 ? '70%' : '100%'} height={20} />
      ))}
    </Flex>
  );
}

/** Asks Console again, bypassing the core's short-lived cache. */
export function RefreshButton({
  onRefresh,
  isPending,
}: {
  onRefresh: () => void;
  isPending: boolean;
}) {
  return (
    <TooltipTrigger>
      <ButtonIcon
        aria-label="Refresh"
        icon={<RiRefreshLine />}
        variant="tertiary"
        size="small"
        onPress={onRefresh}
        isDisabled={isPending}
      />
      <Tooltip>Refresh</Tooltip>
    </TooltipTrigger>
  );
}
