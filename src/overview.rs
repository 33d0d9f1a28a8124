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

/// Questions with their answers, as `ask` returns them.
type Asked = Vec<(Fetch, Result<Answer, CoreError>)>;

/// One question, and for an application's instances at once the searches for what
/// they own: the second round starts when the instances arrive, not when every other
/// answer of the first round (a search's further pages, say) has arrived too.
async fn ask<T: Transport>(client: &Client<T>, fetch: Fetch) -> Asked {
    let answer = client.answer(&fetch).await;
    let owned = match (&fetch, &answer) {
        (Fetch::Instances(application), Ok(Answer::Instances(listing))) => plan::owned(application, &listing.items),
        _ => Vec::new(),
    };
    let mut answers = vec![(fetch, answer)];
    let tasks: Vec<Task<'_, Result<Answer, CoreError>>> =
        owned.iter().map(|fetch| Box::pin(client.answer(fetch)) as Task<'_, _>).collect();
    answers.extend(owned.iter().cloned().zip(run_all(tasks).await));
    answers
}

/// Plans, asks, joins, and links into Console. Every question that depends on no
/// other is asked at once: topics, consumer groups and clusters take one round of
/// requests, applications two (what their instances own), and a search spanning
/// several pages one more (see `Client::search`). Identical requests asked twice (an
/// annotation's prefix that an instance also owns) are sent once by the cache.
pub async fn entity_overview<T: Transport>(client: &Client<T>, refs: &EntityRefs) -> Result<EntityOverview, CoreError> {
    let plan = plan::plan(refs);
    let tasks: Vec<Task<'_, Asked>> =
        plan.into_iter().map(|fetch| Box::pin(ask(client, fetch)) as Task<'_, _>).collect();
    let mut answers = Answers::default();
    for (fetch, answer) in run_all(tasks).await.into_iter().flatten() {
        if !answers.contains(&fetch) {
            answers.insert(fetch, answer);
        }
    }
    check_global_failure(&answers)?;
    let mut overview = join(refs, &answers);
    if let Some(links) = client.links() {
        links.add_to_overview(&mut overview);
    }
    Ok(overview)
}
