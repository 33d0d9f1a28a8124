//! Console's answers to the card's questions: sends the requests of `request`
//! through a `Transport` (the wasm crate's fetch, or a test's canned answers),
//! shares and caches them (`cache`), decodes the bodies (`decode`, `wire`) into view
//! models, and scrubs the token from every error on the way out.

use std::cell::RefCell;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::answers::{Answer, Listing, Paging};
use crate::bounded::{run_all, Task};
use crate::cache::{self, Key};
use crate::classify;
use crate::credentials::Token;
use crate::decode::{self, Dropped, PageInfo};
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

/// Item callback of a paged search, with the page the item is on (pages are decoded
/// in the order they arrive); it returns `Err(why)` to drop the item.
type OnPageItem<'f> = &'f dyn Fn(u32, &RawValue) -> Result<(), String>;

/// One page of a search read: what it says, and the items it left out.
type PageRead = Result<(PageInfo, Vec<Dropped>), CoreError>;

/// What a paged search keeps, page by page, so pages can arrive in any order.
struct Pages<T>(RefCell<Vec<Vec<T>>>);

impl<T> Pages<T> {
    fn new() -> Self {
        Pages(RefCell::new(Vec::new()))
    }

    /// Keeps `value` on its page. (Decoding a page never awaits, so no borrow is held
    /// across pages.)
    fn keep(&self, page: u32, value: T) {
        let mut pages = self.0.borrow_mut();
        let index = page as usize - 1;
        if pages.len() <= index {
            pages.resize_with(index + 1, Vec::new);
        }
        if let Some(slot) = pages.get_mut(index) {
            slot.push(value);
        }
    }

    /// Everything kept, in page order.
    fn into_items(self) -> Vec<T> {
        self.0.into_inner().into_iter().flatten().collect()
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

    /// `fetchConsumerGroups`: every page up to `maxPages`, each page written as it arrives.
    pub async fn consumer_groups_json(&self, cluster: &str) -> Result<ListJson, CoreError> {
        let what = "the consumer-group search";
        let pages = RefCell::new(Vec::<JsonList>::new());
        let write = |page: u32, raw: &RawValue| {
            let mut group = ConsumerGroup::from_search(decode::item(raw)?, cluster);
            if let Some(links) = self.links() {
                links.add_to_group(&mut group);
            }
            // Decoding a page never awaits, so this borrow never spans two pages.
            let mut pages = pages.borrow_mut();
            let index = page as usize - 1;
            if pages.len() <= index {
                pages.resize_with(index + 1, || JsonList::with_capacity(0));
            }
            if let Some(list) = pages.get_mut(index) {
                list.push(&group);
            }
            Ok(())
        };
        let search = Search::ConsumerGroups(cluster);
        let paging = self.search(search, &[], self.options.max_pages, what, &write).await?;
        let problems = self.problems(paging.dropped, what, Some(cluster));
        let info = ListInfo { truncated: paging.truncated, total_elements: paging.total_elements, problems };
        Ok(ListJson { items: JsonList::concat(pages.into_inner()), info })
    }

    /// `fetchApplication`.
    pub async fn application(&self, name: &str) -> Result<Application, CoreError> {
        let mut application = self.application_unlinked(name).await?;
        if let Some(links) = self.links() {
            links.add_to_application(&mut application);
        }
        Ok(application)
    }

    /// A v1 search up to `max_pages`: the first page, then every further page at once
    /// (the first says how many there are), so a search costs at most two rounds. Each
    /// page is decoded as soon as it arrives, its items handed to `item` with the page's
    /// number (1-based), and its body freed: memory holds one body at a time, not all.
    /// Not generic, so the paging logic exists once in the wasm.
    pub async fn search(
        &self,
        search: Search<'_>,
        filters: &[SearchFilter<'_>],
        max_pages: u32,
        what: &str,
        item: OnPageItem<'_>,
    ) -> Result<Paging, CoreError> {
        let page_size = self.options.page_size;
        let request = |number: u32| request::search(&self.endpoint, search, filters, number, page_size);
        let read = |number: u32, request: HttpRequest| async move {
            let body = self.fetch(&request).await?;
            let (info, mut dropped) =
                decode::each_page_item(&body, what, &mut |raw| item(number, raw)).map_err(|e| self.redact(e))?;
            // Items are numbered across the whole search, not per page.
            let offset = (number as usize - 1) * page_size as usize;
            dropped.iter_mut().for_each(|d| d.index += offset);
            Ok::<_, CoreError>((info, self.scrubbed(dropped)))
        };
        let (info, dropped) = read(1, request(1)).await?;
        let mut paging = Paging { total_elements: info.total_elements, truncated: false, dropped };
        if info.items == 0 || info.total_pages <= 1 {
            return Ok(paging);
        }
        let last = info.total_pages.min(max_pages.max(1));
        paging.truncated = info.total_pages > last;
        let tasks: Vec<Task<'_, PageRead>> =
            (2..=last).map(|number| Box::pin(read(number, request(number))) as Task<'_, _>).collect();
        for result in run_all(tasks).await {
            paging.dropped.extend(result?.1);
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
                let pages = Pages::new();
                let keep = |page, raw: &RawValue| {
                    decode::item(raw).map(|wire| pages.keep(page, Topic::from_search(wire, cluster)))
                };
                let what = "the topic search";
                let paging = self.search(Search::Topics(cluster), &[filter], max_pages, what, &keep).await?;
                Answer::Topics(Listing::paged(pages.into_items(), paging))
            }
            Fetch::Topic { cluster, name } => {
                let body = self.fetch(&request::topic(&self.endpoint, cluster, name)).await?;
                let wire = decode::one(&body, "the topic").map_err(|e| self.redact(e))?;
                Answer::Topic(Box::new(Topic::from_resource(wire, cluster)))
            }
            Fetch::Groups { cluster, contains } => {
                let filter = SearchFilter::ConsumerGroupName { contains };
                let pages = Pages::new();
                let keep = |page, raw: &RawValue| {
                    decode::item(raw).map(|wire| pages.keep(page, ConsumerGroup::from_search(wire, cluster)))
                };
                let search = Search::ConsumerGroups(cluster);
                let what = "the consumer-group search";
                let paging = self.search(search, &[filter], self.options.max_pages, what, &keep).await?;
                Answer::Groups(Listing::paged(pages.into_items(), paging))
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

    fn push(&mut self, value: &impl Serialize) {
        if self.out.len() > 1 {
            self.out.push(b',');
        }
        // Writing plain view models cannot fail.
        if let Ok(json) = serde_json::to_vec(value) {
            self.out.extend_from_slice(&json);
        }
    }

    /// The lists, one after the other, as one list's JSON text.
    fn concat(lists: Vec<JsonList>) -> String {
        let mut all = JsonList::with_capacity(lists.iter().map(|l| l.out.len()).sum());
        for list in lists {
            if let Some(items) = list.out.get(1..).filter(|items| !items.is_empty()) {
                if all.out.len() > 1 {
                    all.out.push(b',');
                }
                all.out.extend_from_slice(items);
            }
        }
        all.finish()
    }

    fn finish(mut self) -> String {
        self.out.push(b']');
        // serde_json writes UTF-8 only; the fallback is unreachable.
        String::from_utf8(self.out).unwrap_or_else(|_| "[]".into())
    }
}
