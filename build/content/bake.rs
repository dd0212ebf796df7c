//! Baking: the chart ([`Content`]) becomes a Rust expression of the crate's own types,
//! compiled into the binary as `&'static` data; the rest ([`Data`]) becomes JSON, loaded
//! on demand, and carries a version the binary checks.
//!
//! [`Bake`] writes a value as Rust source, in the manner of ICU4X's `databake`: each type
//! says how it is written once, and a round-trip test (`tests/content.rs`) checks that the
//! baked data equals what the validator produced.

use std::borrow::Cow;

use super::types::*;

/// Writes a value as a Rust expression.
pub trait Bake {
    fn bake(&self, out: &mut String);
}

impl Bake for str {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("{self:?}"));
    }
}

impl Bake for Cow<'static, str> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(");
        self.as_ref().bake(out);
        out.push(')');
    }
}

impl<T: Bake + Clone> Bake for Cow<'static, [T]> {
    fn bake(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            item.bake(out);
        }
        out.push_str("])");
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.bake(out);
                out.push(')');
            }
        }
    }
}

impl Bake for (u32, u32) {
    fn bake(&self, out: &mut String) {
        out.push_str(&format!("({}, {})", self.0, self.1));
    }
}

macro_rules! bake_number {
    ($($t:ty),*) => {$(
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )*};
}
bake_number!(u8, u16, u32);

macro_rules! bake_index {
    ($($t:ident),*) => {$(
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                out.push_str(&format!("{}::at({})", stringify!($t), self.get()));
            }
        }
    )*};
}
bake_index!(LayerIx, ToolIx, CellIx, QuestionIx, EventIx, SectionIx);

/// Fieldless enums, written by their `Debug` name.
macro_rules! bake_enum {
    ($($t:ident),*) => {$(
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                out.push_str(&format!("{}::{:?}", stringify!($t), self));
            }
        }
    )*};
}
bake_enum!(Tier, Speaker, ClaimKind, Difficulty);

/// Structs, field by field.
macro_rules! bake_struct {
    ($($t:ident { $($field:ident),* $(,)? })*) => {$(
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($t), " { "));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.bake(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    )*};
}
bake_struct! {
    Source { tier, quote, lines, speaker, speaker_note, url, label, note }
    Claim { kind, text, zh, by, tier }
    Layer { id, name, description }
    Tool { id, name, short, report_wording, description }
    Entry { title, claims, sources }
    Cell { layer, tool, tier, summary, entries, sources, questions, events }
    Content { layers, tools, cells, grid, question_ids, event_ids, section_ids, data_version }
}

/// The chart as a Rust expression of type `Content` (in scope: the types and `Cow`).
pub fn to_rust(content: &Content) -> String {
    let mut out = String::new();
    content.bake(&mut out);
    out
}

/// FNV-1a, 64 bits: a version that changes whenever the data does.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// `data` with its version set: a hash of everything else in it.
pub fn with_version(mut data: Data) -> Data {
    data.version = Cow::Borrowed("");
    let json = serde_json::to_string(&data).expect("content serialises");
    data.version = Cow::Owned(format!("{:016x}", fnv(json.as_bytes())));
    data
}

/// The on-demand data as JSON (`data.json`).
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("content serialises")
}
