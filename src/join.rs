//! From the answers to one `EntityOverview`. Pure: unit-tested without a network.
//!
//! Each resource keeps exactly what the annotations asked (a name search returns
//! every name *containing* the text; only exact names or prefixes are kept). A
//! failure, a truncated search or a dropped item is reported once per question,
//! named by cluster and by what was asked in the annotations' own words.

use crate::annotations::{EntityRefs, GroupRef, TopicRef};
use crate::answers::{Answer, Answers, Listing};
use crate::error::{CoreError, ErrorKind};
use crate::plan::{owned_by_label, Fetch, TopicQuery};
use crate::view::{ApplicationOverview, ConsumerGroup, EntityOverview, OwnedResource, Problem, Topic, Truncation};

/// Kinds that say nothing about one resource: the whole overview fails with them.
pub fn is_global(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::Unauthorized
            | ErrorKind::ProxyRejected
            | ErrorKind::Network
            | ErrorKind::Timeout
            | ErrorKind::Aborted
            | ErrorKind::InvalidInput
    )
}

/// Rejects when a failure concerns the whole call, or when nothing at all loaded.
pub fn check_global_failure(answers: &Answers) -> Result<(), CoreError> {
    let errors: Vec<&CoreError> = answers.results().filter_map(|r| r.as_ref().err()).collect();
    if let Some(global) = errors.iter().find(|e| is_global(e.kind)) {
        return Err((*global).clone());
    }
    match errors.first() {
        Some(first) if errors.len() == answers.len() => Err((*first).clone()),
        _ => Ok(()),
    }
}

struct Joiner<'a> {
    answers: &'a Answers,
    overview: EntityOverview,
    /// Questions whose failure, truncation or dropped items are already reported.
    reported: Vec<Fetch>,
}

/// What a search by name keeps of what it found.
type Keep<'k> = &'k dyn Fn(&str) -> bool;

