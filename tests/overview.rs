//! `fetchEntityOverview` end to end against canned answers: the plan, the requests it
//! sends, the join, what is reported (once, by cluster and in the annotations' own
//! words) and what rejects the whole call; and the token scrubbed from every error.

mod support;

use conduktor_card_core::annotations::{self, EntityRefs};
use conduktor_card_core::answers::{Answer, Answers, Listing};
use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::join::{check_global_failure, join};
use conduktor_card_core::overview::entity_overview;
use conduktor_card_core::plan::{self, Fetch, TopicQuery};
use conduktor_card_core::request::Method;
use conduktor_card_core::view::{KafkaCluster, Topic, APPLICATION_LABEL};
use support::{block_on, client, get, page, post, Route, TOKEN};

fn refs(pairs: &[(&str, &str)]) -> EntityRefs {
    annotations::parse(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>()).unwrap()
}

fn topic(name: &str) -> Topic {
    let json = format!(r#"{{"type":"IndexedTopic","name":"{name}","recordCount":5}}"#);
    Topic::from_search(serde_json::from_str(&json).unwrap(), "prod")
}

fn search(names: &[&str]) -> Answer {
    Answer::Topics(Listing {
        items: names.iter().map(|n| topic(n)).collect(),
        total_elements: Some(names.len() as i64),
        truncated: false,
        dropped: Vec::new(),
    })
}

fn truncated(mut answer: Answer, total: i64) -> Answer {
    if let Answer::Topics(listing) = &mut answer {
        listing.truncated = true;
        listing.total_elements = Some(total);
    }
    answer
}

fn clusters(names: &[&str]) -> Answer {
    let items = names
        .iter()
        .map(|n| {
            let json = format!(
                r#"{{"metadata":{{"name":"{n}"}},"spec":{{"displayName":"{n}","bootstrapServers":"b:9092"}}}}"#
            );
            KafkaCluster::from(serde_json::from_str::<conduktor_card_core::wire::cluster::KafkaCluster>(&json).unwrap())
        })
        .collect();
    Answer::Clusters(Listing { items, total_elements: None, truncated: false, dropped: Vec::new() })
}

fn named(cluster: &str, name: &str) -> Fetch {
    Fetch::Topics { cluster: cluster.into(), query: TopicQuery::Named(name.into()) }
}

fn containing(cluster: &str, text: &str) -> Fetch {
    Fetch::Topics { cluster: cluster.into(), query: TopicQuery::NameContains(text.into()) }
}

fn forbidden() -> CoreError {
    CoreError::new(ErrorKind::Forbidden, "Conduktor Console does not allow you to see this (403)").with_status(403)
}

#[test]
fn plans_one_request_per_distinct_question() {
    let plan = plan::plan(&refs(&[
        ("conduktor.io/topics", "prod/orders, prod/orders, prod/click.*"),
        ("conduktor.io/consumer-groups", "prod/g1"),
        ("kafka.apache.org/consumer-groups", "prod/g1"),
        ("conduktor.io/application", "payments"),
    ]));
    assert_eq!(
        plan,
        vec![
            Fetch::Clusters,
            named("prod", "orders"),
            Fetch::Topic { cluster: "prod".into(), name: "orders".into() },
            containing("prod", "click."),
            Fetch::Groups { cluster: "prod".into(), contains: "g1".into() },
            Fetch::Application("payments".into()),
            Fetch::Instances("payments".into()),
        ]
    );
}

#[test]
fn joins_exact_matches_and_names_what_failed_where() {
    let refs = refs(&[("conduktor.io/topics", "prod/orders, prod/click.*, prod/missing, secret/x")]);
    let answers: Answers = [
        (Fetch::Clusters, Ok(clusters(&["prod"]))),
        (named("prod", "orders"), Ok(search(&["orders", "orders-dlq"]))),
        (containing("prod", "click."), Ok(search(&["click.views", "xclick.y"]))),
        (named("prod", "missing"), Ok(search(&[]))),
        (named("secret", "x"), Err(forbidden())),
    ]
    .into_iter()
    .collect();
    assert!(check_global_failure(&answers).is_ok());
    let overview = join(&refs, &answers);
    let names: Vec<&str> = overview.topics.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, vec!["orders", "click.views"]);
    assert_eq!(overview.clusters.len(), 1);
    let problems: Vec<(ErrorKind, Option<&str>, Option<&str>)> =
        overview.problems.iter().map(|p| (p.kind, p.cluster.as_deref(), p.resource.as_deref())).collect();
    assert_eq!(
        problems,
        vec![
            (ErrorKind::NotFound, Some("prod"), Some("topic missing")),
            (ErrorKind::Forbidden, Some("secret"), Some("topic x")),
            (ErrorKind::NotFound, Some("secret"), Some("cluster secret")),
        ],
    );
}

