//! What the native tests share: a `Transport` that answers from a table instead of
//! the network, and a tiny executor for the core's futures (which complete at once
//! against it).

#![allow(dead_code)]

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use conduktor_card_core::client::{Client, Transport};
use conduktor_card_core::credentials::Token;
use conduktor_card_core::endpoint::Endpoint;
use conduktor_card_core::error::CoreError;
use conduktor_card_core::options::Options;
use conduktor_card_core::request::{HttpRequest, Method};

pub const BASE: &str = "https://backstage.example.com/api/proxy";
pub const PREFIX: &str = "https://backstage.example.com/api/proxy/conduktor";

/// A JWT-shaped token whose payload and signature are long enough to be scrubbed.
pub const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6InByaXlhQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

/// One canned answer: a status and a body, for requests whose method and path
/// (after the proxy endpoint) match, and whose body contains `body_contains`.
#[derive(Clone)]
pub struct Route {
    pub method: Method,
    pub path: String,
    pub body_contains: Option<String>,
    pub status: u16,
    pub answer: String,
}

pub fn get(path: &str, status: u16, answer: &str) -> Route {
    Route { method: Method::Get, path: path.into(), body_contains: None, status, answer: answer.into() }
}

pub fn post(path: &str, body_contains: &str, status: u16, answer: &str) -> Route {
    Route {
        method: Method::Post,
        path: path.into(),
        body_contains: Some(body_contains.into()),
        status,
        answer: answer.into(),
    }
}

/// Answers from its routes (the first that matches); 404 with Console's body else.
/// Each answer takes one turn of the executor, so requests sent together are in
/// flight together, and `rounds()` tells how many rounds of requests a call made.
#[derive(Default)]
pub struct Canned {
    pub routes: Vec<Route>,
    pub sent: RefCell<Vec<HttpRequest>>,
    /// The latest round among the requests answered so far.
    latest_answered_round: std::cell::Cell<usize>,
    rounds: std::cell::Cell<usize>,
}

impl Canned {
    /// Sequential rounds, the longest chain of requests each sent after another's
    /// answer: a request sent before any answer is round 1, one sent after an answer of
    /// round n is round n + 1 at most.
    pub fn rounds(&self) -> usize {
        self.rounds.get()
    }
}

/// Pending once, then ready: an answer that is not there at once.
struct Turn(bool);

impl Future for Turn {
    type Output = ();
    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Transport for Canned {
    async fn send(&self, request: &HttpRequest) -> Result<String, CoreError> {
        self.sent.borrow_mut().push(request.clone());
        let round = self.latest_answered_round.get() + 1;
        self.rounds.set(self.rounds.get().max(round));
        Turn(false).await;
        self.latest_answered_round.set(self.latest_answered_round.get().max(round));
        let path = request.url.strip_prefix(PREFIX).unwrap_or(&request.url);
        let route = self.routes.iter().find(|r| {
            r.method == request.method
                && r.path == path
                && r.body_contains.as_ref().is_none_or(|text| request.body.as_deref().unwrap_or("").contains(text))
        });
        match route {
            Some(route) if (200..300).contains(&route.status) => Ok(route.answer.clone()),
            Some(route) => Err(conduktor_card_core::classify::classify(route.status, None, &route.answer, None)),
            None => Err(conduktor_card_core::classify::classify(404, None, r#"{"title":"Not found"}"#, None)),
        }
    }

    fn now(&self) -> f64 {
        0.0
    }

    fn cancelled(&self) -> bool {
        false
    }
}

/// A client over `routes`, the answer cache off (each test sees its own answers).
pub fn client(routes: Vec<Route>) -> Client<Canned> {
    client_with(routes, Options { cache_ttl_ms: 0.0, ..Options::default() })
}

pub fn client_with(routes: Vec<Route>, options: Options) -> Client<Canned> {
    let token = Token::parse(Some(TOKEN.into())).expect("a valid token");
    let endpoint = Endpoint::parse(Some(BASE.into()), options.proxy_path.clone()).expect("a valid base");
    Client::new(Canned { routes, ..Canned::default() }, token, endpoint, options)
}

struct Noop;
impl Wake for Noop {
    fn wake(self: Arc<Self>) {}
}

/// Runs a future that completes without waiting on anything outside it.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    for _ in 0..10_000 {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
    panic!("the future did not complete against canned answers")
}

/// A v1 search page of `items` (JSON objects), the only page.
pub fn page(items: &[&str]) -> String {
    format!(r#"{{"data":[{}],"page":1,"totalPages":1,"perPage":100,"totalElements":{}}}"#, items.join(","), items.len())
}
