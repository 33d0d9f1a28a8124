//! Shares identical requests and keeps answers for a short time.
//!
//! A page often renders the card more than once (several entity cards, React's
//! strict mode, a quick refresh), so identical requests with the same token are
//! sent once: later callers wait for the request in flight, and a 2xx answer is
//! reused for `cacheTtlMs`. Entries are keyed by a hash of the token, never the
//! token itself, so one user's answers are never served to another sign-in.
//! `refresh: true` bypasses the stored answer (and stores the new one).

use std::cell::RefCell;
use std::future::Future;

use futures_channel::oneshot;

use crate::error::{CoreError, ErrorKind};
use crate::request::HttpRequest;

/// Stored answers at most; the oldest goes first.
const MAX_ENTRIES: usize = 256;

/// A request as sent by one sign-in: the token only as its fingerprint.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Key {
    token_fingerprint: u64,
    request: HttpRequest,
}

impl Key {
    pub fn new(token_fingerprint: u64, request: &HttpRequest) -> Key {
        Key { token_fingerprint, request: request.clone() }
    }
}

type Waiter = oneshot::Sender<Result<String, CoreError>>;

enum Slot {
    InFlight(Vec<Waiter>),
    Ready { stored_at: f64, body: String },
}

/// At most `MAX_ENTRIES` slots, searched in order: a list is plenty at this size
/// and keeps hash-table code out of the wasm.
#[derive(Default)]
pub struct Cache {
    slots: Vec<(Key, Slot)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

enum Start {
    Hit(String),
    Wait(oneshot::Receiver<Result<String, CoreError>>),
    Lead,
}

impl Cache {
    fn position(&self, key: &Key) -> Option<usize> {
        self.slots.iter().position(|(k, _)| k == key)
    }

    fn get_mut(&mut self, key: &Key) -> Option<&mut Slot> {
        let index = self.position(key)?;
        self.slots.get_mut(index).map(|(_, slot)| slot)
    }

    fn remove(&mut self, key: &Key) -> Option<Slot> {
        let index = self.position(key)?;
        Some(self.slots.swap_remove(index).1)
    }

    fn insert(&mut self, key: Key, slot: Slot) {
        self.remove(&key);
        self.slots.push((key, slot));
    }

    fn start(&mut self, key: &Key, now: f64, ttl_ms: f64, refresh: bool) -> Start {
        match self.get_mut(key) {
            Some(Slot::Ready { stored_at, body }) if !refresh && now - *stored_at < ttl_ms => Start::Hit(body.clone()),
            Some(Slot::InFlight(waiters)) => {
                let (sender, receiver) = oneshot::channel();
                waiters.push(sender);
                Start::Wait(receiver)
            }
            _ => {
                self.insert(key.clone(), Slot::InFlight(Vec::new()));
                Start::Lead
            }
        }
    }

    fn finish(&mut self, key: &Key, result: &Result<String, CoreError>, now: f64, ttl_ms: f64) {
        if let Some(Slot::InFlight(waiters)) = self.remove(key) {
            for waiter in waiters {
                let _ = waiter.send(result.clone());
            }
        }
        if let (Ok(body), true) = (result, ttl_ms > 0.0) {
            if self.slots.len() >= MAX_ENTRIES {
                self.evict_oldest();
            }
            self.insert(key.clone(), Slot::Ready { stored_at: now, body: body.clone() });
        }
    }

