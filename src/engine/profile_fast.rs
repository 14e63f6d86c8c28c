//! A fast way to read a plain, valid profile from JSON text, for `umbral batch`: straight from
//! the text into the answers, without building a JSON tree first (which, with its maps and
//! strings, took a fifth of the time `batch` spent on a profile).
//!
//! It gives up (`None`) at anything but a plain, valid profile: any problem, an `extra`
//! object, a key given twice. The caller then reads the text with [`Profile::from_json`],
//! which names every problem. Each value is checked by the same [`decode_value`] as there, so
//! whatever this returns is what `from_json` returns (`tests/share.rs` holds the two equal).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value as Json;

use super::profile::{
    core_field, core_fields, decode_value, group_fields, is_region, Profile, Value, COUNTRIES,
    PROFILE_SCHEMA, PROFILE_SCHEMA_V1, TOP_LEVEL,
};

impl Profile {
    /// The profile in `text`, read straight from the text, if it is a plain, valid profile;
    /// `None` at anything else (any problem, an `extra` object, a key given twice), and then
    /// [`Profile::from_json`] says what is wrong. Whatever it returns is what `from_json`
    /// returns; it is faster because it builds no JSON tree (for `umbral batch`).
    pub fn from_json_fast(text: &str) -> Option<Profile> {
        let mut de = serde_json::Deserializer::from_str(text);
        let profile = de.deserialize_map(Root).ok()?;
        de.end().ok()?;
        Some(profile)
    }
}

/// Maps a key to its place in a list of names, without copying it.
struct KeyIn(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeyIn {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIn {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|k| *k == key))
    }
}

/// The names of `TOP_LEVEL`, for [`KeyIn`].
fn top_level_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| TOP_LEVEL.iter().map(|(k, _)| *k).collect())
}

/// Each group's member names, in the order of [`group_fields`], for [`KeyIn`].
fn member_names(group: &str) -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    let all = NAMES.get_or_init(|| {
        TOP_LEVEL
            .iter()
            .map(|(g, _)| (*g, group_fields(g).iter().map(|(m, _)| *m).collect()))
            .collect()
    });
    all.iter()
        .find(|(g, _)| *g == group)
        .map_or(&[], |(_, names)| names.as_slice())
}

struct Root;

impl<'de> Visitor<'de> for Root {
    type Value = Profile;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a profile")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Profile, A::Error> {
        let give_up = || serde::de::Error::custom("");
        let names = top_level_names();
        let mut profile = Profile::new("");
        let mut seen = 0u64;
        let mut version = None;
        let mut newest_field = 1;
        while let Some(key) = map.next_key_seed(KeyIn(names))? {
            let i = key.ok_or_else(give_up)?;
            if seen & (1 << i) != 0 {
                return Err(give_up());
            }
            seen |= 1 << i;
            match names[i] {
                "schema" => {
                    let schema: &str = map.next_value()?;
                    version = Some(match schema {
                        PROFILE_SCHEMA => 2,
                        PROFILE_SCHEMA_V1 => 1,
                        _ => return Err(give_up()),
                    });
                }
                "country" => {
                    let country: &str = map.next_value()?;
                    if !COUNTRIES.contains(&country) {
                        return Err(give_up());
                    }
                    profile.country = country.to_string();
                }
                "label" => {
                    let label: String = map.next_value()?;
                    if label.chars().count() > 200 {
                        return Err(give_up());
                    }
                    profile.label = Some(label);
                }
                "region" => {
                    let region: &str = map.next_value()?;
                    if !is_region(region) {
                        return Err(give_up());
                    }
                    let ix = core_field("region").expect("region is a field");
                    profile.set(ix, Some(Value::Text(region.to_string())));
                }
                "extra" => return Err(give_up()),
                name => {
                    if TOP_LEVEL[i].1 > newest_field {
                        newest_field = TOP_LEVEL[i].1;
                    }
                    match core_field(name) {
                        // A field at the top level (locality, sector, size, goal).
                        Some(ix) => {
                            let value: Json = map.next_value()?;
                            let decoded = decode_value(&core_fields()[ix].kind, &value)
                                .map_err(|_| give_up())?;
                            profile.set(ix, Some(decoded));
                        }
                        None => {
                            let newest = map.next_value_seed(Group {
                                name,
                                profile: &mut profile,
                            })?;
                            newest_field = newest_field.max(newest);
                        }
                    }
                }
            }
        }
        // Schema and country are required, and a version 1 profile has no newer field.
        match version {
            Some(v) if v >= newest_field && !profile.country.is_empty() => Ok(profile),
            _ => Err(give_up()),
        }
    }
}

/// One group of fields (`connectivity`, `skills`, …) read into the profile; its value is the
/// newest profile version among the fields given.
struct Group<'a> {
    name: &'a str,
    profile: &'a mut Profile,
}

impl<'de> DeserializeSeed<'de> for Group<'_> {
    type Value = u8;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u8, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Group<'_> {
    type Value = u8;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a group of fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u8, A::Error> {
        let give_up = || serde::de::Error::custom("");
        let fields = group_fields(self.name);
        let names = member_names(self.name);
        let mut seen = 0u64;
        let mut newest = 1;
        while let Some(key) = map.next_key_seed(KeyIn(names))? {
            let Some(i) = key else {
                map.next_value::<IgnoredAny>()?;
                return Err(give_up());
            };
            if seen & (1 << i) != 0 {
                return Err(give_up());
            }
            seen |= 1 << i;
            let ix = fields[i].1;
            let field = &core_fields()[ix];
            newest = newest.max(field.since);
            let value: Json = map.next_value()?;
            let decoded = decode_value(&field.kind, &value).map_err(|_| give_up())?;
            self.profile.set(ix, Some(decoded));
        }
        Ok(newest)
    }
}
