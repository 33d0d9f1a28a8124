//! Console's answers to the overview's plan, by question, as `client` decoded them;
//! `join` reads them. A list, not a map: an overview asks a few dozen questions.

use crate::decode::Dropped;
use crate::error::CoreError;
use crate::plan::Fetch;
use crate::view::{Application, ApplicationInstance, ConsumerGroup, KafkaCluster, Topic};

/// How a paged search ended.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paging {
    pub total_elements: Option<i64>,
    pub truncated: bool,
    pub dropped: Vec<Dropped>,
}

/// A list that may have stopped before the end (`truncated`), and the items it left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub total_elements: Option<i64>,
    pub truncated: bool,
    pub dropped: Vec<Dropped>,
}

impl<T> Listing<T> {
    pub fn paged(items: Vec<T>, paging: Paging) -> Listing<T> {
        Listing { items, total_elements: paging.total_elements, truncated: paging.truncated, dropped: paging.dropped }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Clusters(Listing<KafkaCluster>),
    Application(Box<Application>),
    Instances(Listing<ApplicationInstance>),
    Topics(Listing<Topic>),
    Topic(Box<Topic>),
    Groups(Listing<ConsumerGroup>),
}

/// Answers by question, in the order they arrived.
#[derive(Debug, Default)]
pub struct Answers(Vec<(Fetch, Result<Answer, CoreError>)>);

impl Answers {
    pub fn get(&self, fetch: &Fetch) -> Option<&Result<Answer, CoreError>> {
        self.0.iter().find(|(f, _)| f == fetch).map(|(_, r)| r)
    }

    pub fn contains(&self, fetch: &Fetch) -> bool {
        self.get(fetch).is_some()
    }

    pub fn insert(&mut self, fetch: Fetch, answer: Result<Answer, CoreError>) {
        self.0.push((fetch, answer));
    }

    pub fn results(&self) -> impl Iterator<Item = &Result<Answer, CoreError>> {
        self.0.iter().map(|(_, r)| r)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(Fetch, Result<Answer, CoreError>)> for Answers {
    fn from_iter<I: IntoIterator<Item = (Fetch, Result<Answer, CoreError>)>>(iter: I) -> Self {
        Answers(iter.into_iter().collect())
    }
}
