//! The simulator binary as scripts run it: flags, start-up time, graceful
//! SIGTERM, `--data`, `--issuer` against another simulator, and logs that never
//! contain a token.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::{log_path, start, BINARY};

#[test]
fn help_documents_every_flag() {
    let output = Command::new(BINARY).arg("--help").output().expect("--help runs");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--listen",
        "--public-url",
        "--issuer",
        "--username-claim",
        "--groups-claim",
        "--jwks-refetch-interval",
        "--cors-origin",
        "--data",
        "--scale",
        "--test-controls",
        "--log-format",
        "--openapi",
        "--dev-key",
        "--fresh-dev-key",
        "--help",
        "--version",
    ] {
        assert!(help.contains(flag), "--help does not mention {flag}:\n{help}");
    }
    let bad = Command::new(BINARY).args(["--scale", "nodes=3"]).output().expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown scale key"));
}

/// The scripts wait for `/idp/jwks`; that is the start-up time that matters.
/// The first start may generate the development key (see `dev_key.rs`); the
/// next one reads it and must be well under a second.
#[test]
fn starts_in_under_a_second_and_stops_gracefully_on_sigterm() {
    let mut first = start("first-start", &[], &[]);
    assert_eq!(first.http("GET", "/idp/jwks", &[], None).0, 200);
    let (ok, log) = first.stop();
    assert!(ok && log.contains("conduktor-sim-dev-key.pem"), "the key file is named:\n{log}");

    let started = Instant::now();
    let mut sim = start("startup", &["--test-controls"], &[]);
    let (status, _) = sim.http("GET", "/idp/jwks", &[], None);
    let elapsed = started.elapsed();
    assert_eq!(status, 200);
    eprintln!("start-up to a served JWKS: {} ms", elapsed.as_millis());
    assert!(elapsed < Duration::from_secs(1), "start-up took {elapsed:?}");
    let (ok, log) = sim.stop();
    assert!(ok, "SIGTERM is a clean exit:\n{log}");
    assert!(log.contains("rsa_key=read from"), "the saved key is reused:\n{log}");
    assert!(log.contains("development and tests only"), "the dev IdP is marked:\n{log}");
    assert!(log.contains("stopped"));
}

