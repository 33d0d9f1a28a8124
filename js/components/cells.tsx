import { Cell, CellText, Flex, Text } from '@backstage/ui';
import { safeHexColour } from '../format.js';
import { ResourceLink } from './ResourceLink.js';

/**
 * Shared cells of the tables: a plain value, a resource's name over a caption, a
 * colour swatch. The cell makers are functions, not components: React Aria's table
 * collects its cells by element type, so a column must return Cell or CellText itself.
 */

export function valueCell(value: string) {
  return <CellText title={value} />;
}

type NameProps = { name: string; link?: string; caption?: string };

export function nameCell(props: NameProps) {
  return (
    <Cell>
      <NameWithCaption {...props} />
    </Cell>
  );
}

/** The caption is smaller, not greyer: Backstage UI's secondary text colour falls below AA contrast on dark cards. */
export function NameWithCaption({ name, link, caption }: NameProps) {
  return (
    <Flex direction="column" gap="0.5" style={{ minWidth: 0 }}>
      <ResourceLink name={name} link={link} />
      {caption && (
        <Text as="span" variant="body-small">
          {caption}
        </Text>
      )}
    </Flex>
  );
}

/** A colour dot, decoration only, painted only with a hex colour. */
export function Swatch({ color }: { color?: string }) {
  const hex = safeHexColour(color);
  if (!hex) return null;
  return (
    <span
      aria-hidden="true"
      data-testid="colour-swatch"
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        backgroundColor: hex,
        flexShrink: 0,
      }}
    />
  );
}
