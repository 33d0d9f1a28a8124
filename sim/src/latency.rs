//! `--latency 80ms±20ms`: a delay before each answer of Console's API, drawn uniformly
//! from the range, as a network round trip through a corporate network, the Backstage
//! proxy and Console's own token check would add. It is applied before the answer's
//! first byte, to the API only (not to the IdP, `/health` or the test controls).

use std::str::FromStr;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Latency {
    pub base_ms: u64,
    pub jitter_ms: u64,
}

impl Latency {
    fn draw(&self) -> Duration {
        let low = self.base_ms.saturating_sub(self.jitter_ms);
        let high = self.base_ms + self.jitter_ms;
        Duration::from_millis(if high > low { rand::thread_rng().gen_range(low..=high) } else { low })
    }
}

impl FromStr for Latency {
    type Err = String;

    /// `80ms`, `80ms±20ms`, `80±20`, `80ms+-20ms` (milliseconds; the unit is optional).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let millis = |part: &str| -> Result<u64, String> {
            let digits = part.trim().trim_end_matches("ms").trim();
            digits.parse().map_err(|_| format!("{part:?} is not a number of milliseconds (e.g. 80ms±20ms)"))
        };
        let (base, jitter) = match text.split_once('±').or_else(|| text.split_once("+-")) {
            Some((base, jitter)) => (millis(base)?, millis(jitter)?),
            None => (millis(text)?, 0),
        };
        if base + jitter > 60_000 {
            return Err("a latency over a minute is not a network, it is an outage: use a fault with delayMs".into());
        }
        Ok(Latency { base_ms: base, jitter_ms: jitter })
    }
}

/// Route layer of Console's API routes.
pub async fn middleware(State(latency): State<Latency>, request: Request, next: Next) -> Response {
    if latency.base_ms + latency.jitter_ms > 0 {
        tokio::time::sleep(latency.draw()).await;
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_it_documents() {
        assert_eq!("80ms±20ms".parse(), Ok(Latency { base_ms: 80, jitter_ms: 20 }));
        assert_eq!("150".parse(), Ok(Latency { base_ms: 150, jitter_ms: 0 }));
        assert_eq!("50+-5".parse(), Ok(Latency { base_ms: 50, jitter_ms: 5 }));
        assert_eq!("0ms".parse(), Ok(Latency::default()));
        for bad in ["", "fast", "80s", "-5", "70000"] {
            assert!(bad.parse::<Latency>().is_err(), "{bad}");
        }
        let latency = Latency { base_ms: 80, jitter_ms: 20 };
        for _ in 0..200 {
            let drawn = latency.draw().as_millis();
            assert!((60..=100).contains(&drawn), "{drawn}");
        }
        assert!(Latency { base_ms: 5, jitter_ms: 10 }.draw().as_millis() <= 15, "jitter below zero is clamped");
    }
}
