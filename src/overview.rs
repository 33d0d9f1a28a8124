//! `fetchEntityOverview`: annotations → plan → answers → join → links.
//!
//! A failure that concerns one resource (403 on one cluster, an unknown topic) becomes
//! a `Problem` beside the data that did load; a failure that concerns the whole call
//! (the token, the proxy, the network) rejects the overview.

use crate::annotations::EntityRefs;
use crate::answers::{Answer, Answers};
use crate::bounded::{run_all, Task};
use crate::client::{Client, Transport};
use crate::error::CoreError;
use crate::join::{check_global_failure, join};
use crate::plan::{self, Fetch};
use crate::view::EntityOverview;

/// Asks the questions not answered yet, all at once: one round of requests (what
/// the user waits for is the number of rounds, each a trip through the proxy to Console).
async fn ask<T: Transport>(client: &Client<T>, fetches: Vec<Fetch>, answers: &mut Answers) {
    let pending: Vec<Fetch> = fetches.into_iter().filter(|f| !answers.contains(f)).collect();
    let tasks: Vec<Task<'_, Result<Answer, CoreError>>> =
        pending.iter().map(|fetch| Box::pin(client.answer(fetch)) as Task<'_, _>).collect();
    let results = run_all(tasks).await;
    for (fetch, result) in pending.into_iter().zip(results) {
        answers.insert(fetch, result);
    }
}

/// Plans, asks, joins, and links into Console. One round answers topics, consumer
/// groups and clusters; applications need a second, for what their instances own.
/// (A search spanning several pages adds one: see `Client::search`.)
pub async fn entity_overview<T: Transport>(client: &Client<T>, refs: &EntityRefs) -> Result<EntityOverview, CoreError> {
    let mut answers = Answers::default();
    ask(client, plan::plan(refs), &mut answers).await;
    let owned: Vec<Fetch> = refs
        .applications
        .iter()
        .flat_map(|application| plan::owned(application, answers.instances(application).unwrap_or_default()))
        .collect();
    ask(client, owned, &mut answers).await;
    check_global_failure(&answers)?;
    let mut overview = join(refs, &answers);
    if let Some(links) = client.links() {
        links.add_to_overview(&mut overview);
    }
    Ok(overview)
}
