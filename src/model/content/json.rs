//! Reading the on-demand data (`data.json`) into the content types, without serde: a
//! small JSON parser (integers only, as the data has) and a [`Decode`] impl per type,
//! listing its fields. In the wasm this costs a fraction of what serde's derived
//! deserializers and `serde-wasm-bindgen` did (see bench/results.md); the types keep one
//! definition (`types.rs`), and a field added there without being added here fails to
//! compile. Natively it is checked against serde's reading of the same file.
//!
//! Anything unexpected (bad JSON, a missing field, a wrong type, a number out of range)
//! is `None`: the caller says the data is damaged. Unknown fields are ignored, a missing
//! or `null` optional field is `None`, as with serde.

use std::borrow::Cow;

use super::types::*;

/// A parsed JSON value. Numbers are non-negative integers (all the data holds).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(u64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Parses `text` as one JSON value (with nothing after it but white space).
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    /// The deepest nesting accepted (the data is 6 levels deep).
    const MAX_DEPTH: u32 = 32;

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let hit = self.s.get(self.i) == Some(&b);
        self.i += hit as usize;
        hit
    }

    fn word(&mut self, word: &[u8], v: Json) -> Option<Json> {
        self.s[self.i..].starts_with(word).then(|| {
            self.i += word.len();
            v
        })
    }

    fn value(&mut self, depth: u32) -> Option<Json> {
        if depth > Self::MAX_DEPTH {
            return None;
        }
        self.ws();
        Some(match *self.s.get(self.i)? {
            b'n' => self.word(b"null", Json::Null)?,
            b't' => self.word(b"true", Json::Bool(true))?,
            b'f' => self.word(b"false", Json::Bool(false))?,
            b'"' => Json::Str(self.string()?),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Json::Arr(items)
            }
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        fields.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Json::Obj(fields)
            }
            b'0'..=b'9' => {
                let start = self.i;
                let mut n: u64 = 0;
                while let Some(d @ b'0'..=b'9') = self.s.get(self.i) {
                    n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
                    self.i += 1;
                }
                // No leading zeros, fractions or exponents: the data has none.
                if (self.s[start] == b'0' && self.i - start > 1)
                    || matches!(self.s.get(self.i), Some(b'.' | b'e' | b'E'))
                {
                    return None;
                }
                Json::Num(n)
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        self.i += 4;
        digits.iter().try_fold(0, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
    }

    fn string(&mut self) -> Option<String> {
        if self.s.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        // Bytes copied as they are split only at ASCII, so they stay valid UTF-8.
        let mut out = Vec::new();
        loop {
            let b = *self.s.get(self.i)?;
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    let c = match e {
                        b'"' | b'\\' | b'/' => e,
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c) {
                                if self.s.get(self.i..self.i + 2)? != b"\\u" {
                                    return None;
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return None;
                                }
                                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                            }
                            let mut buf = [0; 4];
                            out.extend_from_slice(char::from_u32(c)?.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return None,
                    };
                    out.push(c);
                }
                0..=0x1f => return None,
                _ => out.push(b),
            }
        }
        String::from_utf8(out).ok()
    }
}

/// A value read from JSON.
pub trait Decode: Sized {
    fn decode(v: Json) -> Option<Self>;
}

/// Takes field `key` out of an object's fields (`null` if absent).
fn take(fields: &mut [(String, Json)], key: &str) -> Json {
    fields.iter_mut().find(|(k, _)| k == key).map_or(Json::Null, |(_, v)| std::mem::replace(v, Json::Null))
}

macro_rules! decode_int {
    ($($t:ty),*) => {$(
        impl Decode for $t {
            fn decode(v: Json) -> Option<Self> {
                match v {
                    Json::Num(n) => n.try_into().ok(),
                    _ => None,
                }
            }
        }
    )*};
}
decode_int!(u8, u16, u32);

impl Decode for bool {
    fn decode(v: Json) -> Option<Self> {
        match v {
            Json::Bool(b) => Some(b),
            _ => None,
        }
    }
}

impl Decode for Text {
    fn decode(v: Json) -> Option<Self> {
        match v {
            Json::Str(s) => Some(Cow::Owned(s)),
            _ => None,
        }
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: Json) -> Option<Self> {
        match v {
            Json::Null => Some(None),
            v => T::decode(v).map(Some),
        }
    }
}

fn items<T: Decode>(v: Json) -> Option<Vec<T>> {
    match v {
        Json::Arr(items) => items.into_iter().map(T::decode).collect(),
        _ => None,
    }
}

impl<T: Decode + Clone> Decode for List<T> {
    fn decode(v: Json) -> Option<Self> {
        items(v).map(Cow::Owned)
    }
}

impl Decode for (u32, u32) {
    fn decode(v: Json) -> Option<Self> {
        let [a, b]: [u32; 2] = items(v)?.try_into().ok()?;
        Some((a, b))
    }
}

impl Decode for [QuizOption; OPTION_COUNT] {
    fn decode(v: Json) -> Option<Self> {
        items(v)?.try_into().ok()
    }
}

