//! Console's answers to the card's questions: sends the requests of `request`
//! through a `Transport` (the wasm crate's fetch, or a test's canned answers),
//! shares and caches them (`cache`), decodes the bodies (`decode`, `wire`) into view
//! models, and scrubs the token from every error on the way out.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::answers::{Answer, Listing, Paging};
use crate::bounded::{run_all, Task};
use crate::cache::{self, Key};
use crate::classify;
use crate::credentials::Token;
use crate::decode::{self, Dropped};
use crate::endpoint::Endpoint;
use crate::error::{CoreError, ErrorKind};
use crate::links::ConsoleLinks;
use crate::options::Options;
use crate::plan::{Fetch, TopicQuery};
use crate::request::{self, HttpRequest, Search, SearchFilter};
use crate::view::{Application, ApplicationInstance, ConsumerGroup, KafkaCluster, ListInfo, Problem, Topic};
use crate::wire;

/// Sends one request. The wasm crate's implementation is the browser's fetch.
// Single-threaded by design (wasm32 has one thread), so no `Send` bound is needed.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// The body of a 2xx answer; any other answer is a `CoreError` (see `classify`).
    async fn send(&self, request: &HttpRequest) -> Result<String, CoreError>;
    /// Milliseconds since the epoch, for the answer cache.
    fn now(&self) -> f64;
    /// True once the caller's abort signal fired: no answer, not even a cached one.
    fn cancelled(&self) -> bool;
}

/// Everything a call needs, validated before any request is sent.
pub struct Client<T> {
    transport: T,
    token: Token,
    endpoint: Endpoint,
    options: Options,
    links: Option<ConsoleLinks>,
}

/// A list written as the JSON text of its view models, and what is known about it.
#[derive(Debug)]
pub struct ListJson {
    pub items: String,
    pub info: ListInfo,
}

/// Where a search's items go, one at a time; `Err(why)` drops an item.
pub trait SearchItems {
    fn item(&mut self, raw: &RawValue) -> Result<(), String>;

    /// Called once the further pages have all arrived, before they are read: `read`
    /// bytes of pages are behind, `coming` still to read. Room for the rest can be
    /// made in one step here rather than by doubling (which holds the old and the new
    /// buffer at once).
    fn expect(&mut self, _read: usize, _coming: usize) {}
}

impl<F: FnMut(&RawValue) -> Result<(), String>> SearchItems for F {
    fn item(&mut self, raw: &RawValue) -> Result<(), String> {
        self(raw)
    }
}

impl<T: Transport> Client<T> {
    pub fn new(transport: T, token: Token, endpoint: Endpoint, options: Options) -> Client<T> {
        let links = options.console.as_ref().map(ConsoleLinks::new);
        Client { transport, token, endpoint, options, links }
    }

    /// The transport (a test's canned answers keep what was sent).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Console UI links, when the caller gave `consoleUrl`.
    pub fn links(&self) -> Option<&ConsoleLinks> {
        self.links.as_ref()
    }

    /// Removes the token from an error a server's text went into.
    pub fn redact(&self, error: CoreError) -> CoreError {
        self.token.redact(error)
    }

    /// One request: shared with an identical one in flight, answered from the cache
    /// while fresh (`cacheTtlMs`), its failure scrubbed of the token.
    pub async fn fetch(&self, request: &HttpRequest) -> Result<String, CoreError> {
        if self.transport.cancelled() {
            return Err(CoreError::new(ErrorKind::Aborted, "the request was cancelled before it was sent"));
        }
        let key = Key::new(self.token.fingerprint(), request);
        let options = &self.options;
        let now = || self.transport.now();
        let body = cache::shared(key, options.cache_ttl_ms, options.refresh, now, || self.transport.send(request))
            .await
            .map_err(|e| self.redact(e))?;
        match classify::web_page_instead_of_api(&body) {
            Some(error) => Err(error),
            None => Ok(body),
        }
    }

    /// Items dropped from a list, their reasons scrubbed of the token (a reason may
    /// quote a value of the item).
    fn scrubbed(&self, mut dropped: Vec<Dropped>) -> Vec<Dropped> {
        dropped.iter_mut().for_each(|d| self.token.scrub(&mut d.why));
        dropped
    }

    fn problems(&self, dropped: Vec<Dropped>, what: &str, cluster: Option<&str>) -> Vec<Problem> {
        self.scrubbed(dropped).iter().map(|d| Problem::from_dropped(d, what, cluster)).collect()
    }

    /// Streams a list answer into the JSON text of its view models: the list never
    /// exists as structs, so memory stays near the body plus the output.
    async fn list_json(
        &self,
        request: &HttpRequest,
        what: &str,
        cluster: Option<&str>,
        write: &mut dyn FnMut(&RawValue, &mut JsonList) -> Result<(), String>,
    ) -> Result<ListJson, CoreError> {
        let body = self.fetch(request).await?;
        // The view models are smaller than Console's resources: one allocation, no regrowth.
        let mut out = JsonList::with_capacity(body.len());
        let dropped = decode::each_item(&body, what, &mut |raw| write(raw, &mut out)).map_err(|e| self.redact(e))?;
        let problems = self.problems(dropped, what, cluster);
        Ok(ListJson { items: out.finish(), info: ListInfo { truncated: false, total_elements: None, problems } })
    }