    fn evict_oldest(&mut self) {
        let oldest = self
            .slots
            .iter()
            .filter_map(|(k, s): &(Key, Slot)| match s {
                Slot::Ready { stored_at, .. } => Some((k.clone(), *stored_at)),
                Slot::InFlight(_) => None,
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(k, _)| k);
        if let Some(key) = oldest {
            self.remove(&key);
        }
    }
}

/// Runs `fetch` unless an identical request is in flight (then waits for it) or a
/// fresh answer is stored. A waiter whose leader was aborted by *its own* caller
/// sends the request itself instead of inheriting the cancellation.
pub async fn shared<F, Fut>(
    key: Key,
    ttl_ms: f64,
    refresh: bool,
    now: impl Fn() -> f64,
    fetch: F,
) -> Result<String, CoreError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<String, CoreError>>,
{
    loop {
        match CACHE.with(|c| c.borrow_mut().start(&key, now(), ttl_ms, refresh)) {
            Start::Hit(body) => return Ok(body),
            Start::Wait(receiver) => match receiver.await {
                Ok(Err(error)) if error.kind == ErrorKind::Aborted => continue,
                Ok(result) => return result,
                // The leader's future was dropped before it finished.
                Err(_) => continue,
            },
            Start::Lead => {
                let guard = LeadGuard { key: &key };
                let result = fetch().await;
                std::mem::forget(guard);
                CACHE.with(|c| c.borrow_mut().finish(&key, &result, now(), ttl_ms));
                return result;
            }
        }
    }
}

/// Frees the in-flight slot if the leading future is dropped mid-request, so its
/// waiters (whose senders drop with the slot) retry instead of waiting forever.
struct LeadGuard<'a> {
    key: &'a Key,
}

impl Drop for LeadGuard<'_> {
    fn drop(&mut self) {
        CACHE.with(|c| {
            if let Ok(mut cache) = c.try_borrow_mut() {
                if matches!(cache.get_mut(self.key), Some(Slot::InFlight(_))) {
                    cache.remove(self.key);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Token;
    use crate::request::Method;

    fn get(url: &str) -> HttpRequest {
        HttpRequest { method: Method::Get, url: url.into(), body: None }
    }

    fn key(token: &str) -> Key {
        let token = Token::parse(Some(token.into())).unwrap();
        Key::new(token.fingerprint(), &get("/api/proxy/conduktor/public/x"))
    }

    #[test]
    fn keys_hold_only_a_fingerprint_of_the_token() {
        let k = key("secret-token-marker");
        assert!(!format!("{k:?}").contains("secret-token-marker"));
        assert_ne!(key("a"), key("b"));
        assert_eq!(key("a"), key("a"));
    }

    #[test]
    fn stores_fresh_answers_and_expires_them() {
        let mut cache = Cache::default();
        let k = key("t");
        assert!(matches!(cache.start(&k, 0.0, 1000.0, false), Start::Lead));
        assert!(matches!(cache.start(&k, 1.0, 1000.0, false), Start::Wait(_)));
        cache.finish(&k, &Ok("body".into()), 10.0, 1000.0);
        assert!(matches!(cache.start(&k, 500.0, 1000.0, false), Start::Hit(b) if b == "body"));
        assert!(matches!(cache.start(&k, 500.0, 1000.0, true), Start::Lead), "refresh bypasses");
        cache.finish(&k, &Ok("new".into()), 600.0, 1000.0);
        assert!(matches!(cache.start(&k, 2000.0, 1000.0, false), Start::Lead), "expired");
    }

    #[test]
    fn errors_and_zero_ttl_are_not_stored() {
        let mut cache = Cache::default();
        let k = key("t");
        cache.start(&k, 0.0, 1000.0, false);
        cache.finish(&k, &Err(CoreError::new(ErrorKind::Server, "x")), 1.0, 1000.0);
        assert!(matches!(cache.start(&k, 2.0, 1000.0, false), Start::Lead));
        cache.finish(&k, &Ok("b".into()), 3.0, 0.0);
        assert!(matches!(cache.start(&k, 4.0, 0.0, false), Start::Lead));
    }

    #[test]
    fn other_tokens_never_hit() {
        let mut cache = Cache::default();
        cache.start(&key("alice"), 0.0, 1000.0, false);
        cache.finish(&key("alice"), &Ok("alice's".into()), 1.0, 1000.0);
        assert!(matches!(cache.start(&key("bob"), 2.0, 1000.0, false), Start::Lead));
    }

    #[test]
    fn stays_bounded() {
        let mut cache = Cache::default();
        for i in 0..(MAX_ENTRIES + 10) {
            let k = Key::new(1, &get(&format!("/u{i}")));
            cache.start(&k, i as f64, 1e9, false);
            cache.finish(&k, &Ok(String::new()), i as f64, 1e9);
        }
        assert_eq!(cache.slots.len(), MAX_ENTRIES);
        assert!(cache.position(&Key::new(1, &get("/u0"))).is_none());
    }
}
