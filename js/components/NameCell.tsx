import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { safeConsoleLink } from '../format.js';

/**
 * A resource name on one line (a link into Conduktor Console when the core gave
 * one), with its cluster and a detail in a caption below.
 */
export function NameCell({
  name,
  cluster,
  detail,
  link,
}: {
  name: string;
  cluster: string;
  detail?: string;
  link?: string;
}) {
  return (
    <>
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        <NameLink name={name} link={link} />
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {cluster}
        {detail ? ` · ${detail}` : ''}
      </Typography>
    </>
  );
}

/** The name, linked into Conduktor Console when the link is a plain http(s) URL. */
export function NameLink({ name, link }: { name: string; link?: string }) {
  const href = safeConsoleLink(link);
  return href ? <Link to={href}>{name}</Link> : <>{name}</>;
}
