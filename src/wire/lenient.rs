//! Tolerant readers for the fields of Console's answers, used with
//! `#[serde(deserialize_with = ...)]`: a field of an unexpected type is left out
//! (read as absent) instead of failing the item, numbers are accepted as JSON numbers
//! or as the strings Console uses in topic configs (`"604800000"`), and nothing is
//! buffered: what is not kept is skipped as the parser passes it.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::labels::Labels;

/// The visitor methods for what a reader does not keep: booleans, numbers, strings and
/// null all read as `$absent` (objects and arrays are skipped by each visitor itself).
macro_rules! scalars_read_as {
    ($absent:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($absent)
        }
    };
}

/// One JSON value as the lenient readers see it: a string or a number, or something
/// else (null, a boolean, an object, an array), which is skipped.
pub enum Scalar<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    UInt(u64),
    Float(f64),
    Other,
}

impl Scalar<'_> {
    /// An integer, from an integral number or a string holding one.
    fn integer(&self) -> Option<i64> {
        match self {
            Scalar::Int(n) => Some(*n),
            Scalar::UInt(n) => i64::try_from(*n).ok(),
            // The cast saturates; the range check refuses what saturated.
            Scalar::Float(f) if f.fract() == 0.0 && (-9.2e18..9.2e18).contains(f) => Some(*f as i64),
            Scalar::Text(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// A finite number, from a JSON number or a string holding one.
    fn float(&self) -> Option<f64> {
        let value = match self {
            Scalar::Int(n) => *n as f64,
            Scalar::UInt(n) => *n as f64,
            Scalar::Float(f) => *f,
            // serde_json's own number reader: no second float parser in the wasm.
            Scalar::Text(text) => serde_json::from_str(text.trim()).ok()?,
            Scalar::Other => return None,
        };
        value.is_finite().then_some(value)
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Float(v))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// A string; anything else is absent.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    Ok(match Scalar::deserialize(deserializer)? {
        Scalar::Text(text) => Some(text),
        _ => None,
    })
}

/// An integer of the width Console declares (`int32` → `i32`, `int64` → `i64`), from
/// a number or a numeric string; anything else, or out of range, is absent.
pub fn int<'de, D: Deserializer<'de>, T: TryFrom<i64>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Ok(Scalar::deserialize(deserializer)?.integer().and_then(|n| T::try_from(n).ok()))
}

/// A finite number, from a number or a numeric string; anything else is absent.
pub fn float<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Ok(Scalar::deserialize(deserializer)?.float())
}

/// Strings: an array's string items (others dropped), or one string alone (as JWT
/// `aud` and `groups` may be). Anything else is an empty list.
pub fn strings<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Cow<'de, str>>, D::Error> {
    struct StringsVisitor;
    impl<'de> Visitor<'de> for StringsVisitor {
        type Value = Vec<Cow<'de, str>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("strings")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut kept = Vec::new();
            while let Some(item) = seq.next_element::<Scalar<'de>>()? {
                if let Scalar::Text(text) = item {
                    kept.push(text);
                }
            }
            Ok(kept)
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(vec![Cow::Borrowed(v)])
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![Cow::Owned(v.to_owned())])
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_map(map).map(|_| Vec::new())
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(StringsVisitor)
}

/// Console labels: string values kept, anything else dropped; a repeated key keeps
/// its last value. Not an object: no labels.
pub fn labels<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Labels, D::Error> {
    Ok(object::<D, LabelEntries>(deserializer)?.map(|entries| entries.0).unwrap_or_default())
}

struct LabelEntries(Labels);

impl<'de> Deserialize<'de> for LabelEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = LabelEntries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of labels")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut labels = Labels::default();
                while let Some((key, value)) = map.next_entry::<Cow<'de, str>, Scalar<'de>>()? {
                    if let Scalar::Text(value) = value {
                        labels.insert(key.into_owned(), value.into_owned());
                    }
                }
                Ok(LabelEntries(labels))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// A nested object read as `T`; anything else (null, a string, an array) is absent.
