import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Problem, Truncation } from '../api/types.js';

/** What did not load beside what did, and lists that stopped early. */
export function ProblemList({ problems, truncations }: { problems: Problem[]; truncations: Truncation[] }) {
  if (problems.length === 0 && truncations.length === 0) return null;
  return (
    <Box data-testid="conduktor-problems" mb={2}>
      {problems.map((problem, index) => (
        <Alert key={`p${index}`} severity={problem.kind === 'forbidden' ? 'info' : 'warning'} style={{ marginBottom: 4 }}>
          <Typography variant="body2">{problem.message}</Typography>
        </Alert>
      ))}
      {truncations.map((t, index) => (
        <Alert key={`t${index}`} severity="info" style={{ marginBottom: 4 }}>
          Showing the first {t.shown}
          {t.total !== undefined ? ` of ${t.total}` : ''} {t.what} on {t.cluster}.
        </Alert>
      ))}
    </Box>
  );
}