    /// `fetchClusters`.
    pub async fn clusters_json(&self) -> Result<ListJson, CoreError> {
        self.list_json(&request::clusters(&self.endpoint), "the cluster list", None, &mut |raw, out| {
            let mut cluster = KafkaCluster::from(decode::item::<wire::cluster::KafkaCluster>(raw)?);
            if let Some(links) = self.links() {
                links.add_to_cluster(&mut cluster);
            }
            out.push(&cluster);
            Ok(())
        })
        .await
    }

    /// `fetchTopics`: Console's v2 list (no metrics).
    pub async fn topics_json(&self, cluster: &str) -> Result<ListJson, CoreError> {
        let request = request::topics(&self.endpoint, cluster);
        self.list_json(&request, "the topic list", Some(cluster), &mut |raw, out| {
            let mut topic = Topic::from_resource(decode::item(raw)?, cluster);
            if let Some(links) = self.links() {
                links.add_to_topic(&mut topic);
            }
            out.push(&topic);
            Ok(())
        })
        .await
    }

    /// `fetchApplicationInstances`.
    pub async fn instances_json(&self, application: &str) -> Result<ListJson, CoreError> {
        let request = request::instances(&self.endpoint, application);
        self.list_json(&request, "the application instances", None, &mut |raw, out| {
            out.push(&ApplicationInstance::from(decode::item::<wire::application::ApplicationInstance>(raw)?));
            Ok(())
        })
        .await
    }

    /// `fetchConsumerGroups`: every page up to `maxPages`, written page by page.
    pub async fn consumer_groups_json(&self, cluster: &str) -> Result<ListJson, CoreError> {
        let what = "the consumer-group search";
        let mut groups = GroupsJson { out: JsonList::with_capacity(0), cluster, links: self.links() };
        let search = Search::ConsumerGroups(cluster);
        let paging = self.search(search, &[], self.options.max_pages, what, &mut groups).await?;
        let problems = self.problems(paging.dropped, what, Some(cluster));
        let info = ListInfo { truncated: paging.truncated, total_elements: paging.total_elements, problems };
        Ok(ListJson { items: groups.out.finish(), info })
    }

    /// `fetchApplication`.
    pub async fn application(&self, name: &str) -> Result<Application, CoreError> {
        let mut application = self.application_unlinked(name).await?;
        if let Some(links) = self.links() {
            links.add_to_application(&mut application);
        }
        Ok(application)
    }

