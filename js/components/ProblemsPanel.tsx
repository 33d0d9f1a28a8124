import {
  Accordion,
  AccordionGroup,
  AccordionPanel,
  AccordionTrigger,
  Alert,
  Text,
} from '@backstage/ui';
import type { EntityOverview } from '../api/types.js';
import {
  isNoAccess,
  noAccessSentence,
  problemsByCluster,
  type ProblemNote,
} from '../problems.js';

/** A cluster's accordion key; problems about no cluster get one that no cluster name can be. */
const groupKey = (cluster: string | undefined) =>
  cluster === undefined ? ' none' : `cluster:${cluster}`;

/** The alert's status: the most serious of its notes'. */
function worstSeverity(severities: string[]): 'danger' | 'warning' | 'info' {
  if (severities.includes('danger')) return 'danger';
  if (severities.includes('warning')) return 'warning';
  return 'info';
}

/**
 * What did not load. When Console refused everything the entity names: one
 * sentence naming each cluster and what was asked there. Otherwise the problems by
 * cluster, each cluster collapsible, each sentence said once with the resources it
 * is about.
 */
export function ProblemsPanel({
  overview,
  entityName,
  expanded,
}: {
  overview: EntityOverview;
  entityName: string;
  /** Open every cluster's notes (the tab); the card keeps them collapsed. */
  expanded: boolean;
}) {
  if (isNoAccess(overview)) {
    return (
      <Alert
        status="info"
        icon
        data-testid="conduktor-no-access"
        description={noAccessSentence(entityName, overview.problems)}
      />
    );
  }
  const groups = problemsByCluster(overview.problems, overview.truncations);
  if (groups.length === 0) return null;
  const notes = groups.flatMap(g => g.notes);
  const status = worstSeverity(notes.map(n => n.severity));
  const where = groups.map(g => g.cluster ?? 'other').join(', ');
  return (
    <Alert
      status={status}
      icon
      data-testid="conduktor-problems"
      title={`Not everything could be shown (${where})`}
      description={
        <AccordionGroup
          allowsMultiple
          defaultExpandedKeys={
            expanded ? groups.map(g => groupKey(g.cluster)) : []
          }
        >
          {groups.map(({ cluster, notes: clusterNotes }) => (
            <Accordion key={groupKey(cluster)} id={groupKey(cluster)}>
              <AccordionTrigger
                title={cluster ? `Cluster ${cluster}` : 'Not about one cluster'}
                subtitle={
                  clusterNotes.length === 1
                    ? '1 note'
                    : `${clusterNotes.length} notes`
                }
              />
              <AccordionPanel>
                <ul
                  style={{
                    margin: 0,
                    paddingLeft: 'var(--bui-space-4)',
                    display: 'grid',
                    gap: 'var(--bui-space-2)',
                  }}
                >
                  {clusterNotes.map(note => (
                    <NoteItem
                      key={`${note.severity}:${note.message}`}
                      note={note}
                    />
                  ))}
                </ul>
              </AccordionPanel>
            </Accordion>
          ))}
        </AccordionGroup>
      }
    />
  );
}

function NoteItem({ note }: { note: ProblemNote }) {
  return (
    <li>
      <Text as="span" variant="body-medium">
        {note.resources.length > 0 && (
          <strong>{note.resources.join(', ')}: </strong>
        )}
        {note.message}
      </Text>
    </li>
  );
}