/// An index type from its number (serde writes them as plain numbers).
macro_rules! decode_index {
    ($($t:ident($int:ty)),*) => {$(
        impl Decode for $t {
            fn decode(v: Json) -> Option<Self> {
                <$int>::decode(v).map(|n| $t::at(n as usize))
            }
        }
    )*};
}
decode_index!(SectionIx(u8), QuestionIx(u16), EventIx(u16), CellIx(u16));

/// An enum from its name as serde writes it.
macro_rules! decode_names {
    ($t:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl Decode for $t {
            fn decode(v: Json) -> Option<Self> {
                match v {
                    Json::Str(s) => match s.as_str() {
                        $($name => Some($t::$variant),)*
                        _ => None,
                    },
                    _ => None,
                }
            }
        }
    };
}
decode_names!(Tier { "episode" => Episode, "report" => Report, "outside" => Outside, "reconstruction" => Reconstruction });
decode_names!(Speaker { "KyleChan" => KyleChan, "GregoryAllen" => GregoryAllen });
decode_names!(Difficulty { "easy" => Easy, "medium" => Medium, "hard" => Hard });
decode_names!(ClaimKind { "text" => Text, "figure" => Figure, "name" => Name });

/// A struct from an object with a field of each name (serde's names: the Rust ones).
macro_rules! decode_struct {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Decode for $t {
            fn decode(v: Json) -> Option<Self> {
                let Json::Obj(mut fields) = v else { return None };
                Some($t { $($field: Decode::decode(take(&mut fields, stringify!($field)))?,)* })
            }
        }
    };
}
decode_struct!(Data { version, sections, questions, points, events });
decode_struct!(Section { id, title, lines });
decode_struct!(Question { id, section, difficulty, prompt, options, correct, sources, cells });
decode_struct!(QuizOption { text, why });
decode_struct!(Claim { kind, text, zh, by, tier });
decode_struct!(Source { tier, quote, lines, speaker, speaker_note, url, label, note });
decode_struct!(Event { id, date, title, claims, sources, cells, questions });
decode_struct!(Point { id, section, text, quote, cells });

/// Reads the on-demand data from JSON text; `None` if it is not what the build writes.
pub fn read_data(text: &str) -> Option<Data> {
    Data::decode(parse(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::DATA_JSON;

    #[test]
    fn reads_the_builds_data_as_serde_does() {
        let ours = read_data(DATA_JSON).expect("the build's data.json reads");
        let serdes: Data = serde_json::from_str(DATA_JSON).unwrap();
        assert_eq!(ours, serdes);
        assert!(!ours.questions.is_empty() && !ours.points.is_empty() && !ours.events.is_empty());
    }

    #[test]
    fn parses_json_as_the_standard_says() {
        assert_eq!(
            parse(r#" {"a": [1, true, null, "x"], "b": {}} "#),
            Some(Json::Obj(vec![
                ("a".into(), Json::Arr(vec![Json::Num(1), Json::Bool(true), Json::Null, Json::Str("x".into())])),
                ("b".into(), Json::Obj(vec![])),
            ]))
        );
        // Escapes, including a surrogate pair and the escaped "<" of the inline copy.
        assert_eq!(parse(r#""a\"\\\/\n\t\u003c\u00e9\ud83d\ude00""#), Some(Json::Str("a\"\\/\n\t<é😀".into())));
        assert_eq!(parse("\"中文 – ok\""), Some(Json::Str("中文 – ok".into())));
        assert_eq!(parse("[]"), Some(Json::Arr(vec![])));
        assert_eq!(parse("0"), Some(Json::Num(0)));
    }

    #[test]
    fn refuses_what_is_not_json_or_not_the_data() {
        for bad in [
            "",
            "{",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "nul",
            "\"abc",
            "\"\\x\"",
            "\"\\ud83d\"",
            "01",
            "1.5",
            "-1",
            "1e3",
            "18446744073709551616",
            "\"a\u{1}\"",
            "[1] x",
            "{a:1}",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        let deep = "[".repeat(40) + &"]".repeat(40);
        assert_eq!(parse(&deep), None, "too deep");
        // Valid JSON that is not the data.
        assert!(read_data("{}").is_none());
        assert!(read_data("[]").is_none());
        let truncated = &DATA_JSON[..DATA_JSON.len() / 2];
        assert!(read_data(truncated).is_none());
        // A field of the wrong type, an index out of its type's range, a fifth option.
        let wrong_type = DATA_JSON.replacen("\"correct\":", "\"correct\":\"x\",\"was\":", 1);
        assert!(read_data(&wrong_type).is_none());
        let out_of_range = DATA_JSON.replacen("\"section\":0", "\"section\":300", 1);
        assert!(read_data(&out_of_range).is_none());
        // Unknown fields are ignored, as serde does.
        let extra = DATA_JSON.replacen("{\"version\":", "{\"comment\":[1,{}],\"version\":", 1);
        assert_eq!(read_data(&extra), read_data(DATA_JSON));
    }
}