#[test]
fn a_literal_its_search_page_missed_comes_from_the_get_by_name_asked_beside_it() {
    let refs = refs(&[("conduktor.io/topics", "prod/orders, prod/gone, prod/direct")]);
    let by_name = |name: &str| Fetch::Topic { cluster: "prod".into(), name: name.into() };
    let answers: Answers = [
        (Fetch::Clusters, Ok(clusters(&["prod"]))),
        (named("prod", "orders"), Ok(truncated(search(&["a.orders", "b.orders"]), 500))),
        (by_name("orders"), Ok(Answer::Topic(Box::new(topic("orders"))))),
        (named("prod", "gone"), Ok(truncated(search(&["a.gone"]), 500))),
        (by_name("gone"), Err(CoreError::new(ErrorKind::NotFound, "404").with_status(404))),
        (named("prod", "direct"), Ok(search(&["direct"]))),
        (by_name("direct"), Err(CoreError::new(ErrorKind::Server, "500").with_status(500))),
    ]
    .into_iter()
    .collect();
    let overview = join(&refs, &answers);
    assert_eq!(overview.topics.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), vec!["orders", "direct"]);
    assert_eq!(
        overview.problems.iter().map(|p| (p.kind, p.resource.as_deref())).collect::<Vec<_>>(),
        vec![(ErrorKind::NotFound, Some("topic gone"))],
        "the GET of a topic its search found is not reported"
    );
    assert!(overview.truncations.is_empty(), "a literal's one-page search is not a truncated list");
}