impl<'a> Joiner<'a> {
    /// The answer to `fetch`. The first time, its failure (then `None`), truncation
    /// or dropped items are reported, about `cluster` and `resource`.
    fn answer(&mut self, fetch: &Fetch, cluster: Option<&str>, resource: &str) -> Option<&'a Answer> {
        let result = self.answers.get(fetch)?;
        let first = !self.reported.contains(fetch);
        if first {
            self.reported.push(fetch.clone());
        }
        match result {
            Err(error) => {
                if first {
                    let mut problem = Problem::from_error(error, cluster, Some(resource.to_string()));
                    let self_service = matches!(fetch, Fetch::Application(_) | Fetch::Instances(_));
                    if self_service && error.kind == ErrorKind::LicenseRequired {
                        problem.message = enterprise_needed(error);
                    }
                    self.overview.problems.push(problem);
                }
                None
            }
            Ok(answer) => {
                if first {
                    self.report_listing(fetch, answer, cluster, resource);
                }
                Some(answer)
            }
        }
    }

    fn report_listing(&mut self, fetch: &Fetch, answer: &Answer, cluster: Option<&str>, resource: &str) {
        let (what, truncated, shown, total, dropped) = match answer {
            Answer::Topics(l) => ("the topic search", l.truncated, l.items.len(), l.total_elements, &l.dropped),
            Answer::Groups(l) => {
                ("the consumer-group search", l.truncated, l.items.len(), l.total_elements, &l.dropped)
            }
            Answer::Clusters(l) => ("the cluster list", false, 0, None, &l.dropped),
            Answer::Instances(l) => ("the application instances", false, 0, None, &l.dropped),
            Answer::Application(_) | Answer::Topic(_) => return,
        };
        for dropped in dropped {
            self.overview.problems.push(Problem::from_dropped(dropped, what, cluster));
        }
        // A literal's one-page lookup is not a list the user asked for.
        let lookup = matches!(fetch, Fetch::Topics { query: TopicQuery::Named(_), .. });
        if let (true, false, Some(cluster)) = (truncated, lookup, cluster) {
            self.overview.truncations.push(Truncation {
                cluster: cluster.into(),
                what: resource.into(),
                shown: u32::try_from(shown).unwrap_or(u32::MAX),
                total,
            });
        }
    }

    fn topics_matching(&mut self, cluster: &str, query: TopicQuery, resource: &str, keep: Keep) -> Option<Vec<Topic>> {
        let fetch = Fetch::Topics { cluster: cluster.into(), query };
        let Some(Answer::Topics(listing)) = self.answer(&fetch, Some(cluster), resource) else { return None };
        Some(listing.items.iter().filter(|t| keep(&t.name)).cloned().collect())
    }

    fn groups_matching(
        &mut self,
        cluster: &str,
        contains: &str,
        resource: &str,
        keep: Keep,
    ) -> Option<Vec<ConsumerGroup>> {
        let fetch = Fetch::Groups { cluster: cluster.into(), contains: contains.into() };
        let Some(Answer::Groups(listing)) = self.answer(&fetch, Some(cluster), resource) else { return None };
        Some(listing.items.iter().filter(|g| keep(&g.name)).cloned().collect())
    }

    fn add_topics(&mut self, topics: Vec<Topic>) {
        for topic in topics {
            if !self.overview.topics.iter().any(|t| t.cluster == topic.cluster && t.name == topic.name) {
                self.overview.topics.push(topic);
            }
        }
    }

    fn add_groups(&mut self, groups: Vec<ConsumerGroup>) {
        for group in groups {
            if !self.overview.consumer_groups.iter().any(|g| g.cluster == group.cluster && g.name == group.name) {
                self.overview.consumer_groups.push(group);
            }
        }
    }

    fn not_found(&mut self, cluster: &str, resource: String) {
        self.overview.problems.push(Problem {
            kind: ErrorKind::NotFound,
            status: None,
            message: format!("{resource} was not found on cluster {cluster}, or Conduktor Console does not let you see it; check the entity's conduktor.io annotations or ask your Conduktor administrator for access"),
            cluster: Some(cluster.into()),
            resource: Some(resource),
        });
    }

    /// A literal topic: from its name search (with metrics) when the first page holds
    /// it, else from the GET by name asked beside it. A failed search is the one
    /// report (the GET was refused alike); a GET that finds nothing says not found.
    fn literal_topic(&mut self, cluster: &str, name: &str) {
        let resource = format!("topic {name}");
        let Some(found) = self.topics_matching(cluster, TopicQuery::Named(name.into()), &resource, &|n| n == name)
        else {
            return;
        };
        if !found.is_empty() {
            self.add_topics(found);
            return;
        }
        let by_name = Fetch::Topic { cluster: cluster.into(), name: name.into() };
        match self.answers.get(&by_name) {
            Some(Ok(Answer::Topic(topic))) => self.add_topics(vec![(**topic).clone()]),
            Some(Err(error)) if error.kind != ErrorKind::NotFound => {
                self.answer(&by_name, Some(cluster), &resource);
            }
            _ => self.not_found(cluster, resource),
        }
    }

    fn application(&mut self, name: &str) -> ApplicationOverview {
        let resource = format!("application {name}");
        let application = match self.answer(&Fetch::Application(name.into()), None, &resource) {
            Some(Answer::Application(app)) => Some((**app).clone()),
            _ => None,
        };
        // The instances are read with the same rights: when both fail alike, once is enough.
        let instances_fetch = Fetch::Instances(name.into());
        let same_failure =
            match (self.answers.get(&Fetch::Application(name.into())), self.answers.get(&instances_fetch)) {
                (Some(Err(a)), Some(Err(i))) => a.kind == i.kind && a.status == i.status,
                _ => false,
            };
        if same_failure {
            self.reported.push(instances_fetch.clone());
        }
        let instances = match self.answer(&instances_fetch, None, &format!("instances of application {name}")) {
            Some(Answer::Instances(listing)) => listing.items.clone(),
            _ => Vec::new(),
        };
        for instance in &instances {
            let Some(cluster) = instance.cluster.as_deref() else { continue };
            let label = owned_by_label(cluster, name);
            if let Fetch::Topics { query, .. } = label {
                if let Some(found) =
                    self.topics_matching(cluster, query, &format!("topics of application {name}"), &|_| true)
                {
                    self.add_topics(found);
                }
            }
            for resource in &instance.resources {
                self.owned_resource(cluster, name, &instance.name, resource);
            }
        }
        ApplicationOverview { name: name.into(), application, instances }
    }

    fn owned_resource(&mut self, cluster: &str, application: &str, instance: &str, resource: &OwnedResource) {
        let prefixed = resource.pattern_type == "PREFIXED";
        let name = &resource.name;
        match resource.kind.as_str() {
            "TOPIC" => {
                let what = if prefixed { format!("topics {name}*") } else { format!("topic {name}") };
                let query = TopicQuery::NameContains(name.clone());
                if let Some(mut found) = self.topics_matching(cluster, query, &what, &|n| resource.matches("TOPIC", n))
                {
                    for topic in &mut found {
                        topic.owner_application.get_or_insert_with(|| application.into());
                        topic.owner_instance.get_or_insert_with(|| instance.into());
                    }
                    self.add_topics(found);
                }
            }
            "CONSUMER_GROUP" => {
                let what = if prefixed { format!("consumer groups {name}*") } else { format!("consumer group {name}") };
                if let Some(found) =
                    self.groups_matching(cluster, name, &what, &|n| resource.matches("CONSUMER_GROUP", n))
                {
                    self.add_groups(found);
                }
            }
            _ => {}
        }
    }

    /// All the user may see when nothing is annotated, else the ones referenced.
    fn clusters(&mut self, refs: &EntityRefs) {
        let Some(Answer::Clusters(Listing { items: clusters, .. })) = self.answer(&Fetch::Clusters, None, "clusters")
        else {
            return;
        };
        if !self.overview.annotated {
            self.overview.clusters = clusters.clone();
            return;
        }
        let mut wanted: Vec<&str> = refs.clusters.iter().map(String::as_str).collect();
        let overview = &self.overview;
        let referenced = overview
            .topics
            .iter()
            .map(|t| t.cluster.as_str())
            .chain(overview.consumer_groups.iter().map(|g| g.cluster.as_str()))
            .chain(refs.topics.iter().map(TopicRef::cluster))
            .chain(refs.consumer_groups.iter().map(|g| g.cluster.as_str()))
            .chain(overview.applications.iter().flat_map(|a| a.instances.iter().filter_map(|i| i.cluster.as_deref())));
        for cluster in referenced {
            if !wanted.contains(&cluster) {
                wanted.push(cluster);
            }
        }
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for name in wanted {
            match clusters.iter().find(|c| c.name == name) {
                Some(cluster) => found.push(cluster.clone()),
                None => missing.push(name.to_string()),
            }
        }
        self.overview.clusters = found;
        for name in missing {
            self.overview.problems.push(Problem {
                kind: ErrorKind::NotFound,
                status: None,
                message: format!("cluster {name} does not exist in Conduktor Console, or you may not see it; ask your Conduktor administrator for access"),
                cluster: Some(name.clone()),
                resource: Some(format!("cluster {name}")),
            });
        }
    }
}

