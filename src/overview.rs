//! `fetchEntityOverview`: from an entity's annotations to one view model.
//!
//! Three steps, the first and last pure so they are unit-tested without a network:
//! `plan` turns parsed annotations into a deduplicated list of requests, `execute`
//! runs them with bounded concurrency, and `join` assembles the answers. A failure
//! that concerns one resource (403 on one cluster, an unknown topic) becomes a
//! `Problem` beside the data that did load; a failure that concerns the whole call
//! (the token, the proxy, the network) rejects the overview.

use crate::annotations::{EntityRefs, GroupRef, TopicRef};
use crate::bounded::{run_bounded, Task};
use crate::client::{Call, Listing, SearchFilter};
use crate::error::{CoreError, ErrorKind};
use crate::json::{object, Number, ToJson};
use crate::model::{Application, ApplicationInstance, ConsumerGroup, KafkaCluster, SearchTopic, Topic};

/// Requests in flight at once; browsers allow six connections per host.
pub const MAX_CONCURRENT: usize = 6;

pub const APPLICATION_LABEL: &str = "conduktor.io/application";

/// What a v1 topic search filters on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicQuery {
    /// One topic by exact name: a name search limited to its first page (metrics come
    /// along); when that page does not hold it, a GET by name follows.
    Named(String),
    NameContains(String),
    Label {
        key: String,
        value: String,
    },
}

impl TopicQuery {
    fn filter(&self) -> SearchFilter<'_> {
        match self {
            TopicQuery::Named(text) | TopicQuery::NameContains(text) => SearchFilter::TopicName(text),
            TopicQuery::Label { key, value } => SearchFilter::TopicLabel { key, value },
        }
    }

    fn describe(&self) -> String {
        match self {
            TopicQuery::Named(name) => format!("topic {name}"),
            TopicQuery::NameContains(text) => format!("topics named like \"{text}\""),
            TopicQuery::Label { key, value } => format!("topics labelled {key}={value}"),
        }
    }
}

/// One request of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    Clusters,
    Application(String),
    Instances(String),
    Topics {
        cluster: String,
        query: TopicQuery,
    },
    /// `GET .../topic/{name}`: the fallback for a literal topic its search page missed.
    Topic {
        cluster: String,
        name: String,
    },
    Groups {
        cluster: String,
        contains: String,
    },
}

enum Outcome {
    Clusters(Vec<KafkaCluster>),
    Application(Application),
    Instances(Vec<ApplicationInstance>),
    Topics(Listing<SearchTopic>),
    Topic(Box<Topic>),
    Groups(Listing<ConsumerGroup>),
}

/// Answers by request, in the order they arrived. A list: an overview makes a few
/// dozen requests, and a map would add tree code to the wasm for nothing.
#[derive(Default)]
struct Results(Vec<(Fetch, Result<Outcome, CoreError>)>);

impl Results {
    fn get(&self, fetch: &Fetch) -> Option<&Result<Outcome, CoreError>> {
        self.0.iter().find(|(f, _)| f == fetch).map(|(_, r)| r)
    }

    fn contains_key(&self, fetch: &Fetch) -> bool {
        self.get(fetch).is_some()
    }

