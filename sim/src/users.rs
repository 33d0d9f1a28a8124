//! Console provisions a user the first time a valid delegated JWT names them
//! (`conduktor-api.md` §4.1: "created on first use if missing"). The registry
//! keeps each user's first and last sighting and the groups of their latest
//! token; test controls list it at `GET /sim/users`.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserRecord {
    pub username: String,
    /// RFC 3339, UTC.
    pub first_seen_at: String,
    pub last_seen_at: String,
    /// The IdP groups of the latest token.
    pub groups: Vec<String>,
    /// The Console groups those map to.
    pub console_groups: Vec<String>,
    pub requests: u64,
}

#[derive(Default)]
pub struct Users {
    users: Mutex<BTreeMap<String, UserRecord>>,
}

/// A cap, so that a benchmark minting a user per request cannot grow memory without bound.
const MAX_USERS: usize = 100_000;

impl Users {
    /// Records a request by this user; returns true when it provisioned them.
    pub fn seen(&self, username: &str, groups: &[String], console_groups: Vec<String>) -> bool {
        let Ok(mut users) = self.users.lock() else { return false };
        let now = rfc3339(SystemTime::now());
        if let Some(user) = users.get_mut(username) {
            user.last_seen_at = now;
            user.groups = groups.to_vec();
            user.console_groups = console_groups;
            user.requests += 1;
            return false;
        }
        if users.len() >= MAX_USERS {
            return false;
        }
        users.insert(
            username.to_string(),
            UserRecord {
                username: username.to_string(),
                first_seen_at: now.clone(),
                last_seen_at: now,
                groups: groups.to_vec(),
                console_groups,
                requests: 1,
            },
        );
        true
    }

    pub fn list(&self) -> Vec<UserRecord> {
        self.users.lock().map(|u| u.values().cloned().collect()).unwrap_or_default()
    }

    pub fn clear(&self) {
        if let Ok(mut users) = self.users.lock() {
            users.clear();
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` without a date crate (civil-from-days, H. Hinnant).
pub fn rfc3339(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let (days, seconds) = ((since.as_secs() / 86_400) as i64, since.as_secs() % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60,
        since.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn formats_utc_timestamps() {
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_millis(1_709_210_096_789)), "2024-02-29T12:34:56.789Z");
        assert_eq!(rfc3339(UNIX_EPOCH + Duration::from_secs(1_798_675_200)), "2026-12-31T00:00:00.000Z");
    }

    #[test]
    fn provisions_on_first_sight_and_counts_after() {
        let users = Users::default();
        assert!(users.seen("a@x", &["g1".into()], vec!["team".into()]));
        assert!(!users.seen("a@x", &["g2".into()], vec![]));
        let list = users.list();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].requests, list[0].groups.clone()), (2, vec!["g2".to_string()]));
        users.clear();
        assert!(users.list().is_empty());
    }
}
