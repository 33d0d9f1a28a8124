import { Flex, Text, VisuallyHidden } from '@backstage/ui';
import {
  RiAlertLine,
  RiCheckboxCircleLine,
  RiErrorWarningLine,
  RiQuestionLine,
} from '@remixicon/react';
import type { LagHealth, LagStatus } from '../lag.js';

// The icon and the words carry the status; the icon's colour only repeats it. The
// words stay in the body colour: Backstage UI's status colours are too light for text.
const ICONS = {
  ok: RiCheckboxCircleLine,
  warning: RiErrorWarningLine,
  error: RiAlertLine,
  unknown: RiQuestionLine,
};
const COLOURS = {
  ok: 'success',
  warning: 'warning',
  error: 'danger',
  unknown: 'secondary',
} as const;
const STATUS_WORDS: Record<LagStatus, string> = {
  ok: 'Healthy',
  warning: 'Warning',
  error: 'Error',
  unknown: 'Unknown',
};

/** A consumer group's lag health: icon and label, the status word spelled out for screen readers. */
export function LagHealthLabel({ health }: { health: LagHealth }) {
  const Icon = ICONS[health.status];
  return (
    <Flex
      align="center"
      gap="1"
      data-lag-status={health.status}
      title={health.description}
    >
      <Icon
        aria-hidden="true"
        size={16}
        style={{
          flexShrink: 0,
          color: `var(--bui-fg-${COLOURS[health.status]})`,
        }}
      />
      <VisuallyHidden>{STATUS_WORDS[health.status]}: </VisuallyHidden>
      <Text as="span" variant="body-medium">
        {health.label}
      </Text>
    </Flex>
  );
}
