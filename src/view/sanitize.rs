//! What Console sends that reaches the page's CSS or links is checked here.

/// Only hex colours reach the page's CSS: anything else (`url(...)`, `expression(...)`,
/// named colours with injected declarations) is dropped.
pub fn is_hex_colour(value: &str) -> bool {
    let Some(hex) = value.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `https://user:pw@host/x` → `https://host/x`: registry URLs may carry credentials.
pub fn strip_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once(':').and_then(|(scheme, rest)| Some((scheme, rest.strip_prefix("//")?)))
    else {
        return url.to_string();
    };
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(end) => rest.split_at_checked(end).unwrap_or((rest, "")),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((_userinfo, host)) => format!("{scheme}://{host}{path}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_userinfo() {
        for ok in ["#fff", "#ffff", "#A1b2C3", "#a1b2c3d4"] {
            assert!(is_hex_colour(ok), "{ok}");
        }
        for bad in ["", "#", "red", "#ggg", "#12345", "url(x)", "#fff;x:y", "#ﬀﬀﬀ"] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
        assert_eq!(strip_userinfo("https://u:p@h:1/x@y"), "https://h:1/x@y");
        assert_eq!(strip_userinfo("https://h/x"), "https://h/x");
        assert_eq!(strip_userinfo("no-scheme@x"), "no-scheme@x");
        assert_eq!(strip_userinfo("é://ü@h"), "é://h");
    }
}