    fn values(&self) -> impl Iterator<Item = &Result<Outcome, CoreError>> {
        self.0.iter().map(|(_, r)| r)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
impl Results {
    fn insert(&mut self, fetch: Fetch, result: Result<Outcome, CoreError>) {
        self.0.push((fetch, result));
    }
}

#[cfg(test)]
impl FromIterator<(Fetch, Result<Outcome, CoreError>)> for Results {
    fn from_iter<I: IntoIterator<Item = (Fetch, Result<Outcome, CoreError>)>>(iter: I) -> Self {
        Results(iter.into_iter().collect())
    }
}

/// Adds `fetch` unless the plan already has it.
fn push_new(plan: &mut Vec<Fetch>, fetch: Fetch) {
    if !plan.contains(&fetch) {
        plan.push(fetch);
    }
}

/// The requests that answer what the annotations name (first round). Applications
/// need a second round, planned from their instances by `plan_owned`.
pub fn plan(refs: &EntityRefs) -> Vec<Fetch> {
    let mut fetches = vec![Fetch::Clusters];
    for topic in &refs.topics {
        let (cluster, query) = match topic {
            TopicRef::Literal { cluster, name } => (cluster, TopicQuery::Named(name.clone())),
            TopicRef::Prefix { cluster, prefix } => (cluster, TopicQuery::NameContains(prefix.clone())),
        };
        push_new(&mut fetches, Fetch::Topics { cluster: cluster.clone(), query });
    }
    for GroupRef { cluster, name } in &refs.consumer_groups {
        push_new(&mut fetches, Fetch::Groups { cluster: cluster.clone(), contains: name.clone() });
    }
    for application in &refs.applications {
        push_new(&mut fetches, Fetch::Application(application.clone()));
        push_new(&mut fetches, Fetch::Instances(application.clone()));
    }
    fetches
}

/// The searches for what application instances own: topics carrying Console's
/// ownership label, and topics and consumer groups matching `spec.resources`.
pub fn plan_owned(application: &str, instances: &[ApplicationInstance]) -> Vec<Fetch> {
    let mut fetches = Vec::new();
    for instance in instances {
        let Some(cluster) = &instance.cluster else { continue };
        push_new(
            &mut fetches,
            Fetch::Topics {
                cluster: cluster.clone(),
                query: TopicQuery::Label { key: APPLICATION_LABEL.into(), value: application.into() },
            },
        );
        for resource in &instance.resources {
            match resource.kind.as_str() {
                "TOPIC" => push_new(
                    &mut fetches,
                    Fetch::Topics { cluster: cluster.clone(), query: TopicQuery::NameContains(resource.name.clone()) },
                ),
                "CONSUMER_GROUP" => {
                    push_new(&mut fetches, Fetch::Groups { cluster: cluster.clone(), contains: resource.name.clone() })
                }
                _ => {}
            }
        }
    }
    fetches
}

/// Literal topics whose one-page name search did not hold them while more pages
/// exist (many names contain theirs): read them by name instead.
fn plan_fallbacks(refs: &EntityRefs, results: &Results) -> Vec<Fetch> {
    refs.topics
        .iter()
        .filter_map(|topic| {
            let TopicRef::Literal { cluster, name } = topic else { return None };
            let search = Fetch::Topics { cluster: cluster.clone(), query: TopicQuery::Named(name.clone()) };
            match results.get(&search) {
                Some(Ok(Outcome::Topics(listing)))
                    if listing.truncated && !listing.items.iter().any(|t| &t.name == name) =>
                {
                    Some(Fetch::Topic { cluster: cluster.clone(), name: name.clone() })
                }
                _ => None,
            }
        })
        .collect()
}

async fn run(call: &Call, fetch: &Fetch) -> Result<Outcome, CoreError> {
    Ok(match fetch {
        Fetch::Clusters => Outcome::Clusters(call.clusters().await?),
        Fetch::Application(name) => Outcome::Application(call.application(name).await?),
        Fetch::Instances(application) => Outcome::Instances(call.instances(application).await?),
        Fetch::Topics { cluster, query } => {
            let max_pages = if matches!(query, TopicQuery::Named(_)) { 1 } else { call.options.max_pages };
            Outcome::Topics(call.search_topics(cluster, &[query.filter()], max_pages).await?)
        }
        Fetch::Topic { cluster, name } => Outcome::Topic(Box::new(call.topic(cluster, name).await?)),
        Fetch::Groups { cluster, contains } => {
            Outcome::Groups(call.consumer_groups(cluster, &[SearchFilter::ConsumerGroupName(contains)]).await?)
        }
    })
}

async fn execute(call: &Call, fetches: Vec<Fetch>, results: &mut Results) {
    let pending: Vec<Fetch> = fetches.into_iter().filter(|f| !results.contains_key(f)).collect();
    let tasks: Vec<Task<'_, Result<Outcome, CoreError>>> =
        pending.iter().map(|fetch| Box::pin(run(call, fetch)) as Task<'_, _>).collect();
    let answers = run_bounded(tasks, MAX_CONCURRENT).await;
    results.0.extend(pending.into_iter().zip(answers));
}

/// Kinds that say nothing about one resource: the whole overview fails with them.
fn is_global(kind: ErrorKind) -> bool {
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

/// Plans, executes and joins.
pub async fn fetch_overview(call: &Call, refs: &EntityRefs) -> Result<EntityOverview, CoreError> {
    let mut results = Results::default();
    execute(call, plan(refs), &mut results).await;
    let mut owned = Vec::new();
    for app in &refs.applications {
        if let Some(Ok(Outcome::Instances(instances))) = results.get(&Fetch::Instances(app.clone())) {
            owned.extend(plan_owned(app, instances));
        }
    }
    execute(call, owned, &mut results).await;
    execute(call, plan_fallbacks(refs, &results), &mut results).await;
    check_global_failure(&results)?;
    Ok(join(refs, &results))
}

/// Rejects when a failure concerns the whole call, or when nothing at all loaded.
fn check_global_failure(results: &Results) -> Result<(), CoreError> {
    let errors: Vec<&CoreError> = results.values().filter_map(|r| r.as_ref().err()).collect();
    if let Some(global) = errors.iter().find(|e| is_global(e.kind)) {
        return Err((*global).clone());
    }
    if !results.is_empty() && errors.len() == results.len() {
        return Err(errors[0].clone());
    }
    Ok(())
}

/// A failure about one resource, shown beside the data that loaded.
#[derive(Debug, PartialEq, Clone)]
pub struct Problem {
    pub kind: &'static str,
    pub status: Option<u16>,
    pub message: String,
    pub cluster: Option<String>,
    /// The annotation entry or resource the problem is about.
    pub resource: Option<String>,
}

/// "Showing the first N of M": a search stopped at `maxPages`.
#[derive(Debug, PartialEq, Clone)]
pub struct Truncation {
    pub cluster: String,
    pub what: String,
    pub shown: usize,
    pub total: Option<Number>,
}

#[derive(Debug, PartialEq, Clone)]
pub struct ApplicationOverview {
    pub name: String,
    /// Null when it could not be read (see `problems`).
    pub application: Option<Application>,
    pub instances: Vec<ApplicationInstance>,
}

/// Everything the card shows for one entity.
#[derive(Debug, PartialEq, Clone, Default)]
pub struct EntityOverview {
    /// False when the entity has no Conduktor annotation: `clusters` then lists
    /// every cluster the user may see.
    pub annotated: bool,
    pub clusters: Vec<KafkaCluster>,
    pub topics: Vec<Topic>,
    pub consumer_groups: Vec<ConsumerGroup>,
    pub applications: Vec<ApplicationOverview>,
    pub problems: Vec<Problem>,
    pub truncations: Vec<Truncation>,
}

impl ToJson for Problem {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("kind", &self.kind),
                ("status", &self.status),
                ("message", &self.message),
                ("cluster", &self.cluster),
                ("resource", &self.resource),
            ],
        );
    }
}

impl ToJson for Truncation {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[("cluster", &self.cluster), ("what", &self.what), ("shown", &self.shown), ("total", &self.total)],
        );
    }
}

