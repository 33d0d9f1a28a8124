//! JSON in and out of the core without serde (see `read` for why).

mod number;
mod read;
mod write;

pub use number::Number;
pub use read::{for_each_item, parse, ItemsError, Json};
pub use write::{item_separator, object, to_string, ToJson};
