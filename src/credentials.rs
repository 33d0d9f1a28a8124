//! The user's token: validated before any request, used only for the `Authorization`
//! header and the cache key's hash, and scrubbed from every text a server sends back.
//!
//! `Token` is deliberately neither `Debug` nor `Display`: it cannot be formatted into
//! a message by accident.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::error::CoreError;

/// Longest token accepted. Real ID tokens are 1–4 KiB; a bigger one is a mistake
/// (or an attack on header limits) and would be rejected by the proxy anyway.
pub const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// What replaces the token (or a piece of it) in a server's text.
pub const REDACTED: &str = "[token]";

/// Shorter pieces are not scrubbed: they could be ordinary words of a message.
const MIN_SCRUBBED_LEN: usize = 8;

/// A token that may be put into an `Authorization: Bearer` header.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn parse(raw: Option<String>) -> Result<Token, CoreError> {
        let raw = raw.ok_or_else(|| {
            CoreError::invalid_input("the token must be a string: pass the user's ID token from your auth API")
        })?;
        if raw.is_empty() {
            return Err(CoreError::invalid_input(
                "the token is empty: the user is not signed in to the identity provider the card is bound to; sign in again",
            ));
        }
        if raw.len() > MAX_TOKEN_BYTES {
            return Err(CoreError::invalid_input(format!(
                "the token is {} bytes long, more than the {MAX_TOKEN_BYTES} accepted: check which token the card is given",
                raw.len()
            )));
        }
        if raw.bytes().any(|b| !(0x21..=0x7e).contains(&b)) {
            return Err(CoreError::invalid_input(
                "the token contains whitespace, control or non-ASCII characters: pass the raw JWT, without a 'Bearer ' prefix",
            ));
        }
        Ok(Token(raw))
    }

    pub fn bearer_header(&self) -> String {
        ["Bearer ", &self.0].concat()
    }

    /// For cache keys: only this hash of the token is ever kept.
    pub fn fingerprint(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.0.hash(&mut hasher);
        hasher.finish()
    }

    /// Scrubs the token from a server-provided error before it leaves the core: the
    /// whole token, and each of a JWT's payload and signature segments (a gateway may
    /// quote one part). The header segment names only the algorithm; it is left alone.
    pub fn redact(&self, mut error: CoreError) -> CoreError {
        error.texts_mut().for_each(|text| self.scrub(text));
        error
    }

    /// Scrubs the token and its secret segments from one text.
    pub fn scrub(&self, text: &mut String) {
        let whole = self.0.as_str();
        let segments = whole.split('.').skip(1);
        for secret in std::iter::once(whole).chain(segments) {
            if secret.len() >= MIN_SCRUBBED_LEN && text.contains(secret) {
                *text = text.replace(secret, REDACTED);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn tokens_are_validated() {
        assert!(Token::parse(Some("eyJ.a-b_c.d".into())).is_ok());
        for bad in ["", " ", "a b", "abc\n", "Bearer abc", "é", "a\u{0}"] {
            let Err(e) = Token::parse(Some(bad.into())) else { panic!("{bad:?} was accepted") };
            assert_eq!(e.kind, ErrorKind::InvalidInput, "{bad:?}");
        }
        assert!(Token::parse(None).is_err());
        assert!(Token::parse(Some("a".repeat(MAX_TOKEN_BYTES))).is_ok());
        assert!(Token::parse(Some("a".repeat(MAX_TOKEN_BYTES + 1))).is_err());
    }

    #[test]
    fn token_never_appears_in_errors() {
        let secret = format!("{}\n", "s3cr3t-marker".repeat(10));
        let Err(e) = Token::parse(Some(secret)) else { panic!("accepted") };
        assert!(!e.message.contains("s3cr3t-marker"));
    }

    #[test]
    fn redaction_scrubs_the_token_and_its_secret_segments() {
        let token =
            Token::parse(Some("eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.c2lnbmF0dXJlLWJ5dGVz".into())).unwrap();
        let mut error =
            CoreError::new(ErrorKind::Http, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIn0.c2lnbmF0dXJlLWJ5dGVz");
        error.title = Some("bad payload eyJlbWFpbCI6ImFAYi5jIn0".into());
        error.cause = Some("signature c2lnbmF0dXJlLWJ5dGVz does not verify".into());
        let error = token.redact(error);
        assert_eq!(error.message, "Bearer [token]");
        assert_eq!(error.title.as_deref(), Some("bad payload [token]"));
        assert_eq!(error.cause.as_deref(), Some("signature [token] does not verify"));
        let short = Token::parse(Some("a.b.c".into())).unwrap();
        let mut text = "a b c".to_string();
        short.scrub(&mut text);
        assert_eq!(text, "a b c", "pieces too short to be secrets are left");
    }

    #[test]
    fn fingerprints_tell_tokens_apart() {
        let a = Token::parse(Some("token-a".into())).unwrap();
        let b = Token::parse(Some("token-b".into())).unwrap();
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint(), Token::parse(Some("token-a".into())).unwrap().fingerprint());
    }
}
