//! What the binary's tests share: starting the simulator on an ephemeral port,
//! stopping it, and plain HTTP/1.1 exchanges with it.
#![allow(dead_code)] // each test crate uses a part

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BINARY: &str = env!("CARGO_BIN_EXE_conduktor-sim");

pub struct Running {
    child: Child,
    pub address: String,
    log: PathBuf,
}

pub fn log_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("conduktor-sim-{name}-{}.log", std::process::id()))
}

/// Starts the binary on an ephemeral port; waits for its "listening" line.
pub fn start(name: &str, args: &[&str], env: &[(&str, &str)]) -> Running {
    let log = log_path(name);
    let file = std::fs::File::create(&log).expect("a log file");
    let child = Command::new(BINARY)
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(file)
        .spawn()
        .expect("the simulator starts");
    let mut running = Running { child, address: String::new(), log };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(&running.log).unwrap_or_default();
        if let Some(rest) = text.split("conduktor-sim listening on http://").nth(1) {
            running.address = rest.split(|c: char| c.is_whitespace() || c == '"').next().unwrap_or("").to_string();
            return running;
        }
        assert!(Instant::now() < deadline, "no listening line in {}", running.log.display());
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A failing test does not leave simulators behind.
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    pub fn http(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> (u16, String) {
        http(&self.address, method, path, headers, body)
    }

    pub fn token(&self, body: &str) -> String {
        let (status, answer) = self.http("POST", "/idp/token", &[], Some(body));
        assert_eq!(status, 200, "{answer}");
        let json: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
        json["id_token"].as_str().expect("a token").to_string()
    }

    /// SIGTERM, then the exit status and everything logged.
    pub fn stop(&mut self) -> (bool, String) {
        let pid = self.child.id().to_string();
        let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
        assert!(killed.success());
        let deadline = Instant::now() + Duration::from_secs(5);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("a status") {
                break status;
            }
            assert!(Instant::now() < deadline, "still running 5 s after SIGTERM");
            std::thread::sleep(Duration::from_millis(10));
        };
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let _ = std::fs::remove_file(&self.log);
        (status.success(), log)
    }
}

/// An answer: status, `Content-Type` and body.
pub struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: String,
}

/// One HTTP/1.1 request on a fresh connection.
pub fn exchange(address: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
    let mut stream = TcpStream::connect(address).expect("a connection");
    stream.set_read_timeout(Some(Duration::from_secs(30))).expect("a timeout");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = body.unwrap_or("");
    if !body.is_empty() {
        request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).expect("sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let content_type = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim().eq_ignore_ascii_case("content-type").then(|| value.trim().to_string())
    });
    Answer { status, content_type, body: body.to_string() }
}

pub fn http(address: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> (u16, String) {
    let answer = exchange(address, method, path, headers, body);
    (answer.status, answer.body)
}
