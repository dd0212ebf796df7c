//! The compact, versioned text progress is stored in, and the storage keys.

use super::progress::{Answer, Progress, Stage};
use crate::model::config::QuizLength;
use crate::model::content::{Data, QuestionIx};

/// The storage key's prefix. The version is part of the key, so a future format never
/// reads this one by mistake (and the blob repeats it, for belt and braces).
pub const STORAGE_KEY: &str = "full-stack-quiz-v1";

/// The format version written at the start of every stored blob.
const FORMAT: &str = "1";

/// Longest blob `decode` looks at; anything longer is not ours.
const MAX_BLOB: usize = 16 * 1024;

/// The storage key for a widget instance. Several quizzes on one page each pass their
/// own id; ids are cut down to `[A-Za-z0-9_-]`, at most 40 characters. No id (or an id
/// with nothing usable) is the single default key.
pub fn storage_key(instance: Option<&str>) -> String {
    let clean = clean_id(instance.unwrap_or(""), 40);
    if clean.is_empty() {
        STORAGE_KEY.to_string()
    } else {
        format!("{STORAGE_KEY}:{clean}")
    }
}

/// The storage key of a quiz drawn from some sections only (`ids`, in episode order), from
/// the widget's key: `<key>~<hash of the ids>`, so a post's quiz on two sections and the
/// whole quiz on the same page keep their own progress. No sections: `key` itself.
pub fn scoped_key(key: &str, ids: &[&str]) -> String {
    if ids.is_empty() {
        return key.to_string();
    }
    let joined = ids.join(",");
    let hash = joined.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193));
    format!("{key}~{hash:08x}")
}

/// The storage instance of a `<full-stack-explainer>`: `id-<id>` from its `id`
/// attribute when that has usable characters (it stays put when elements are added or
/// moved), else `el-<place>`, its place among the page's elements in document order
/// (1 for the first). Several elements on a page thus never share progress, and each
/// finds its own again after a reload.
pub fn element_instance(id: Option<&str>, place: u32) -> String {
    let clean = clean_id(id.unwrap_or(""), 37);
    if clean.is_empty() {
        format!("el-{place}")
    } else {
        format!("id-{clean}")
    }
}

/// `id` cut down to `[A-Za-z0-9_-]`, at most `max` characters.
fn clean_id(id: &str, max: usize) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(max).collect()
}

/// Encodes progress as a short line of text:
/// `1|<length q/f>|<seed hex>|<stage a/s>|<cursor>|<retry 0/1>|<first try s-t or ->|<id>=<chosen or ->[!],...`
/// where `!` marks a checked answer. Question ids (not indexes) are stored, so a
/// content change that drops a question is noticed. An empty quiz encodes as "".
pub fn encode(p: &Progress, data: &Data) -> String {
    let stage = match p.stage {
        Stage::Empty => return String::new(),
        Stage::Asking => 'a',
        Stage::Summary => 's',
    };
    let length = match p.length {
        QuizLength::Quick => 'q',
        QuizLength::Full => 'f',
    };
    let first = match p.first_try {
        Some((s, t)) => format!("{s}-{t}"),
        None => "-".into(),
    };
    let mut out =
        format!("{FORMAT}|{length}|{:x}|{stage}|{}|{}|{first}|", p.seed, p.cursor, if p.retry { 1 } else { 0 });
    for (i, (q, a)) in p.questions.iter().zip(&p.answers).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(data.question(*q).map_or("", |q| &q.id));
        out.push('=');
        match a.chosen {
            Some(c) => out.push(char::from(b'0' + c.min(9))),
            None => out.push('-'),
        }
        if a.checked {
            out.push('!');
        }
    }
    out
}

/// Decodes a stored blob. Returns `None` for anything that is not a well-formed,
/// current-version blob describing a possible quiz: the caller then starts afresh.
/// Questions that no longer exist are dropped (the rest of the reader's progress is
/// kept); if none is left, or what is left breaks the rules, the blob is discarded.
pub fn decode(blob: &str, data: &Data) -> Option<Progress> {
    if blob.len() > MAX_BLOB {
        return None;
    }
    let mut f = blob.split('|');
    if f.next()? != FORMAT {
        return None;
    }
    let length = match f.next()? {
        "q" => QuizLength::Quick,
        "f" => QuizLength::Full,
        _ => return None,
    };
    let seed = parse_hex(f.next()?)?;
    let stage = match f.next()? {
        "a" => Stage::Asking,
        "s" => Stage::Summary,
        _ => return None,
    };
    let cursor = parse_small(f.next()?)? as usize;
    let retry = match f.next()? {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    let first_try = match f.next()? {
        "-" => None,
        st => {
            let (s, t) = st.split_once('-')?;
            Some((parse_small(s)?, parse_small(t)?))
        }
    };
    let items = f.next()?;
    if f.next().is_some() || items.is_empty() {
        return None;
    }
    let mut p =
        Progress { stage, length, seed, cursor: 0, retry, first_try, questions: Vec::new(), answers: Vec::new() };
    // The reader's position, moved back past any dropped questions.
    let mut kept_before_cursor = 0;
    let mut dropped = false;
    for (i, item) in items.split(',').enumerate() {
        if i >= data.questions.len() {
            return None;
        }
        let (id, ans) = item.split_once('=')?;
        let (chosen, checked) = match ans.strip_suffix('!') {
            Some(c) => (c, true),
            None => (ans, false),
        };
        let chosen = match chosen {
            "-" => None,
            c if c.len() == 1 && matches!(c.as_bytes()[0], b'0'..=b'3') => Some(c.as_bytes()[0] - b'0'),
            _ => return None,
        };
        if id.is_empty() || id.len() > 64 {
            return None;
        }
        let Some(q) = data.questions.iter().position(|q| q.id == id).map(QuestionIx::at) else {
            // Removed from the content since it was stored: drop it.
            dropped = true;
            continue;
        };
        if i < cursor {
            kept_before_cursor += 1;
        }
        p.questions.push(q);
        p.answers.push(Answer { chosen, checked });
    }
    if p.questions.is_empty() {
        return None;
    }
    p.cursor = kept_before_cursor;
    if dropped {
        // Questions went missing: resume at the nearest sensible place.
        p.cursor = p.cursor.min(p.frontier()).min(p.questions.len() - 1);
        if p.stage == Stage::Summary && !p.all_checked() {
            p.stage = Stage::Asking;
        }
    }
    p.validate(data).ok()?;
    Some(p)
}

/// 1 to 8 hex digits.
fn parse_hex(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// 1 to 4 decimal digits.
fn parse_small(s: &str) -> Option<u16> {
    crate::model::parse_digits(s, 4)
}