#[test]
fn one_round_for_topics_and_groups_two_for_an_application_and_pages_together() {
    // Rounds as the transport sees them: a request of round n is sent before any
    // answer of round n has been read, i.e. the Canned transport records them in order.
    let c = client(payments_routes());
    block_on(entity_overview(&c, &refs(&[("conduktor.io/application", "payments")]))).unwrap();
    let sent: Vec<String> = c.transport().sent.borrow().iter().map(|r| r.url.clone()).collect();
    assert_eq!(sent.len(), 6);
    assert_eq!(c.transport().rounds(), 2, "{sent:?}");
    assert!(
        sent[..3].iter().all(|u| !u.contains("/v1/clusters/")),
        "round 1: clusters, application, instances: {sent:?}"
    );
    assert!(sent[3..].iter().all(|u| u.contains("/v1/clusters/")), "round 2: what the instances own: {sent:?}");

    let path = "/public/v1/clusters/prod/consumergroups";
    let page_of =
        |n: u32| format!(r#"{{"data":[{{"name":"g{n}"}}],"page":{n},"totalPages":12,"perPage":1,"totalElements":12}}"#);
    let routes = (1..=12).map(|n| post(path, &format!(r#""page":{n},"#), 200, &page_of(n))).collect();
    let c = support::client_with(
        routes,
        conduktor_card_core::options::Options { cache_ttl_ms: 0.0, max_pages: 4, ..Default::default() },
    );
    let list = block_on(c.consumer_groups_json("prod")).unwrap();
    assert_eq!(
        list.items,
        r#"[{"name":"g1","cluster":"prod","indexed":true,"topics":[]},{"name":"g2","cluster":"prod","indexed":true,"topics":[]},{"name":"g3","cluster":"prod","indexed":true,"topics":[]},{"name":"g4","cluster":"prod","indexed":true,"topics":[]}]"#
    );
    assert!(list.info.truncated);
    assert_eq!(c.transport().sent.borrow().len(), 4, "maxPages pages, no more");
    assert_eq!(c.transport().rounds(), 2, "page 1, then pages 2 to 4 together");

    let topics = refs(&[
        ("conduktor.io/topics", "prod/orders, prod/click.*"),
        ("conduktor.io/consumer-groups", "prod/g1"),
        ("conduktor.io/clusters", "prod"),
    ]);
    let c = client(payments_routes());
    let _ = block_on(entity_overview(&c, &topics));
    assert_eq!(c.transport().sent.borrow().len(), 5, "clusters, the literal's search and GET, the prefix, the group");
    assert_eq!(c.transport().rounds(), 1, "topics, groups and clusters: one round");

    // An application whose owned search pages, beside an annotation's prefix search
    // that pages too: round 2 starts when the instances arrive, so three rounds, not four.
    let two_pages = |name: &str, n: u32| {
        format!(r#"{{"data":[{{"name":"{name}{n}"}}],"page":{n},"totalPages":2,"perPage":1,"totalElements":2}}"#)
    };
    let mut routes = payments_routes();
    routes.retain(|r| !r.path.contains("/v1/clusters/"));
    for n in [1, 2] {
        let page = format!(r#""page":{n},"#);
        routes.push(post(
            "/public/v1/clusters/prod/topics",
            &format!(
                r#"{page}"itemsPerPage":100,"sort":"ByName","filter":[{{"type":"TopicNameFilter","contains":"click."}}"#
            ),
            200,
            &two_pages("click.t", n),
        ));
        routes.push(post("/public/v1/clusters/prod/topics", &format!(r#"{page}"itemsPerPage":100,"sort":"ByName","filter":[{{"type":"TopicNameFilter","contains":"payments."}}"#), 200, &two_pages("payments.t", n)));
        routes.push(post(
            "/public/v1/clusters/prod/topics",
            &format!(r#"{page}"itemsPerPage":100,"sort":"ByName","filter":[{{"type":"LabelsFilter""#),
            200,
            &two_pages("payments.l", n),
        ));
        routes.push(post("/public/v1/clusters/prod/consumergroups", &page, 200, &two_pages("payments-processor", n)));
    }
    let both = refs(&[("conduktor.io/application", "payments"), ("conduktor.io/topics", "prod/click.*")]);
    let c = client(routes);
    let overview = block_on(entity_overview(&c, &both)).unwrap();
    assert_eq!(
        overview.topics.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["click.t1", "click.t2", "payments.l1", "payments.l2", "payments.t1", "payments.t2"]
    );
    assert_eq!(c.transport().rounds(), 3, "application two rounds, plus one for pages");
}

#[test]
fn global_failures_reject_the_overview_and_so_does_nothing_at_all_loading() {
    let unauthorized = CoreError::new(ErrorKind::Unauthorized, "401").with_status(401);
    let answers: Answers = [(Fetch::Clusters, Ok(clusters(&["prod"]))), (containing("prod", "a"), Err(unauthorized))]
        .into_iter()
        .collect();
    assert_eq!(check_global_failure(&answers).unwrap_err().kind, ErrorKind::Unauthorized);
    let all_forbidden: Answers = [(Fetch::Clusters, Err(forbidden()))].into_iter().collect();
    assert_eq!(check_global_failure(&all_forbidden).unwrap_err().kind, ErrorKind::Forbidden);
}

#[test]
fn no_annotation_lists_every_visible_cluster() {
    let answers: Answers = [(Fetch::Clusters, Ok(clusters(&["a", "b"])))].into_iter().collect();
    let overview = join(&EntityRefs::default(), &answers);
    assert!(!overview.annotated);
    assert_eq!(overview.clusters.len(), 2);
}

#[test]
fn truncated_searches_are_reported_once_in_the_annotations_words() {
    let refs = refs(&[("conduktor.io/topics", "prod/a*, prod/a*")]);
    let answers: Answers = [
        (Fetch::Clusters, Ok(clusters(&["prod"]))),
        (containing("prod", "a"), Ok(truncated(search(&["a1", "a2"]), 5000))),
    ]
    .into_iter()
    .collect();
    let overview = join(&refs, &answers);
    assert_eq!(
        serde_json::to_value(&overview.truncations).unwrap(),
        serde_json::json!([{"cluster":"prod","what":"topics a*","shown":2,"total":5000}])
    );
}

#[test]
fn an_application_refused_alike_twice_is_one_problem() {
    let refs = refs(&[("conduktor.io/application", "payments")]);
    let answers: Answers = [
        (Fetch::Clusters, Ok(clusters(&["prod"]))),
        (Fetch::Application("payments".into()), Err(forbidden())),
        (Fetch::Instances("payments".into()), Err(forbidden())),
    ]
    .into_iter()
    .collect();
    let overview = join(&refs, &answers);
    assert_eq!(overview.problems.len(), 1, "{:?}", overview.problems);
    assert_eq!(overview.problems[0].resource.as_deref(), Some("application payments"));
    assert_eq!(overview.applications.len(), 1);
}

#[test]
fn a_self_service_read_refused_for_licensing_says_enterprise_and_the_rest_stays() {
    let licence = r#"{"title":"Self-service requires a Conduktor Enterprise license"}"#;
    let routes = vec![
        get("/public/console/v2/kafka-cluster", 200, r#"[{"metadata":{"name":"prod"},"spec":{}}]"#),
        get("/public/self-serve/v1/application/payments", 403, licence),
        get("/public/self-serve/v1/application-instance?application=payments", 403, licence),
        post("/public/v1/clusters/prod/topics", "payments.orders", 200, &page(&[r#"{"name":"payments.orders"}"#])),
    ];
    let refs = refs(&[("conduktor.io/application", "payments"), ("conduktor.io/topics", "prod/payments.orders")]);
    let overview = block_on(entity_overview(&client(routes), &refs)).unwrap();
    assert_eq!(overview.topics.len(), 1, "the rest of the card is intact");
    assert_eq!(overview.problems.len(), 1, "{:?}", overview.problems);
    let problem = &overview.problems[0];
    assert_eq!((problem.kind, problem.resource.as_deref()), (ErrorKind::LicenseRequired, Some("application payments")));
    assert!(
        problem.message.starts_with("Self-service applications need Conduktor Enterprise (403"),
        "{}",
        problem.message
    );
}

fn payments_routes() -> Vec<Route> {
    let instances = r#"[{"metadata":{"name":"payments-prod","application":"payments"},
        "spec":{"cluster":"prod","serviceAccount":"sa-payments","resources":[
          {"type":"TOPIC","name":"payments.","patternType":"PREFIXED"},
          {"type":"CONSUMER_GROUP","name":"payments-processor","patternType":"LITERAL"}]}}]"#;
    vec![
        get("/public/console/v2/kafka-cluster", 200, r#"[{"metadata":{"name":"prod"},"spec":{"displayName":"Prod"}}]"#),
        get(
            "/public/self-serve/v1/application/payments",
            200,
            r#"{"metadata":{"name":"payments"},"spec":{"title":"Payments"}}"#,
        ),
        get("/public/self-serve/v1/application-instance?application=payments", 200, instances),
        post(
            "/public/v1/clusters/prod/topics",
            APPLICATION_LABEL,
            200,
            &page(&[r#"{"name":"payments.ledger","labels":{"conduktor.io/application":"payments"}}"#]),
        ),
        post(
            "/public/v1/clusters/prod/topics",
            r#""contains":"payments.""#,
            200,
            &page(&[
                r#"{"name":"payments.orders"}"#,
                r#"{"name":"payments.ledger"}"#,
                r#"{"name":"xpayments.other"}"#,
                r#"{"nom":"broken"}"#,
            ]),
        ),
        post(
            "/public/v1/clusters/prod/consumergroups",
            "payments-processor",
            200,
            &page(&[
                r#"{"name":"payments-processor","state":"Stable","overallLag":42}"#,
                r#"{"name":"payments-processor-2"}"#,
            ]),
        ),
    ]
}

#[test]
fn an_application_brings_what_its_instances_own_in_two_rounds() {
    let c = client(payments_routes());
    let overview = block_on(entity_overview(&c, &refs(&[("conduktor.io/application", "payments")]))).unwrap();
    let topics: Vec<(&str, Option<&str>)> =
        overview.topics.iter().map(|t| (t.name.as_str(), t.owner_instance.as_deref())).collect();
    assert_eq!(topics, vec![("payments.ledger", None), ("payments.orders", Some("payments-prod"))]);
    assert_eq!(
        overview.consumer_groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        vec!["payments-processor"]
    );
    assert_eq!(overview.clusters.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), vec!["prod"]);
    assert_eq!(overview.applications[0].application.as_ref().map(|a| a.title.as_str()), Some("Payments"));
    let problems: Vec<_> = overview.problems.iter().map(|p| (p.kind, p.resource.as_deref())).collect();
    assert_eq!(
        problems,
        vec![(ErrorKind::Decode, Some("item 3 of the topic search"))],
        "the odd item is said, the rest shown"
    );
    assert_eq!(
        c.transport().sent.borrow().len(),
        6,
        "clusters, application, instances; then label, prefix and group searches"
    );
}

/// A body quoting the token (whole, payload, signature) as a gateway or Console might.
fn quoting(status: u16) -> Vec<(String, String)> {
    let (_, rest) = TOKEN.split_once('.').unwrap();
    let (payload, signature) = rest.split_once('.').unwrap();
    vec![
        (
            format!("{status} json"),
            format!(r#"{{"title":"bad token {TOKEN}","msg":"payload {payload}","cause":"signature {signature}"}}"#),
        ),
        (format!("{status} text"), format!("Bearer {TOKEN} was refused")),
    ]
}

#[test]
fn a_token_a_server_quotes_back_never_leaves_the_core() {
    let (_, rest) = TOKEN.split_once('.').unwrap();
    let (payload, signature) = rest.split_once('.').unwrap();
    for status in [400u16, 401, 403, 500] {
        for (case, body) in quoting(status) {
            let c = client(vec![get("/public/console/v2/kafka-cluster", status, &body)]);
            let error = block_on(c.clusters_json()).expect_err(&case);
            let texts = format!("{} {:?} {:?} {:?}", error.message, error.title, error.msg, error.cause);
            for secret in [TOKEN, payload, signature] {
                assert!(!texts.contains(secret), "{case}: {texts}");
            }
            if body.starts_with('{') {
                assert!(texts.contains("[token]"), "Console's own words are kept, scrubbed: {case}: {texts}");
            }
            // The same refusal inside an overview is a problem, scrubbed too.
            let c = client(vec![
                get("/public/console/v2/kafka-cluster", 200, r#"[{"metadata":{"name":"prod"},"spec":{}}]"#),
                post("/public/v1/clusters/prod/topics", "", status, &body),
            ]);
            let result = block_on(entity_overview(&c, &refs(&[("conduktor.io/topics", "prod/orders")])));
            let text = match result {
                Ok(overview) => serde_json::to_string(&overview).unwrap(),
                Err(error) => format!("{} {:?} {:?} {:?}", error.message, error.title, error.msg, error.cause),
            };
            for secret in [TOKEN, payload, signature] {
                assert!(!text.contains(secret), "{case} in an overview: {text}");
            }
        }
    }
}

#[test]
fn requests_are_consoles_methods_paths_and_bodies() {
    let c = client(payments_routes());
    let refs = refs(&[("conduktor.io/application", "payments"), ("conduktor.io/topics", "prod/payments.orders")]);
    block_on(entity_overview(&c, &refs)).unwrap();
    for request in c.transport().sent.borrow().iter() {
        let path = request.url.strip_prefix(support::PREFIX).unwrap();
        match request.method {
            Method::Get => assert!(request.body.is_none(), "{path}"),
            Method::Post => {
                assert!(path.starts_with("/public/v1/clusters/prod/"), "{path}");
                let body: serde_json::Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
                assert_eq!((body["page"].as_u64(), body["sort"].as_str()), (Some(1), Some("ByName")), "{body}");
                assert_eq!(body["itemsPerPage"], 100);
                assert!(body["filter"].as_array().is_some_and(|f| f.len() == 1), "{body}");
            }
        }
    }
}
