//! Console labels (`map<string, string>`), kept in the order Console sent them.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// Labels as a list of pairs: a few entries each, looked up by key rarely.
/// Serialised as a plain object.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(type = "Record<string, string>"))]
pub struct Labels(Vec<(String, String)>);

impl Labels {
    /// Sets `key`; a repeated key keeps its last value.
    pub fn insert(&mut self, key: String, value: String) {
        self.0.retain(|(k, _)| *k != key);
        self.0.push((key, value));
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Labels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Labels {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut labels = Labels::default();
        for (key, value) in pairs {
            labels.insert(key.into(), value.into());
        }
        labels
    }
}
