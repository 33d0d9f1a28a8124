//! The view models' TypeScript declarations are generated from the Rust types
//! (ts-rs), never written by hand: this test writes them and fails when the file the
//! wasm crate ships (`wasm/src/view-models.d.ts`) differs from what the types say.
//!
//! After changing a view model: `UPDATE_TYPESCRIPT=1 cargo test --test typescript`.

use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::inspect::TokenReport;
use conduktor_card_core::labels::Labels;
use conduktor_card_core::options::{ConsoleLinkTemplates, FetchOptions};
use conduktor_card_core::view::{
    Application, ApplicationInstance, ApplicationOverview, ConsumerGroup, EntityOverview, KafkaCluster, ListInfo,
    OwnedResource, Problem, SchemaRegistrySummary, Topic, TopicTag, Truncation,
};
use ts_rs::{Config, TS};

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/wasm/src/view-models.d.ts");

/// Console's int64 counts (lag, records, sizes) are JavaScript numbers once
/// `JSON.parse` has read them: `number`, not `bigint`.
fn config() -> Config {
    Config::new().with_large_int("number")
}

fn declaration<T: TS>() -> String {
    let docs = T::docs().map(|docs| format!("{docs}\n")).unwrap_or_default();
    format!("{docs}export {}\n", T::decl(&config()))
}

fn generated() -> String {
    [
        "// Generated from the Rust view models in src/ by ts-rs (tests/typescript.rs); do not edit.\n".to_string(),
        declaration::<EntityOverview>(),
        declaration::<KafkaCluster>(),
        declaration::<SchemaRegistrySummary>(),
        declaration::<Topic>(),
        declaration::<TopicTag>(),
        declaration::<ConsumerGroup>(),
        declaration::<Application>(),
        declaration::<ApplicationInstance>(),
        declaration::<OwnedResource>(),
        declaration::<ApplicationOverview>(),
        declaration::<Problem>(),
        declaration::<Truncation>(),
        declaration::<ListInfo>(),
        declaration::<TokenReport>(),
        declaration::<FetchOptions>(),
        declaration::<ConsoleLinkTemplates>(),
        declaration::<Labels>(),
        declaration::<ErrorKind>(),
        declaration::<CoreError>(),
    ]
    .join("\n")
}

#[test]
fn the_shipped_declarations_are_the_view_models() {
    let generated = generated();
    if std::env::var_os("UPDATE_TYPESCRIPT").is_some() {
        std::fs::write(SHIPPED, &generated).expect("write wasm/src/view-models.d.ts");
        return;
    }
    let shipped = std::fs::read_to_string(SHIPPED).unwrap_or_default();
    assert!(
        shipped == generated,
        "wasm/src/view-models.d.ts is not what the view models declare; run UPDATE_TYPESCRIPT=1 cargo test --test typescript\n--- generated ---\n{generated}"
    );
}
