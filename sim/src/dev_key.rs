//! The development IdP's RSA key, kept in a file between runs. Generating an
//! RSA-2048 key takes 0.3–1.5 s on a busy 2-core machine (prime search in
//! `num-bigint-dig`; the release profile is tuned for wasm size, not speed),
//! which alone would break "start-up under one second"; reading it back takes
//! milliseconds.
//!
//! The file is a development key like the rest of the development IdP: whoever
//! can read it can sign tokens for the development issuer, which anyone on
//! loopback can already do through `POST /idp/token`. It is written with mode
//! 0600, next to the executable by default (for a cargo build, in `target/`,
//! which git ignores). `--fresh-dev-key` never reads or writes it.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::idp::generate_rsa_pem;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub const FILE_NAME: &str = "conduktor-sim-dev-key.pem";

/// `conduktor-sim-dev-key.pem` next to the running executable.
pub fn default_path() -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(FILE_NAME))
}

pub struct DevKey {
    pub pem: String,
    /// Where the key came from, for the start-up log.
    pub origin: String,
}

/// The key in `path` if it holds a usable one; otherwise a new key, saved there
/// when possible. Without a path, a new key that is not saved.
pub fn load_or_create(path: Option<&Path>) -> Result<DevKey, BoxError> {
    let Some(path) = path else {
        return Ok(DevKey { pem: generate_rsa_pem()?, origin: "generated (not saved)".into() });
    };
    if let Ok(pem) = std::fs::read_to_string(path) {
        if jsonwebtoken::EncodingKey::from_rsa_pem(pem.as_bytes()).is_ok() {
            return Ok(DevKey { pem, origin: format!("read from {}", path.display()) });
        }
    }
    let pem = generate_rsa_pem()?;
    let origin = match save(path, &pem) {
        Ok(()) => format!("generated and saved to {}", path.display()),
        Err(error) => format!("generated (not saved to {}: {error})", path.display()),
    };
    Ok(DevKey { pem, origin })
}

/// Writes a temporary file and renames it, so that simulators starting together
/// never read a half-written key.
fn save(path: &Path, pem: &str) -> std::io::Result<()> {
    let temporary = path.with_extension(format!("pem.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temporary)
        .and_then(|mut file| file.write_all(pem.as_bytes()));
    let renamed = written.and_then(|()| std::fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn creates_reuses_and_repairs_the_key_file() {
        let dir = std::env::temp_dir().join(format!("conduktor-sim-dev-key-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        let first = load_or_create(Some(&path)).unwrap();
        assert!(first.origin.starts_with("generated and saved"), "{}", first.origin);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        let second = load_or_create(Some(&path)).unwrap();
        assert_eq!((second.pem == first.pem, second.origin.starts_with("read from")), (true, true));
        std::fs::write(&path, "not a key").unwrap();
        let repaired = load_or_create(Some(&path)).unwrap();
        assert!(repaired.pem != first.pem && repaired.origin.starts_with("generated and saved"));
        std::fs::remove_dir_all(&dir).unwrap();
        let unwritable = load_or_create(Some(Path::new("/proc/conduktor-sim/key.pem"))).unwrap();
        assert!(unwritable.origin.starts_with("generated (not saved"), "{}", unwritable.origin);
    }
}