impl ToJson for ApplicationOverview {
    fn write_json(&self, out: &mut String) {
        object(out, &[("name", &self.name), ("application", &self.application), ("instances", &self.instances)]);
    }
}

impl ToJson for EntityOverview {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("annotated", &self.annotated),
                ("clusters", &self.clusters),
                ("topics", &self.topics),
                ("consumerGroups", &self.consumer_groups),
                ("applications", &self.applications),
                ("problems", &self.problems),
                ("truncations", &self.truncations),
            ],
        );
    }
}

fn problem(error: &CoreError, cluster: Option<&str>, resource: Option<String>) -> Problem {
    Problem {
        kind: error.kind.as_str(),
        status: error.status,
        message: error.message.clone(),
        cluster: cluster.map(String::from),
        resource,
    }
}

struct Joiner<'a> {
    results: &'a Results,
    overview: EntityOverview,
    /// Requests whose failure or truncation is already in the overview.
    reported: Vec<Fetch>,
}

impl<'a> Joiner<'a> {
    /// True the first time a request is reported.
    fn report_once(&mut self, fetch: &Fetch) -> bool {
        let first = !self.reported.contains(fetch);
        if first {
            self.reported.push(fetch.clone());
        }
        first
    }

    /// The search's answer, or `None` after recording its failure once.
    fn answer(&mut self, fetch: &Fetch, cluster: Option<&str>) -> Option<&'a Outcome> {
        match self.results.get(fetch)? {
            Ok(outcome) => Some(outcome),
            Err(error) => {
                if self.report_once(fetch) {
                    let resource = match fetch {
                        Fetch::Topics { query, .. } => Some(query.describe()),
                        Fetch::Topic { name, .. } => Some(format!("topic {name}")),
                        Fetch::Groups { contains, .. } => Some(format!("consumer groups named like \"{contains}\"")),
                        Fetch::Application(name) | Fetch::Instances(name) => Some(format!("application {name}")),
                        Fetch::Clusters => None,
                    };
                    self.overview.problems.push(problem(error, cluster, resource));
                }
                None
            }
        }
    }

    fn topics_matching(&mut self, cluster: &str, query: TopicQuery, keep: &dyn Fn(&str) -> bool) -> Option<Vec<Topic>> {
        let fetch = Fetch::Topics { cluster: cluster.into(), query: query.clone() };
        let Some(Outcome::Topics(listing)) = self.answer(&fetch, Some(cluster)) else { return None };
        let (truncated, total, shown) = (listing.truncated, listing.total_elements.clone(), listing.items.len());
        let topics: Vec<Topic> =
            listing.items.iter().filter(|t| keep(&t.name)).map(|t| t.clone().into_topic(cluster)).collect();
        if truncated && !matches!(query, TopicQuery::Named(_)) && self.report_once(&fetch) {
            self.overview.truncations.push(Truncation {
                cluster: cluster.into(),
                what: query.describe(),
                shown,
                total,
            });
        }
        Some(topics)
    }

    fn groups_matching(
        &mut self,
        cluster: &str,
        contains: &str,
        keep: &dyn Fn(&str) -> bool,
    ) -> Option<Vec<ConsumerGroup>> {
        let fetch = Fetch::Groups { cluster: cluster.into(), contains: contains.into() };
        let Some(Outcome::Groups(listing)) = self.answer(&fetch, Some(cluster)) else { return None };
        let groups: Vec<ConsumerGroup> = listing.items.iter().filter(|g| keep(&g.name)).cloned().collect();
        if listing.truncated && self.report_once(&fetch) {
            self.overview.truncations.push(Truncation {
                cluster: cluster.into(),
                what: format!("consumer groups named like \"{contains}\""),
                shown: listing.items.len(),
                total: listing.total_elements.clone(),
            });
        }
        Some(groups)
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

    fn not_found(&mut self, cluster: &str, what: String) {
        self.overview.problems.push(Problem {
            kind: ErrorKind::NotFound.as_str(),
            status: None,
            message: format!("{what} was not found on cluster {cluster}, or Conduktor Console does not let you see it; check the entity's conduktor.io annotations or ask your Conduktor administrator for access"),
            cluster: Some(cluster.into()),
            resource: Some(what),
        });
    }
}

