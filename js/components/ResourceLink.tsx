import { Link, Text } from '@backstage/ui';
import { safeConsoleLink } from '../format.js';

/**
 * A resource's name, linked into Conduktor Console (in a new tab) when the core gave
 * a link and it is a plain http(s) URL; otherwise the name as text.
 */
export function ResourceLink({ name, link }: { name: string; link?: string }) {
  const href = safeConsoleLink(link);
  if (!href)
    return (
      <Text as="span" variant="body-medium">
        {name}
      </Text>
    );
  return (
    <Link
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      variant="body-medium"
      aria-label={`${name} (opens Conduktor Console in a new tab)`}
    >
      {name}
    </Link>
  );
}
