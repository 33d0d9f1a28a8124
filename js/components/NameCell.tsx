import Typography from '@material-ui/core/Typography';

/** A resource name on one line, with its cluster and a detail in a caption below. */
export function NameCell({ name, cluster, detail }: { name: string; cluster: string; detail?: string }) {
  return (
    <>
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        {name}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {cluster}
        {detail ? ` · ${detail}` : ''}
      </Typography>
    </>
  );
}