    /// A v1 search up to `max_pages`, handing each item to `item` in page order: the
    /// first page, then every further page at once (the first says how many there
    /// are), so a search costs at most two rounds. Not generic, so the paging logic
    /// exists once in the wasm.
    pub async fn search(
        &self,
        search: Search<'_>,
        filters: &[SearchFilter<'_>],
        max_pages: u32,
        what: &str,
        items: &mut dyn SearchItems,
    ) -> Result<Paging, CoreError> {
        let page = |number: u32| request::search(&self.endpoint, search, filters, number, self.options.page_size);
        let first = self.fetch(&page(1)).await?;
        let mut item = |raw: &RawValue| items.item(raw);
        let (info, dropped) = decode::each_page_item(&first, what, &mut item).map_err(|e| self.redact(e))?;
        let read = first.len();
        drop(first);
        let mut paging =
            Paging { total_elements: info.total_elements, truncated: false, dropped: self.scrubbed(dropped) };
        if info.items == 0 || info.total_pages <= 1 {
            return Ok(paging);
        }
        let last = info.total_pages.min(max_pages.max(1));
        paging.truncated = info.total_pages > last;
        let requests: Vec<HttpRequest> = (2..=last).map(page).collect();
        let tasks: Vec<Task<'_, Result<String, CoreError>>> =
            requests.iter().map(|request| Box::pin(self.fetch(request)) as Task<'_, _>).collect();
        let bodies = run_all(tasks).await;
        let coming = bodies.iter().map(|body| body.as_ref().map_or(0, String::len)).sum();
        items.expect(read, coming);
        for (number, body) in (2..).zip(bodies) {
            let mut item = |raw: &RawValue| items.item(raw);
            let (_, mut dropped) = decode::each_page_item(&body?, what, &mut item).map_err(|e| self.redact(e))?;
            // Items are numbered across the whole search, not per page.
            let offset = (number - 1) * self.options.page_size as usize;
            dropped.iter_mut().for_each(|d| d.index += offset);
            paging.dropped.extend(self.scrubbed(dropped));
        }
        Ok(paging)
    }

    /// A whole list answer decoded into view models, for the overview.
    async fn collect<V>(
        &self,
        request: &HttpRequest,
        what: &str,
        convert: &dyn Fn(&RawValue) -> Result<V, String>,
    ) -> Result<Listing<V>, CoreError> {
        let body = self.fetch(request).await?;
        let mut items = Vec::new();
        let dropped = decode::each_item(&body, what, &mut |raw| convert(raw).map(|v| items.push(v)))
            .map_err(|e| self.redact(e))?;
        Ok(Listing { items, total_elements: None, truncated: false, dropped: self.scrubbed(dropped) })
    }

    /// The answer to one question of the overview's plan. (Console links are added
    /// to the joined overview, in one place.)
    pub async fn answer(&self, fetch: &Fetch) -> Result<Answer, CoreError> {
        Ok(match fetch {
            Fetch::Clusters => Answer::Clusters(
                self.collect(&request::clusters(&self.endpoint), "the cluster list", &|raw| {
                    decode::item::<wire::cluster::KafkaCluster>(raw).map(KafkaCluster::from)
                })
                .await?,
            ),
            Fetch::Application(name) => Answer::Application(Box::new(self.application_unlinked(name).await?)),
            Fetch::Instances(application) => Answer::Instances(
                self.collect(&request::instances(&self.endpoint, application), "the application instances", &|raw| {
                    decode::item::<wire::application::ApplicationInstance>(raw).map(ApplicationInstance::from)
                })
                .await?,
            ),
            Fetch::Topics { cluster, query } => {
                let (filter, max_pages) = match query {
                    TopicQuery::Named(name) => (SearchFilter::TopicName { contains: name }, 1),
                    TopicQuery::NameContains(text) => {
                        (SearchFilter::TopicName { contains: text }, self.options.max_pages)
                    }
                    TopicQuery::Label { key, value } => {
                        (SearchFilter::TopicLabel { key, values: [value] }, self.options.max_pages)
                    }
                };
                let mut items = Vec::new();
                let mut keep =
                    |raw: &RawValue| decode::item(raw).map(|wire| items.push(Topic::from_search(wire, cluster)));
                let paging =
                    self.search(Search::Topics(cluster), &[filter], max_pages, "the topic search", &mut keep).await?;
                Answer::Topics(Listing::paged(items, paging))
            }
            Fetch::Topic { cluster, name } => {
                let body = self.fetch(&request::topic(&self.endpoint, cluster, name)).await?;
                let wire = decode::one(&body, "the topic").map_err(|e| self.redact(e))?;
                Answer::Topic(Box::new(Topic::from_resource(wire, cluster)))
            }
            Fetch::Groups { cluster, contains } => {
                let filter = SearchFilter::ConsumerGroupName { contains };
                let mut items = Vec::new();
                let mut keep = |raw: &RawValue| {
                    decode::item(raw).map(|wire| items.push(ConsumerGroup::from_search(wire, cluster)))
                };
                let search = Search::ConsumerGroups(cluster);
                let what = "the consumer-group search";
                let paging = self.search(search, &[filter], self.options.max_pages, what, &mut keep).await?;
                Answer::Groups(Listing::paged(items, paging))
            }
        })
    }

    async fn application_unlinked(&self, name: &str) -> Result<Application, CoreError> {
        let body = self.fetch(&request::application(&self.endpoint, name)).await?;
        let wire =
            decode::one::<wire::application::Application>(&body, "the application").map_err(|e| self.redact(e))?;
        Ok(Application::from(wire))
    }
}

/// `fetchConsumerGroups`' items, written as JSON as they are read.
struct GroupsJson<'c> {
    out: JsonList,
    cluster: &'c str,
    links: Option<&'c ConsoleLinks>,
}

impl SearchItems for GroupsJson<'_> {
    fn item(&mut self, raw: &RawValue) -> Result<(), String> {
        let mut group = ConsumerGroup::from_search(decode::item(raw)?, self.cluster);
        if let Some(links) = self.links {
            links.add_to_group(&mut group);
        }
        self.out.push(&group);
        Ok(())
    }

    fn expect(&mut self, read: usize, coming: usize) {
        self.out.reserve_like(read, coming);
    }
}

/// A JSON array written one view model at a time.
pub struct JsonList {
    out: Vec<u8>,
}

impl JsonList {
    fn with_capacity(capacity: usize) -> JsonList {
        let mut out = Vec::with_capacity(capacity.max(2));
        out.push(b'[');
        JsonList { out }
    }

    fn push(&mut self, item: &impl Serialize) {
        if self.out.len() > 1 {
            self.out.push(b',');
        }
        // Writing plain view models cannot fail.
        if let Ok(json) = serde_json::to_vec(item) {
            self.out.extend_from_slice(&json);
        }
    }

    /// Room for the output of `coming` more body bytes, at the output-to-body ratio
    /// of the `read` bytes written so far (plus an eighth, so an estimate a little
    /// short does not double the buffer).
    fn reserve_like(&mut self, read: usize, coming: usize) {
        if read > 0 {
            let estimate = (coming as f64 * self.out.len() as f64 / read as f64 * 1.125) as usize;
            self.out.reserve(estimate);
        }
    }

    fn finish(mut self) -> String {
        self.out.push(b']');
        // serde_json writes UTF-8 only; the fallback is unreachable.
        String::from_utf8(self.out).unwrap_or_else(|_| "[]".into())
    }
}