/// Errors inside the object (a required field missing) are errors of the item.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    struct ObjectVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_seq(seq).map(|_| None)
        }
        scalars_read_as!(None);
    }
    deserializer.deserialize_any(ObjectVisitor(PhantomData))
}

/// An array of objects, each read as `T` on its own: an item that does not read
/// (a resource without a `type`) is dropped, the rest kept. Not an array: empty.
pub fn items<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<Vec<T>>, D::Error> {
    struct ItemsVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemsVisitor<T> {
        type Value = Option<Vec<T>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut kept = Vec::new();
            while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                kept.extend(serde_json::from_str::<T>(raw.get()).ok());
            }
            Ok(Some(kept))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            ScalarVisitor.visit_map(map).map(|_| None)
        }
        scalars_read_as!(None);
    }
    deserializer.deserialize_any(ItemsVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Probe<'a> {
        #[serde(borrow, default, deserialize_with = "text")]
        text: Option<Cow<'a, str>>,
        #[serde(default, deserialize_with = "int")]
        small: Option<i32>,
        #[serde(default, deserialize_with = "int")]
        big: Option<i64>,
        #[serde(default, deserialize_with = "float")]
        rate: Option<f64>,
        #[serde(default, deserialize_with = "labels")]
        labels: Labels,
        #[serde(borrow, default, deserialize_with = "strings")]
        names: Vec<Cow<'a, str>>,
    }

    fn probe(json: &str) -> Probe<'_> {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    #[test]
    fn odd_values_are_absent_not_errors() {
        let p =
            probe(r#"{"text":{"a":[1,{"b":null}]},"small":"x","big":[1],"rate":true,"labels":"no","names":{"a":1}}"#);
        assert!(p.text.is_none() && p.small.is_none() && p.big.is_none() && p.rate.is_none());
        assert_eq!(p.labels, Labels::default());
        assert!(p.names.is_empty());
        let p = probe(r#"{"text":null,"small":null,"big":null,"rate":null,"labels":null,"names":null}"#);
        assert!(p.text.is_none() && p.small.is_none() && p.labels == Labels::default());
    }

    #[test]
    fn numbers_keep_consoles_widths_and_may_be_strings() {
        let p = probe(r#"{"small":"604800","big":9007199254740993,"rate":"12.5"}"#);
        assert_eq!((p.small, p.big, p.rate), (Some(604_800), Some(9_007_199_254_740_993), Some(12.5)));
        let p = probe(r#"{"small":3000000000,"big":"-1","rate":"inf"}"#);
        assert_eq!(p.small, None, "beyond int32 is absent, not wrapped");
        assert_eq!(p.big, Some(-1));
        assert!(p.rate.is_none(), "not finite");
        // serde_json refuses numbers beyond f64 as a syntax error: the item is dropped
        // (and reported) by `decode`, where JSON.parse would have read Infinity.
        assert!(serde_json::from_str::<Probe>(r#"{"rate":1e400}"#).is_err());
        let p = probe(r#"{"small":6.0,"big":1.5}"#);
        assert_eq!((p.small, p.big), (Some(6), None));
    }

    #[test]
    fn text_borrows_unless_escaped() {
        let p = probe(r#"{"text":"plain"}"#);
        assert!(matches!(p.text, Some(Cow::Borrowed("plain"))));
        let p = probe(r#"{"text":"a\"b"}"#);
        assert_eq!(p.text.as_deref(), Some("a\"b"));
    }

    #[test]
    fn labels_keep_strings_and_the_last_repeated_key() {
        let p = probe(r#"{"labels":{"env":"prod","n":3,"x":null,"env":"dev","o":{"k":"v"}}}"#);
        assert_eq!(serde_json::to_string(&p.labels).unwrap(), r#"{"env":"dev"}"#);
    }

    #[test]
    fn strings_from_a_list_or_one_string() {
        assert_eq!(probe(r#"{"names":["a",1,null,"b"]}"#).names, vec!["a", "b"]);
        assert_eq!(probe(r#"{"names":"solo"}"#).names, vec!["solo"]);
    }
}
