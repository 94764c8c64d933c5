//! The required fields of a type, found by deserializing it from a probe.
//!
//! serde reports one missing field per run: a derived `Deserialize` stops at the first required
//! field that is absent. To report every absent required field of a mapping at once, the
//! recovery needs the list of required fields of the struct at that path. serde does not expose
//! it, so [`required_fields`] asks the type itself: it deserializes `T` from a [`Probe`] that
//! offers no fields, records the field serde says is missing (and where), offers that one too
//! (with a placeholder value of whatever type is asked for), and repeats until `T` builds. Fields
//! with a default and optional fields are never asked for, so exactly the required ones are
//! found, in declaration order, for every struct reachable through required fields and list
//! items. Pure and in memory: a few dozen tiny deserializations, only when a file has a missing
//! field.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

/// Required fields by path: `` for the top level, `budget[]` for the items of a list (any
/// index), `region` for a nested struct.
pub type Required = HashMap<String, Vec<&'static str>>;

/// Most probe runs (one per required field found).
const MAX_RUNS: usize = 256;

/// The required fields of every struct in `T` (see the module documentation).
pub fn required_fields<T: DeserializeOwned>() -> Required {
    let mut required = Required::new();
    // Struct paths whose required fields are all known: they are offered every field, so the
    // structs inside optional fields (`budget[]`, `rpjmd`) are reached too.
    let mut expanded: HashSet<String> = HashSet::new();
    for _ in 0..MAX_RUNS {
        let seen = RefCell::new(HashSet::new());
        let probe = Probe {
            path: String::new(),
            required: &required,
            expanded: &expanded,
            seen: &seen,
        };
        match T::deserialize(probe) {
            Ok(_) => {
                let new: Vec<String> = seen
                    .into_inner()
                    .into_iter()
                    .filter(|p| !expanded.contains(p))
                    .collect();
                if new.is_empty() {
                    break;
                }
                expanded.extend(new);
            }
            Err(ProbeError::Missing {
                field,
                path: Some(path),
            }) => {
                let fields = required.entry(path).or_default();
                if fields.contains(&field) {
                    break;
                }
                fields.push(field);
            }
            Err(_) => break,
        }
    }
    required
}

/// A path with its list indexes blanked: `programs[3].budget[0]` -> `programs[].budget[]`.
pub fn normalise(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[derive(Debug)]
enum ProbeError {
    /// A required field is absent; `path` is filled in by the struct that lacks it.
    Missing {
        field: &'static str,
        path: Option<String>,
    },
    Other,
}

impl fmt::Display for ProbeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for ProbeError {}

impl de::Error for ProbeError {
    fn custom<M: fmt::Display>(_msg: M) -> Self {
        ProbeError::Other
    }

    fn missing_field(field: &'static str) -> Self {
        ProbeError::Missing { field, path: None }
    }
}

/// A deserializer that builds any derived type: structs get the fields in `required` for their
/// path, lists one item, enums their first variant, scalars a placeholder.
struct Probe<'r> {
    path: String,
    required: &'r Required,
    expanded: &'r HashSet<String>,
    /// The struct paths this run reached.
    seen: &'r RefCell<HashSet<String>>,
}

/// Deepest path the probe descends to (a recursive type would otherwise not end).
const MAX_PATH: usize = 512;

impl<'r> Probe<'r> {
    fn child(&self, segment: &str) -> Probe<'r> {
        let path = if self.path.is_empty() || segment.starts_with('[') {
            format!("{}{segment}", self.path)
        } else {
            format!("{}.{segment}", self.path)
        };
        Probe {
            path,
            required: self.required,
            expanded: self.expanded,
            seen: self.seen,
        }
    }
}

struct Fields<'r> {
    probe: Probe<'r>,
    keys: Vec<&'static str>,
    next: usize,
}

impl<'de, 'r> de::MapAccess<'de> for Fields<'r> {
    type Error = ProbeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ProbeError> {
        let Some(key) = self.keys.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize((*key).into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ProbeError> {
        let key = self.keys.get(self.next).copied().unwrap_or("");
        self.next += 1;
        seed.deserialize(self.probe.child(key))
    }
}

struct Items<'r> {
    probe: Probe<'r>,
    left: usize,
}

impl<'de, 'r> de::SeqAccess<'de> for Items<'r> {
    type Error = ProbeError;

    fn next_element_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, ProbeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(self.probe.child("[]")).map(Some)
    }
}

impl<'de, 'r> de::Deserializer<'de> for Probe<'r> {
    type Error = ProbeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_u64(1)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_bool(false)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_i8(1)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_i16(1)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_i32(1)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_i64(1)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_u8(1)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_u16(1)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_u32(1)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_u64(1)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_f32(1.0)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_f64(1.0)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_char('x')
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_str("x")
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_str("x")
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_bytes(b"x")
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_bytes(b"x")
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        // Optional fields are only offered in expanded structs, to reach what they hold.
        visitor.visit_some(self)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        visitor.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        visitor.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_seq(Items {
            probe: self,
            left: 1,
        })
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        visitor.visit_seq(Items {
            probe: self,
            left: len,
        })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        self.deserialize_tuple(len, visitor)
    }
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_map(Fields {
            probe: self,
            keys: Vec::new(),
            next: 0,
        })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        if self.path.len() > MAX_PATH {
            return Err(ProbeError::Other);
        }
        let path = self.path.clone();
        self.seen.borrow_mut().insert(path.clone());
        let keys = if self.expanded.contains(&path) {
            fields.to_vec()
        } else {
            self.required.get(&path).cloned().unwrap_or_default()
        };
        visitor
            .visit_map(Fields {
                probe: self,
                keys,
                next: 0,
            })
            .map_err(|e| match e {
                // The innermost struct that lacks the field names itself.
                ProbeError::Missing { field, path: None } => ProbeError::Missing {
                    field,
                    path: Some(path),
                },
                other => other,
            })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ProbeError> {
        let first = variants.first().copied().ok_or(ProbeError::Other)?;
        visitor.visit_enum(first.into_deserializer())
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_str("x")
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ProbeError> {
        visitor.visit_unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Masterplan, Pokja, Program};

    #[test]
    fn finds_the_required_fields_in_order() {
        let r = required_fields::<Program>();
        assert_eq!(
            r[""],
            ["id", "name", "element", "category", "lead", "start", "end"]
        );
        let r = required_fields::<Pokja>();
        assert_eq!(r[""], ["dimension", "coordinator"]);
        let r = required_fields::<Masterplan>();
        assert_eq!(r[""], ["region", "period", "vision", "missions", "opd"]);
        assert!(
            r["region"].contains(&"name") && r["region"].contains(&"type"),
            "{r:?}"
        );
        assert!(r["opd[]"].contains(&"code"), "{r:?}");
        // Inside optional fields too.
        let r = required_fields::<Pokja>();
        assert_eq!(r["programs[].budget[]"], ["source", "amount"], "{r:?}");
        assert_eq!(r["programs[].indicators[]"], ["name"], "{r:?}");
    }

    #[test]
    fn normalises_indexes() {
        assert_eq!(
            normalise("programs[3].budget[10].amount"),
            "programs[].budget[].amount"
        );
        assert_eq!(normalise(""), "");
    }
}
