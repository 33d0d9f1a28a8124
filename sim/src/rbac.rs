//! Console's RBAC as the simulator imitates it (`conduktor-api.md` §4.2–4.3):
//! Console groups map IdP groups through `externalGroups` (exact) and
//! `externalGroupRegex`; permissions are per resource type, scoped to a cluster id
//! or `*`, with LITERAL or PREFIXED name patterns, and add up across groups; the
//! admin group sees everything.
//!
//! Documented guesses (Console does not document them): lists omit what the user
//! may not see; a GET by name of something not visible answers 403; a user sees a
//! cluster when any of their permissions names it or `*`; self-service
//! applications and instances are visible to every authenticated user.

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Cluster,
    Topic,
    ConsumerGroup,
    Subject,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Pattern {
    Literal(String),
    Prefixed(String),
}

impl Pattern {
    fn matches(&self, name: &str) -> bool {
        match self {
            Pattern::Literal(literal) => literal == "*" || literal == name,
            Pattern::Prefixed(prefix) => name.starts_with(prefix.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Permission {
    pub resource: Resource,
    /// A cluster id or `*`.
    pub cluster: String,
    /// The resource name pattern (unused for `Cluster`).
    pub name: Pattern,
}

impl Permission {
    fn covers_cluster(&self, cluster: &str) -> bool {
        self.cluster == "*" || self.cluster == cluster
    }
}

/// A Console group (kind `Group`) with its IdP mapping.
#[derive(Debug, Clone)]
pub struct ConsoleGroup {
    pub name: String,
    pub external_groups: Vec<String>,
    pub external_group_regex: Vec<Regex>,
    pub admin: bool,
    pub permissions: Vec<Permission>,
}

impl ConsoleGroup {
    fn maps(&self, idp_group: &str) -> bool {
        self.external_groups.iter().any(|g| g == idp_group)
            || self.external_group_regex.iter().any(|r| r.is_match(idp_group))
    }
}

/// What one user may see, from the groups claim of their token.
#[derive(Debug, Default)]
pub struct Access {
    pub admin: bool,
    pub groups: Vec<String>,
    permissions: Vec<Permission>,
}

impl Access {
    pub fn for_claims(console_groups: &[ConsoleGroup], idp_groups: &[String]) -> Access {
        let mut access = Access::default();
        for group in console_groups.iter().filter(|g| idp_groups.iter().any(|idp| g.maps(idp))) {
            access.admin |= group.admin;
            access.groups.push(group.name.clone());
            access.permissions.extend(group.permissions.iter().cloned());
        }
        access
    }

    pub fn sees_cluster(&self, cluster: &str) -> bool {
        self.admin || self.permissions.iter().any(|p| p.covers_cluster(cluster))
    }

    pub fn sees(&self, resource: Resource, cluster: &str, name: &str) -> bool {
        self.admin
            || self
                .permissions
                .iter()
                .any(|p| p.resource == resource && p.covers_cluster(cluster) && p.name.matches(name))
    }
}

fn permission(resource: Resource, cluster: &str, name: Pattern) -> Permission {
    Permission { resource, cluster: cluster.into(), name }
}

/// The demo dataset's Console groups.
pub fn demo_groups() -> Vec<ConsoleGroup> {
    use Pattern::{Literal, Prefixed};
    use Resource::{Cluster, ConsumerGroup, Subject, Topic};
    vec![
        ConsoleGroup {
            name: "admins".into(),
            external_groups: vec!["conduktor-admins".into()],
            external_group_regex: vec![],
            admin: true,
            permissions: vec![],
        },
        ConsoleGroup {
            name: "team-payments".into(),
            external_groups: vec!["payments-developers".into()],
            external_group_regex: vec![],
            admin: false,
            permissions: vec![
                permission(Cluster, "prod-eu", Literal("*".into())),
                permission(Cluster, "staging", Literal("*".into())),
                permission(Topic, "prod-eu", Prefixed("payments.".into())),
                permission(Topic, "staging", Literal("*".into())),
                permission(ConsumerGroup, "prod-eu", Prefixed("payments-".into())),
                permission(Subject, "prod-eu", Prefixed("payments.".into())),
                permission(ConsumerGroup, "staging", Prefixed("payments-".into())),
            ],
        },
        ConsoleGroup {
            name: "team-analytics".into(),
            external_groups: vec![],
            // Any IdP group named analytics-<something>.
            external_group_regex: vec![Regex::new("^analytics-.+$").expect("a valid regex")],
            admin: false,
            permissions: vec![
                permission(Topic, "prod-eu", Prefixed("click.".into())),
                permission(Topic, "prod-eu", Literal("inventory.stock".into())),
                permission(ConsumerGroup, "prod-eu", Prefixed("click-".into())),
            ],
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(groups: &[&str]) -> Access {
        Access::for_claims(&demo_groups(), &groups.iter().map(|g| g.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn groups_map_by_exact_name_and_regex() {
        assert_eq!(access(&["payments-developers", "unrelated"]).groups, vec!["team-payments"]);
        assert_eq!(access(&["analytics-engineers"]).groups, vec!["team-analytics"]);
        assert!(access(&["analytics-"]).groups.is_empty(), "the regex needs a suffix");
        assert!(access(&[]).groups.is_empty());
    }

    #[test]
    fn permissions_filter_by_cluster_and_pattern() {
        let payments = access(&["payments-developers"]);
        assert!(payments.sees_cluster("prod-eu") && payments.sees_cluster("staging") && !payments.sees_cluster("dev"));
        assert!(payments.sees(Resource::Topic, "prod-eu", "payments.orders"));
        assert!(!payments.sees(Resource::Topic, "prod-eu", "click.pageviews"));
        assert!(payments.sees(Resource::Topic, "staging", "click.pageviews"), "`*` literal");
        assert!(payments.sees(Resource::ConsumerGroup, "staging", "payments-processor"));
        assert!(payments.sees(Resource::Subject, "prod-eu", "payments.orders-value"));
        assert!(!payments.sees(Resource::Subject, "prod-eu", "click.pageviews-value"));
        let everywhere = Access::for_claims(
            &[ConsoleGroup {
                name: "ops".into(),
                external_groups: vec!["ops".into()],
                external_group_regex: vec![],
                admin: false,
                permissions: vec![permission(Resource::ConsumerGroup, "*", Pattern::Prefixed("ops-".into()))],
            }],
            &["ops".into()],
        );
        assert!(
            everywhere.sees_cluster("any") && everywhere.sees(Resource::ConsumerGroup, "any", "ops-1"),
            "cluster `*`"
        );
        let analytics = access(&["analytics-engineers"]);
        assert!(analytics.sees_cluster("prod-eu"), "a topic grant makes its cluster visible");
        assert!(!analytics.sees(Resource::Topic, "prod-eu", "inventory.stock-dlq"), "literal is exact");
    }

    #[test]
    fn permissions_add_up_and_admins_see_everything() {
        let both = access(&["payments-developers", "analytics-team"]);
        assert!(
            both.sees(Resource::Topic, "prod-eu", "payments.orders")
                && both.sees(Resource::Topic, "prod-eu", "click.x")
        );
        let admin = access(&["conduktor-admins"]);
        assert!(admin.sees_cluster("dev") && admin.sees(Resource::Topic, "dev", "anything"));
        let nobody = access(&["marketing"]);
        assert!(!nobody.sees_cluster("prod-eu"));
    }
}