#[test]
fn a_fresh_key_is_neither_read_nor_saved() {
    let key = log_path("key.pem");
    let mut sim = start("fresh", &["--dev-key", &key.display().to_string()], &[]);
    let (ok, log) = sim.stop();
    assert!(ok && log.contains("generated and saved"), "{log}");
    let saved = std::fs::read_to_string(&key).expect("the key file");
    let mut sim = start("fresh-2", &["--fresh-dev-key"], &[]);
    let token = sim.token(r#"{"email":"a@example.com"}"#);
    let (ok, log) = sim.stop();
    assert!(ok && log.contains("generated (not saved)"), "{log}");
    assert_eq!(std::fs::read_to_string(&key).expect("still there"), saved, "untouched");
    let _ = std::fs::remove_file(&key);
    assert!(!token.is_empty());
    let both = Command::new(BINARY).args(["--fresh-dev-key", "--dev-key", "x.pem"]).output().expect("runs");
    assert!(!both.status.success(), "the two flags conflict");
}

#[test]
fn logs_never_contain_tokens() {
    let mut sim = start("tokens", &["--test-controls"], &[("RUST_LOG", "trace")]);
    let valid = sim.token(r#"{"email":"dev@example.com","groups":["conduktor-admins"]}"#);
    let wrong_key = sim.token(r#"{"email":"dev@example.com","wrongKey":true}"#);
    let expired = sim.token(r#"{"email":"dev@example.com","expired":true}"#);
    let marker = "SIMTOKENMARKER";
    let clusters = "/api/public/console/v2/kafka-cluster";
    let bearer = |token: &str| format!("Bearer {token}");
    assert_eq!(sim.http("GET", clusters, &[("Authorization", &bearer(&valid))], None).0, 200);
    for token in [&wrong_key, &expired, &format!("{marker}.{marker}.{marker}")] {
        assert_eq!(sim.http("GET", clusters, &[("Authorization", &bearer(token))], None).0, 401);
    }
    for header in [format!("Bearer {marker} x"), format!("Basic {marker}"), marker.to_string()] {
        assert_eq!(sim.http("GET", clusters, &[("Authorization", &header)], None).0, 401);
    }
    let search = r#"{"page":1,"itemsPerPage":5,"sort":"ByName"}"#;
    let header = bearer(&valid);
    assert_eq!(
        sim.http("POST", "/api/public/v1/clusters/prod-eu/topics", &[("Authorization", &header)], Some(search)).0,
        200
    );
    let (ok, log) = sim.stop();
    assert!(ok);
    assert!(log.contains("token refused"), "refusals are logged:\n{log}");
    assert!(log.contains("token_fingerprint"), "with a fingerprint");
    for (name, secret) in [("valid", &valid), ("wrong-key", &wrong_key), ("expired", &expired)] {
        let signature = secret.rsplit('.').next().unwrap_or(secret);
        assert!(!log.contains(signature), "the {name} token's signature is in the log");
        let payload = secret.split('.').nth(1).unwrap_or(secret);
        assert!(!log.contains(payload), "the {name} token's payload is in the log");
    }
    assert!(!log.contains(marker), "the marker token is in the log");
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name).display().to_string()
}

#[test]
fn loads_a_yaml_dataset_and_refuses_a_broken_one() {
    let mut sim = start("data", &["--data", &example("dataset.yaml")], &[]);
    let admin = sim.token(r#"{"email":"ops@example.com","groups":["platform-admins"]}"#);
    let (status, body) =
        sim.http("GET", "/api/public/console/v2/kafka-cluster", &[("Authorization", &format!("Bearer {admin}"))], None);
    assert_eq!(status, 200);
    let clusters: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let names: Vec<&str> =
        clusters.as_array().expect("a list").iter().filter_map(|c| c["metadata"]["name"].as_str()).collect();
    assert_eq!(names, vec!["main", "sandbox"]);
    assert!(sim.stop().0);

    let broken = log_path("broken.yaml");
    std::fs::write(&broken, "clusters: [{metadata: {}}]\n").expect("written");
    let output = Command::new(BINARY).args(["--listen", "127.0.0.1:0", "--data"]).arg(&broken).output().expect("runs");
    let _ = std::fs::remove_file(&broken);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("clusters[0] has no metadata.name"));
}

#[test]
fn trusts_another_simulator_as_its_issuer_and_logs_json() {
    let mut idp = start("idp", &[], &[]);
    let issuer = format!("http://{}/idp", idp.address);
    let mut sim = start(
        "relying",
        &["--issuer", &issuer, "--test-controls", "--log-format", "json", "--cors-origin", "http://127.0.0.1:7007"],
        &[],
    );
    let token = idp.token(r#"{"email":"dev@example.com","groups":["payments-developers"],"alg":"ES256"}"#);
    let clusters = "/api/public/console/v2/kafka-cluster";
    let (status, body) = sim.http("GET", clusters, &[("Authorization", &format!("Bearer {token}"))], None);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("prod-eu") && !body.contains("\"dev\""));
    let own = sim.token(r#"{"email":"dev@example.com","groups":["conduktor-admins"]}"#);
    assert_eq!(sim.http("GET", clusters, &[("Authorization", &format!("Bearer {own}"))], None).0, 401);
    let (_, settings) = sim.http("GET", "/sim/auth", &[], None);
    assert!(settings.contains(&issuer) && settings.contains("\"jwksFetches\":1"), "{settings}");
    let (ok, log) = sim.stop();
    assert!(ok);
    for line in log.lines().filter(|l| !l.trim().is_empty()) {
        assert!(serde_json::from_str::<serde_json::Value>(line).is_ok(), "not a JSON line: {line}");
    }
    assert!(idp.stop().0);
}