/// Console refused a self-service read for licensing (the Free plan from Console 1.43).
fn enterprise_needed(error: &CoreError) -> String {
    let said = error.title.as_deref().map(|title| format!(": Console says \"{title}\"")).unwrap_or_default();
    let status = error.status.map(|s| s.to_string()).unwrap_or_default();
    format!(
        "Self-service applications need Conduktor Enterprise ({status}{said}); the rest of this card is not affected. Ask your Conduktor administrator about the Enterprise plan"
    )
}

/// Assembles the overview from the answers.
pub fn join(refs: &EntityRefs, answers: &Answers) -> EntityOverview {
    let mut j = Joiner { answers, overview: EntityOverview::default(), reported: Vec::new() };
    j.overview.annotated = !refs.is_empty();
    for topic in &refs.topics {
        match topic {
            TopicRef::Literal { cluster, name } => j.literal_topic(cluster, name),
            TopicRef::Prefix { cluster, prefix } => {
                let query = TopicQuery::NameContains(prefix.clone());
                if let Some(found) =
                    j.topics_matching(cluster, query, &topic.describe(), &|n| n.starts_with(prefix.as_str()))
                {
                    j.add_topics(found);
                }
            }
        }
    }
    for GroupRef { cluster, name } in &refs.consumer_groups {
        let resource = format!("consumer group {name}");
        if let Some(found) = j.groups_matching(cluster, name, &resource, &|n| n == name) {
            if found.is_empty() {
                j.not_found(cluster, resource);
            }
            j.add_groups(found);
        }
    }
    for name in &refs.applications {
        let application = j.application(name);
        j.overview.applications.push(application);
    }
    j.clusters(refs);
    j.overview
}
