//! Property-based fuzzing of the core's pure parts (native tests only).
//!
//! Each `fuzz_*` test is one target. By default a target runs a few hundred cases
//! so `cargo test` stays fast; long runs repeat fresh, randomly seeded proptest
//! runners until a deadline:
//!
//! ```text
//! FUZZ_SECONDS=600 cargo test --release -p conduktor-card-core --test fuzz -- --exact decoders::fuzz_decoders --nocapture
//! ```
//!
//! (`PROPTEST_CASES` sets the cases per round.) A failure is shrunk and printed; it
//! then becomes a regression test next to the code it concerns.

#[path = "../support/mod.rs"]
mod support;

mod annotations;
mod decoders;
mod errors;
pub mod gen;
mod urls;

use std::fmt::Debug;
use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Runs `test` on values of `strategy`: `default_cases` once, or rounds of
/// `PROPTEST_CASES` (default 2 000) until `FUZZ_SECONDS` have passed.
pub fn fuzz<S>(name: &str, default_cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let env = |key: &str| std::env::var(key).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("FUZZ_SECONDS");
    let per_round = env("PROPTEST_CASES").map_or(if seconds.is_some() { 2_000 } else { default_cases }, |c| c as u32);
    // No regression files under src/: failures are turned into named tests by hand.
    let config = Config { cases: per_round, failure_persistence: None, ..Config::default() };
    let start = Instant::now();
    let mut total: u64 = 0;
    loop {
        let mut runner = TestRunner::new(config.clone());
        if let Err(failure) = runner.run(&strategy, &test) {
            panic!("{name} failed after {total} passing cases: {failure}");
        }
        total += u64::from(per_round);
        if seconds.is_none_or(|s| start.elapsed().as_secs() >= s) {
            break;
        }
    }
    eprintln!("{name}: {total} cases in {:.1} s", start.elapsed().as_secs_f64());
}