/// Assembles the overview from the answers. Pure.
fn join(refs: &EntityRefs, results: &Results) -> EntityOverview {
    let mut j = Joiner { results, overview: EntityOverview::default(), reported: Vec::new() };
    j.overview.annotated = !refs.is_empty();

    for topic in &refs.topics {
        match topic {
            TopicRef::Literal { cluster, name } => {
                let by_name = Fetch::Topic { cluster: cluster.clone(), name: name.clone() };
                if let Some(found) = j.topics_matching(cluster, TopicQuery::Named(name.clone()), &|n| n == name) {
                    if !found.is_empty() {
                        j.add_topics(found);
                    } else if !results.contains_key(&by_name) {
                        j.not_found(cluster, format!("topic {name}"));
                    } else if let Some(Outcome::Topic(topic)) = j.answer(&by_name, Some(cluster)) {
                        j.add_topics(vec![(**topic).clone()]);
                    }
                }
            }
            TopicRef::Prefix { cluster, prefix } => {
                if let Some(found) = j.topics_matching(cluster, TopicQuery::NameContains(prefix.clone()), &|n| {
                    n.starts_with(prefix.as_str())
                }) {
                    j.add_topics(found);
                }
            }
        }
    }
    for GroupRef { cluster, name } in &refs.consumer_groups {
        if let Some(found) = j.groups_matching(cluster, name, &|n| n == name) {
            if found.is_empty() {
                j.not_found(cluster, format!("consumer group {name}"));
            }
            j.add_groups(found);
        }
    }
    for name in &refs.applications {
        let application = match j.answer(&Fetch::Application(name.clone()), None) {
            Some(Outcome::Application(app)) => Some(app.clone()),
            _ => None,
        };
        let instances = match j.answer(&Fetch::Instances(name.clone()), None) {
            Some(Outcome::Instances(instances)) => instances.clone(),
            _ => Vec::new(),
        };
        for instance in &instances {
            let Some(cluster) = instance.cluster.as_deref() else { continue };
            let label = TopicQuery::Label { key: APPLICATION_LABEL.into(), value: name.clone() };
            if let Some(found) = j.topics_matching(cluster, label, &|_| true) {
                j.add_topics(found);
            }
            for resource in &instance.resources {
                let query = TopicQuery::NameContains(resource.name.clone());
                match resource.kind.as_str() {
                    "TOPIC" => {
                        if let Some(mut found) = j.topics_matching(cluster, query, &|n| resource.matches("TOPIC", n)) {
                            for topic in &mut found {
                                topic.owner_application.get_or_insert_with(|| name.clone());
                                topic.owner_instance.get_or_insert_with(|| instance.name.clone());
                            }
                            j.add_topics(found);
                        }
                    }
                    "CONSUMER_GROUP" => {
                        if let Some(found) =
                            j.groups_matching(cluster, &resource.name, &|n| resource.matches("CONSUMER_GROUP", n))
                        {
                            j.add_groups(found);
                        }
                    }
                    _ => {}
                }
            }
        }
        j.overview.applications.push(ApplicationOverview { name: name.clone(), application, instances });
    }

    // Clusters: all the user may see when nothing is annotated, else the ones referenced.
    if let Some(Outcome::Clusters(clusters)) = j.answer(&Fetch::Clusters, None) {
        let clusters = clusters.clone();
        let mut wanted: Vec<String> = refs.clusters.clone();
        let referenced = j
            .overview
            .topics
            .iter()
            .map(|t| t.cluster.clone())
            .chain(j.overview.consumer_groups.iter().map(|g| g.cluster.clone()))
            .chain(refs.topics.iter().map(|t| t.cluster().to_string()))
            .chain(refs.consumer_groups.iter().map(|g| g.cluster.clone()))
            .chain(j.overview.applications.iter().flat_map(|a| a.instances.iter().filter_map(|i| i.cluster.clone())));
        for cluster in referenced {
            if !wanted.contains(&cluster) {
                wanted.push(cluster);
            }
        }
        if j.overview.annotated {
            for name in &wanted {
                match clusters.iter().find(|c| &c.name == name) {
                    Some(cluster) => j.overview.clusters.push(cluster.clone()),
                    None => j.overview.problems.push(Problem {
                        kind: ErrorKind::NotFound.as_str(),
                        status: None,
                        message: format!("cluster {name} does not exist in Conduktor Console, or you may not see it; ask your Conduktor administrator for access"),
                        cluster: Some(name.clone()),
                        resource: Some(format!("cluster {name}")),
                    }),
                }
            }
        } else {
            j.overview.clusters = clusters;
        }
    }
    j.overview
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations;
    use crate::model;

    fn refs(pairs: &[(&str, &str)]) -> EntityRefs {
        annotations::parse(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>()).unwrap()
    }

    fn search(names: &[&str]) -> Outcome {
        let items = names
            .iter()
            .map(|n| {
                let text = format!(r#"{{"type":"IndexedTopic","name":"{n}","recordCount":5}}"#);
                SearchTopic::decode(&crate::json::parse(&text).unwrap()).unwrap()
            })
            .collect();
        Outcome::Topics(Listing { items, total_elements: Some(Number::from_u64(names.len() as u64)), truncated: false })
    }

    fn clusters(names: &[&str]) -> Outcome {
        let items: Vec<String> = names
            .iter()
            .map(|n| {
                format!(r#"{{"metadata":{{"name":"{n}"}},"spec":{{"displayName":"{n}","bootstrapServers":"b:9092"}}}}"#)
            })
            .collect();
        let body = format!("[{}]", items.join(","));
        Outcome::Clusters(model::decode_clusters(&body).unwrap())
    }

    fn topic_fetch(cluster: &str, text: &str) -> Fetch {
        Fetch::Topics { cluster: cluster.into(), query: TopicQuery::NameContains(text.into()) }
    }

    fn named_fetch(cluster: &str, name: &str) -> Fetch {
        Fetch::Topics { cluster: cluster.into(), query: TopicQuery::Named(name.into()) }
    }

    #[test]
    fn plans_one_request_per_distinct_question() {
        let plan = plan(&refs(&[
            ("conduktor.io/topics", "prod/orders, prod/orders, prod/click.*"),
            ("conduktor.io/consumer-groups", "prod/g1"),
            ("kafka.apache.org/consumer-groups", "prod/g1"),
            ("conduktor.io/application", "payments"),
        ]));
        assert_eq!(
            plan,
            vec![
                Fetch::Clusters,
                named_fetch("prod", "orders"),
                topic_fetch("prod", "click."),
                Fetch::Groups { cluster: "prod".into(), contains: "g1".into() },
                Fetch::Application("payments".into()),
                Fetch::Instances("payments".into()),
            ]
        );
    }

    #[test]
    fn plans_owned_resources_from_instances() {
        let instances = model::decode_instances(
            r#"[{"metadata":{"name":"i1"},"spec":{"cluster":"prod","resources":[
                 {"type":"TOPIC","name":"pay.","patternType":"PREFIXED"},{"type":"CONSUMER_GROUP","name":"pay-","patternType":"PREFIXED"},
                 {"type":"SUBJECT","name":"x","patternType":"LITERAL"}]}},
                {"metadata":{"name":"i2"},"spec":{"cluster":null}}]"#,
        )
        .unwrap();
        let plan = plan_owned("payments", &instances);
        assert_eq!(plan.len(), 3, "{plan:?}");
        assert!(plan.contains(&Fetch::Topics {
            cluster: "prod".into(),
            query: TopicQuery::Label { key: APPLICATION_LABEL.into(), value: "payments".into() }
        }));
    }

    #[test]
    fn joins_exact_matches_and_reports_partial_failures() {
        let refs = refs(&[("conduktor.io/topics", "prod/orders, prod/click.*, prod/missing, secret/x")]);
        let forbidden = CoreError::new(ErrorKind::Forbidden, "no").with_status(403);
        let results: Results = [
            (Fetch::Clusters, Ok(clusters(&["prod"]))),
            (named_fetch("prod", "orders"), Ok(search(&["orders", "orders-dlq"]))),
            (topic_fetch("prod", "click."), Ok(search(&["click.views", "xclick.y"]))),
            (named_fetch("prod", "missing"), Ok(search(&[]))),
            (named_fetch("secret", "x"), Err(forbidden)),
        ]
        .into_iter()
        .collect();
        assert!(check_global_failure(&results).is_ok());
        let overview = join(&refs, &results);
        let names: Vec<&str> = overview.topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["orders", "click.views"]);
        assert_eq!(overview.clusters.len(), 1);
        let kinds: Vec<(&str, Option<&str>)> =
            overview.problems.iter().map(|p| (p.kind, p.cluster.as_deref())).collect();
        assert_eq!(
            kinds,
            vec![("not-found", Some("prod")), ("forbidden", Some("secret")), ("not-found", Some("secret"))],
            "{:?}",
            overview.problems
        );
    }

    #[test]
    fn a_literal_its_search_page_missed_is_read_by_name() {
        let refs = refs(&[("conduktor.io/topics", "prod/orders, prod/gone")]);
        let mut crowded = search(&["a.orders", "b.orders"]);
        if let Outcome::Topics(listing) = &mut crowded {
            listing.truncated = true;
        }
        let mut crowded_too = search(&["a.gone"]);
        if let Outcome::Topics(listing) = &mut crowded_too {
            listing.truncated = true;
        }
        let mut results: Results = [
            (Fetch::Clusters, Ok(clusters(&["prod"]))),
            (named_fetch("prod", "orders"), Ok(crowded)),
            (named_fetch("prod", "gone"), Ok(crowded_too)),
        ]
        .into_iter()
        .collect();
        let fallbacks = plan_fallbacks(&refs, &results);
        assert_eq!(
            fallbacks,
            vec![
                Fetch::Topic { cluster: "prod".into(), name: "orders".into() },
                Fetch::Topic { cluster: "prod".into(), name: "gone".into() }
            ]
        );
        let orders =
            model::decode_topics(r#"[{"metadata":{"name":"orders"},"spec":{"partitions":3}}]"#, "prod").unwrap();
        results.insert(fallbacks[0].clone(), Ok(Outcome::Topic(Box::new(orders[0].clone()))));
        results.insert(fallbacks[1].clone(), Err(CoreError::new(ErrorKind::NotFound, "404").with_status(404)));
        let overview = join(&refs, &results);
        assert_eq!(overview.topics.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["orders"]);
        assert_eq!(overview.problems.len(), 1);
        assert_eq!(
            (overview.problems[0].kind, overview.problems[0].resource.as_deref()),
            ("not-found", Some("topic gone"))
        );
        assert!(overview.truncations.is_empty(), "a literal's one-page search is not a truncated list");
    }

    #[test]
    fn global_failures_reject_the_overview() {
        let unauthorized = CoreError::new(ErrorKind::Unauthorized, "401").with_status(401);
        let results: Results =
            [(Fetch::Clusters, Ok(clusters(&["prod"]))), (topic_fetch("prod", "a"), Err(unauthorized))]
                .into_iter()
                .collect();
        assert_eq!(check_global_failure(&results).unwrap_err().kind, ErrorKind::Unauthorized);
        let all_forbidden: Results =
            [(Fetch::Clusters, Err(CoreError::new(ErrorKind::Forbidden, "no")))].into_iter().collect();
        assert_eq!(check_global_failure(&all_forbidden).unwrap_err().kind, ErrorKind::Forbidden);
    }

    #[test]
    fn no_annotation_lists_every_visible_cluster() {
        let results: Results = [(Fetch::Clusters, Ok(clusters(&["a", "b"])))].into_iter().collect();
        let overview = join(&EntityRefs::default(), &results);
        assert!(!overview.annotated);
        assert_eq!(overview.clusters.len(), 2);
    }

    #[test]
    fn truncated_searches_are_reported_once() {
        let refs = refs(&[("conduktor.io/topics", "prod/a*")]);
        let mut listing = search(&["a1", "a2"]);
        if let Outcome::Topics(l) = &mut listing {
            l.truncated = true;
            l.total_elements = Some(Number::from_u64(5000));
        }
        let results: Results =
            [(Fetch::Clusters, Ok(clusters(&["prod"]))), (topic_fetch("prod", "a"), Ok(listing))].into_iter().collect();
        let overview = join(&refs, &results);
        assert_eq!(
            overview.truncations,
            vec![Truncation {
                cluster: "prod".into(),
                what: "topics named like \"a\"".into(),
                shown: 2,
                total: Some(Number::from_u64(5000))
            }]
        );
    }
}
