//! JSON numbers kept as text.
//!
//! The core never does arithmetic on Console's metrics: it only passes them on. Keeping
//! the validated text avoids float parsing and printing (several KB of wasm each)
//! and hands JavaScript exactly the value Console sent.

/// A finite JSON number, as text in JSON's grammar.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number(Box<str>);

impl Number {
    /// Accepts JSON's number grammar only (no `+`, `NaN`, hex or spaces), and only
    /// values a JavaScript number can hold (`1e400` would be `Infinity`).
    pub fn parse(text: &str) -> Option<Number> {
        let length = scan_number(text.as_bytes())?;
        (length == text.len() && is_finite(text)).then(|| Number(text.into()))
    }

    /// A number Console sent as a string (topic configs: `"retention.ms": "604800000"`).
    pub fn parse_loose(text: &str) -> Option<Number> {
        Number::parse(text.trim())
    }

    pub fn from_u64(value: u64) -> Number {
        Number(value.to_string().into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The integer part, saturating: negative values give 0, fractions are cut,
    /// exponents applied (`1e300` gives `u64::MAX`).
    pub fn to_u64_saturating(&self) -> u64 {
        let (negative, digits, exponent) = split(&self.0);
        if negative {
            0
        } else {
            integer_part(&digits, exponent)
        }
    }

    /// Seconds as milliseconds (`exp` claims), the integer part of the product;
    /// `None` beyond what a JavaScript `Date` could hold.
    pub fn seconds_to_millis(&self) -> Option<i64> {
        let (negative, digits, exponent) = split(&self.0);
        let magnitude = i64::try_from(integer_part(&digits, exponent + 3)).ok()?;
        Some(if negative { -magnitude } else { magnitude })
    }
}

/// `digits × 10^exponent` without its fraction, saturating at `u64::MAX`.
fn integer_part(digits: &[u8], exponent: i64) -> u64 {
    let mut value: u64 = 0;
    for position in 0..(digits.len() as i64 + exponent).max(0) {
        let digit = digits.get(position as usize).map_or(0, |d| u64::from(d - b'0'));
        match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
            Some(v) => value = v,
            None => return u64::MAX,
        }
    }
    value
}

/// Length of the JSON number at the start of `bytes`, or `None` when there is none.
pub fn scan_number(bytes: &[u8]) -> Option<usize> {
    let digits_from =
        |start: usize| bytes.get(start..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    let mut pos = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(pos) {
        Some(b'0') => pos += 1,
        Some(b'1'..=b'9') => pos += digits_from(pos),
        _ => return None,
    }
    if bytes.get(pos) == Some(&b'.') {
        let fraction = digits_from(pos + 1);
        if fraction == 0 {
            return None;
        }
        pos += 1 + fraction;
    }
    if matches!(bytes.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(bytes.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exponent = digits_from(pos);
        if exponent == 0 {
            return None;
        }
        pos += exponent;
    }
    Some(pos)
}

/// Sign, significant digits (leading zeros dropped) and the power of ten to apply
/// so that `digits × 10^exponent` is the value, for text that passed `scan_number`.
fn split(text: &str) -> (bool, Vec<u8>, i64) {
    let negative = text.starts_with('-');
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut in_fraction = false;
    let mut bytes = text.bytes();
    for byte in bytes.by_ref() {
        match byte {
            b'0'..=b'9' => {
                if !(digits.is_empty() && byte == b'0') {
                    digits.push(byte);
                }
                if in_fraction {
                    exponent -= 1;
                }
            }
            b'.' => in_fraction = true,
            b'e' | b'E' => break,
            _ => {}
        }
    }
    // The written exponent, saturating far beyond anything a double can hold.
    let mut power: i64 = 0;
    let mut power_negative = false;
    for byte in bytes {
        match byte {
            b'-' => power_negative = true,
            b'0'..=b'9' => power = (power * 10 + i64::from(byte - b'0')).min(100_000),
            _ => {}
        }
    }
    exponent += if power_negative { -power } else { power };
    (negative, digits, exponent)
}

/// Whether the value is below JavaScript's `Number.MAX_VALUE` (about 1.8e308).
fn is_finite(text: &str) -> bool {
    let (_, digits, exponent) = split(text);
    // Number of integer digits: 309 for values from 1e308 up.
    match (digits.len() as i64 + exponent).cmp(&309) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => digits.is_empty(),
        std::cmp::Ordering::Equal => digits.as_slice() <= b"17976931348623157".as_slice(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_json_numbers_only() {
        for ok in [
            "0",
            "-0",
            "7",
            "-12",
            "1.5",
            "0.25",
            "1e3",
            "1E+3",
            "2.5e-7",
            "9007199254740993",
            "1e308",
            "1.7976931348623157e308",
            "0e999999",
        ] {
            assert_eq!(Number::parse(ok).map(|n| n.as_str().to_string()), Some(ok.to_string()), "{ok}");
        }
        for bad in [
            "", "-", "+1", "01", "1.", ".5", "1e", "1e+", "NaN", "Infinity", "0x10", "1 ", " 1", "1,5", "1e400",
            "-2e309",
        ] {
            assert_eq!(Number::parse(bad), None, "{bad}");
        }
        assert_eq!(Number::parse_loose(" 604800000 ").unwrap().as_str(), "604800000");
    }

    #[test]
    fn saturating_integers() {
        let u = |t: &str| Number::parse(t).unwrap().to_u64_saturating();
        assert_eq!(u("0"), 0);
        assert_eq!(u("42"), 42);
        assert_eq!(u("42.9"), 42);
        assert_eq!(u("-5"), 0);
        assert_eq!(u("1e3"), 1000);
        assert_eq!(u("1.5e1"), 15);
        assert_eq!(u("12e-1"), 1);
        assert_eq!(u("1e-5"), 0);
        assert_eq!(u("1e300"), u64::MAX);
        assert_eq!(u("18446744073709551616"), u64::MAX);
        assert_eq!(u("0.000"), 0);
    }

    #[test]
    fn seconds_become_milliseconds() {
        let ms = |t: &str| Number::parse(t).unwrap().seconds_to_millis();
        assert_eq!(ms("1700000000"), Some(1_700_000_000_000));
        assert_eq!(ms("1700000000.5"), Some(1_700_000_000_500));
        assert_eq!(ms("-1"), Some(-1000));
        assert_eq!(ms("0"), Some(0));
        assert_eq!(ms("1e300"), None, "out of range for a Date");
    }
}
