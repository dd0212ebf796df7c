//! The quiz's pure logic: which questions a quiz asks and in what option order (seeded,
//! so a given seed always gives the same quiz), scoring, the words of the verdicts, and
//! the compact format progress is stored in.
//!
//! Nothing here touches the DOM or storage; `state::quiz` drives it and `host::storage`
//! keeps the encoded string.

use super::config::QuizLength;
use super::content::{Content, Question};

/// Questions in a quick quiz.
pub const QUICK_LEN: usize = 10;

/// The storage key's prefix. The version is part of the key, so a future format never
/// reads this one by mistake (and the blob repeats it, for belt and braces).
pub const STORAGE_KEY: &str = "full-stack-quiz-v1";

/// The seed of the "edition": the round every reader gets first, before any reload or
/// "Start over". It is fixed (the RAND report's date, 26 June 2025), so everyone starts
/// with the same ten questions in the same option order, the page can be rendered at
/// build time with question 1 in it, and two readers' "7 of 10" compare. "Start over"
/// draws a fresh seed. Changing it changes every reader's first quiz: keep it.
pub const EDITION_SEED: u32 = 20_250_626;

/// The format version written at the start of every stored blob.
const FORMAT: &str = "1";

/// Longest blob `decode` looks at; anything longer is not ours.
const MAX_BLOB: usize = 16 * 1024;

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/// SplitMix64: small, fast and well mixed. Not for secrets.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift on the high 32 bits.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// FNV-1a, to give each question its own stream from one seed.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The order a question's options are shown in: `order[k]` is the index (into
/// `Question::options`) of the option in position `k`. Depends only on the seed and the
/// question's id, so a stored quiz shows the same order after a reload.
pub fn option_order(seed: u32, question_id: &str) -> [u8; 4] {
    let mut order = [0u8, 1, 2, 3];
    Rng::new(hash(question_id) ^ ((seed as u64) << 17)).shuffle(&mut order);
    order
}

/// The questions (indexes into `content.questions`, in episode order) a quiz of this
/// length asks with this seed. The quick quiz takes one question from every section
/// (from as many sections as it has room for), then fills up at random.
pub fn pick(content: &Content, length: QuizLength, seed: u32) -> Vec<u16> {
    let all = content.questions.len().min(u16::MAX as usize);
    if length == QuizLength::Full || all <= QUICK_LEN {
        return (0..all as u16).collect();
    }
    let mut rng = Rng::new(seed as u64 ^ 0x5EED_0F0F_u64);
    let mut sections: Vec<usize> = (0..content.sections.len()).collect();
    rng.shuffle(&mut sections);
    let mut picked = vec![false; all];
    let mut count = 0;
    for s in sections {
        if count == QUICK_LEN {
            break;
        }
        let pool: Vec<usize> = (0..all).filter(|&q| content.questions[q].section == s).collect();
        if !pool.is_empty() {
            picked[pool[rng.below(pool.len())]] = true;
            count += 1;
        }
    }
    let mut rest: Vec<usize> = (0..all).filter(|&q| !picked[q]).collect();
    rng.shuffle(&mut rest);
    for q in rest.into_iter().take(QUICK_LEN - count) {
        picked[q] = true;
    }
    // In episode order (the content's order).
    (0..all as u16).filter(|&q| picked[q as usize]).collect()
}

/// A seed for a practice question: fixed per question, so the server-rendered page and
/// the live widget agree.
pub fn practice_seed(question_id: &str) -> u32 {
    hash(question_id) as u32
}

// ---------------------------------------------------------------------------
// Progress and scoring
// ---------------------------------------------------------------------------

/// A reader's answer to one question. `chosen` is an index into `Question::options`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Answer {
    pub chosen: Option<u8>,
    /// Locked by Check.
    pub checked: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stage {
    /// Nothing to ask (content without questions, or a practice question that does not
    /// exist). A quiz never starts here: it opens at question 1.
    #[default]
    Empty,
    /// Answering (or looking back at) `Progress::cursor`.
    Asking,
    /// The end-of-round summary.
    Summary,
}

/// Everything about a quiz in progress: what is asked, what was answered, where the
/// reader is. This is what is stored.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    pub stage: Stage,
    pub length: QuizLength,
    pub seed: u32,
    /// Indexes into `Content::questions`, in the order asked.
    pub questions: Vec<u16>,
    /// One per question.
    pub answers: Vec<Answer>,
    /// The question shown (index into `questions`).
    pub cursor: usize,
    /// This round retries the questions missed in the previous one.
    pub retry: bool,
    /// The score of the first full round (correct, total), kept through retries.
    pub first_try: Option<(u16, u16)>,
}

/// Correct answers out of answered (checked) questions, and the round's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Score {
    pub correct: u16,
    pub answered: u16,
    pub total: u16,
}

pub fn is_correct(q: &Question, a: Answer) -> bool {
    a.checked && a.chosen == Some(q.correct as u8)
}

impl Progress {
    /// A fresh round of `length` with `seed`, at question 1.
    pub fn new(content: &Content, length: QuizLength, seed: u32) -> Progress {
        Progress::of(pick(content, length, seed), length, seed)
    }

    /// A round asking exactly `questions`.
    pub fn of(questions: Vec<u16>, length: QuizLength, seed: u32) -> Progress {
        let stage = if questions.is_empty() { Stage::Empty } else { Stage::Asking };
        Progress {
            stage,
            length,
            seed,
            answers: vec![Answer::default(); questions.len()],
            questions,
            cursor: 0,
            retry: false,
            first_try: None,
        }
    }

    /// A round nobody has touched: at question 1 of a fresh round (not a retry), nothing
    /// chosen or checked. Stored progress may replace it; nothing else may be replaced.
    pub fn untouched(&self) -> bool {
        self.stage == Stage::Asking
            && self.cursor == 0
            && !self.retry
            && self.first_try.is_none()
            && self.answers.iter().all(|a| *a == Answer::default())
    }

    /// Nothing checked yet in a first round (not a retry): the quiz's explanation and
    /// the choice of length are still offered above question 1.
    pub fn unanswered(&self) -> bool {
        self.stage == Stage::Asking && !self.retry && self.answers.iter().all(|a| !a.checked)
    }

    /// The index of the first question not yet checked (`questions.len()` when all are).
    pub fn frontier(&self) -> usize {
        self.answers.iter().position(|a| !a.checked).unwrap_or(self.answers.len())
    }

    pub fn all_checked(&self) -> bool {
        self.frontier() == self.answers.len()
    }

    /// The question shown and its answer, while asking.
    pub fn current(&self) -> Option<(usize, Answer)> {
        if self.stage != Stage::Asking {
            return None;
        }
        Some((*self.questions.get(self.cursor)? as usize, *self.answers.get(self.cursor)?))
    }

    pub fn score(&self, content: &Content) -> Score {
        let mut s = Score { total: self.questions.len() as u16, ..Score::default() };
        for (q, a) in self.questions.iter().zip(&self.answers) {
            if a.checked {
                s.answered += 1;
                if content.questions.get(*q as usize).is_some_and(|q| is_correct(q, *a)) {
                    s.correct += 1;
                }
            }
        }
        s
    }

    /// The questions answered wrongly (or not answered), in the order asked.
    pub fn missed(&self, content: &Content) -> Vec<u16> {
        self.questions
            .iter()
            .zip(&self.answers)
            .filter(|(q, a)| !content.questions.get(**q as usize).is_some_and(|q| is_correct(q, **a)))
            .map(|(q, _)| *q)
            .collect()
    }

    /// The rules every progress value obeys (the reducer keeps them; stored data is
    /// checked against them). Returns what is wrong.
    pub fn validate(&self, content: &Content) -> Result<(), &'static str> {
        let n = self.questions.len();
        if self.answers.len() != n {
            return Err("one answer per question");
        }
        if self.stage == Stage::Empty {
            return if n == 0 { Ok(()) } else { Err("questions in an empty quiz") };
        }
        if n == 0 {
            return Err("no questions");
        }
        if n > content.questions.len() {
            return Err("more questions than exist");
        }
        for (i, q) in self.questions.iter().enumerate() {
            if *q as usize >= content.questions.len() {
                return Err("unknown question");
            }
            if self.questions[..i].contains(q) {
                return Err("a question asked twice");
            }
        }
        let frontier = self.frontier();
        for (i, a) in self.answers.iter().enumerate() {
            if a.chosen.is_some_and(|c| c >= 4) {
                return Err("no such option");
            }
            if a.checked && a.chosen.is_none() {
                return Err("checked with nothing chosen");
            }
            if i > frontier && (a.checked || a.chosen.is_some()) {
                return Err("an answer beyond the first unanswered question");
            }
        }
        if self.cursor >= n || self.cursor > frontier {
            return Err("cursor beyond the first unanswered question");
        }
        if self.stage == Stage::Summary && frontier != n {
            return Err("summary before every question is answered");
        }
        if let Some((s, t)) = self.first_try {
            if s > t || t == 0 || t as usize > content.questions.len() {
                return Err("impossible first-try score");
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// The short result the live region announces after Check.
pub fn announcement(q: &Question, chosen: u8) -> String {
    if chosen as usize == q.correct {
        "Correct.".to_string()
    } else {
        format!("Not quite: the answer is {}.", q.options[q.correct].text)
    }
}

/// A friendly line for a score.
pub fn verdict(correct: u16, total: u16) -> &'static str {
    if total == 0 {
        return "";
    }
    let pct = correct as u32 * 100 / total as u32;
    match pct {
        100 => "A perfect score: you know this episode inside out.",
        80..=99 => "Excellent: you caught nearly all of the key facts.",
        60..=79 => "Good going: most of the key facts stuck.",
        40..=59 => "Not bad: the explanations below fill in the rest.",
        _ => "A tough quiz: the explanations below are the quickest way to catch up.",
    }
}

/// The text "Share result" copies.
pub fn share_text(correct: u16, total: u16, link: &str) -> String {
    let mut t = format!(
        "I scored {correct} of {total} on the Full Stack quiz about China\u{2019}s industrial policy for AI (AI Policy Podcast, CSIS, with Kyle Chan)."
    );
    if !link.is_empty() {
        t.push(' ');
        t.push_str(link);
    }
    t
}

/// The page address for a shared result: `page` without its fragment, plus
/// `#quiz/result/<correct>-<total>`; "" (no link) when there is no page.
pub fn share_link(page: &str, correct: u16, total: u16) -> String {
    let base = page.split('#').next().unwrap_or("");
    if base.is_empty() {
        return String::new();
    }
    format!("{base}#quiz/result/{correct}-{total}")
}

/// The page a shared result links to, from a candidate address (the page's own, or
/// where the custom element says the widget is hosted): an absolute `http`, `https` or
/// `file` URL, cut at its fragment. `None` for anything else (another scheme, no host,
/// spaces or control characters, more than 2048 bytes). The result is only ever text.
pub fn share_page(candidate: &str) -> Option<&str> {
    let url = candidate.split('#').next().unwrap_or("");
    if url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    // Char searches only: a substring search ("://") costs the wasm 2 KB.
    let colon = url.find(':')?;
    let (scheme, rest) = (&url[..colon], url[colon + 1..].strip_prefix("//")?);
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let ok = if web {
        !rest.is_empty() && !rest.starts_with('/')
    } else {
        scheme.eq_ignore_ascii_case("file") && rest.contains('/')
    };
    ok.then_some(url)
}

/// `file` in the same folder as `page`, whose query and fragment are dropped:
/// `https://x.org/a/embed.html?view=quiz#quiz` gives `https://x.org/a/index.html`.
pub fn sibling(page: &str, file: &str) -> String {
    let page = page.split(['#', '?']).next().unwrap_or("");
    let path_from = page.find(':').filter(|i| page[i + 1..].starts_with("//")).map_or(0, |i| i + 3);
    match page[path_from..].rfind('/') {
        Some(i) => format!("{}{file}", &page[..path_from + i + 1]),
        None => format!("{page}/{file}"),
    }
}

// ---------------------------------------------------------------------------
// Storage format
// ---------------------------------------------------------------------------

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
pub fn encode(p: &Progress, content: &Content) -> String {
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
        out.push_str(content.questions.get(*q as usize).map_or("", |q| q.id));
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
pub fn decode(blob: &str, content: &Content) -> Option<Progress> {
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
        if i >= content.questions.len() {
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
        let Some(q) = content.question_index(id) else {
            // Removed from the content since it was stored: drop it.
            dropped = true;
            continue;
        };
        if i < cursor {
            kept_before_cursor += 1;
        }
        p.questions.push(q as u16);
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
    p.validate(content).ok()?;
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
    super::parse_digits(s, 4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CONTENT;

    #[test]
    fn the_same_seed_always_gives_the_same_order_and_questions() {
        for seed in [0, 1, 42, u32::MAX] {
            for q in CONTENT.questions {
                assert_eq!(option_order(seed, q.id), option_order(seed, q.id));
            }
            assert_eq!(pick(&CONTENT, QuizLength::Quick, seed), pick(&CONTENT, QuizLength::Quick, seed));
        }
    }

    #[test]
    fn option_orders_are_permutations_and_vary() {
        let mut firsts = [0usize; 4];
        for seed in 0..400u32 {
            let o = option_order(seed, CONTENT.questions[0].id);
            let mut sorted = o;
            sorted.sort_unstable();
            assert_eq!(sorted, [0, 1, 2, 3]);
            firsts[o[0] as usize] += 1;
        }
        // The correct option (index 0 in the content for most questions) is not always first.
        for (i, n) in firsts.iter().enumerate() {
            assert!(*n > 50, "option {i} shown first only {n} times in 400 seeds");
        }
    }

    #[test]
    fn different_seeds_give_different_quick_quizzes() {
        let a = pick(&CONTENT, QuizLength::Quick, 1);
        let distinct = (2..30u32).filter(|s| pick(&CONTENT, QuizLength::Quick, *s) != a).count();
        assert!(distinct > 20, "only {distinct} of 28 seeds gave another quiz");
    }

    #[test]
    fn the_quick_quiz_has_ten_distinct_questions_from_every_section_in_episode_order() {
        for seed in 0..500u32 {
            let qs = pick(&CONTENT, QuizLength::Quick, seed);
            assert_eq!(qs.len(), QUICK_LEN);
            assert!(qs.windows(2).all(|w| w[0] < w[1]), "sorted and distinct: {qs:?}");
            for s in 0..CONTENT.sections.len() {
                assert!(
                    qs.iter().any(|q| CONTENT.questions[*q as usize].section == s),
                    "seed {seed}: section {} not sampled",
                    CONTENT.sections[s].id
                );
            }
        }
    }

    #[test]
    fn the_full_quiz_asks_everything_in_order() {
        let qs = pick(&CONTENT, QuizLength::Full, 7);
        assert_eq!(qs, (0..CONTENT.questions.len() as u16).collect::<Vec<_>>());
    }

    fn answered(p: &mut Progress, right: &[bool]) {
        for (i, r) in right.iter().enumerate() {
            let q = &CONTENT.questions[p.questions[i] as usize];
            let c = if *r { q.correct } else { (q.correct + 1) % 4 };
            p.answers[i] = Answer { chosen: Some(c as u8), checked: true };
        }
    }

    #[test]
    fn score_counts_only_checked_correct_answers() {
        let mut p = Progress::new(&CONTENT, QuizLength::Quick, 3);
        answered(&mut p, &[true, false, true]);
        // A correct choice not yet checked does not count.
        let q3 = &CONTENT.questions[p.questions[3] as usize];
        p.answers[3] = Answer { chosen: Some(q3.correct as u8), checked: false };
        assert_eq!(p.score(&CONTENT), Score { correct: 2, answered: 3, total: 10 });
        let missed = p.missed(&CONTENT);
        assert_eq!(missed.len(), 8, "one wrong plus seven not answered");
        assert_eq!(missed[0], p.questions[1]);
    }

    #[test]
    fn announcements_are_short_and_name_the_answer() {
        let q = &CONTENT.questions[0];
        assert_eq!(announcement(q, q.correct as u8), "Correct.");
        let wrong = announcement(q, ((q.correct + 1) % 4) as u8);
        assert_eq!(wrong, format!("Not quite: the answer is {}.", q.options[q.correct].text));
    }

    #[test]
    fn share_link_replaces_any_fragment() {
        assert_eq!(share_link("https://x.org/a/?v=1#chart/x", 7, 10), "https://x.org/a/?v=1#quiz/result/7-10");
        assert_eq!(share_link("https://x.org/", 0, 3), "https://x.org/#quiz/result/0-3");
        let t = share_text(7, 10, "https://x.org/#quiz/result/7-10");
        assert!(t.starts_with("I scored 7 of 10 on the Full Stack quiz"));
        assert!(t.ends_with(" https://x.org/#quiz/result/7-10"));
    }

    #[test]
    fn share_link_without_a_page_is_no_link() {
        assert_eq!(share_link("", 7, 10), "");
        assert_eq!(share_link("#chart", 7, 10), "");
        assert!(share_text(7, 10, "").ends_with("Kyle Chan)."), "the text alone, no dangling space");
    }

    #[test]
    fn only_http_https_and_file_pages_are_shared() {
        for ok in [
            "https://example.org/full-stack/index.html",
            "http://127.0.0.1:8080/index.html?view=quiz",
            "HTTPS://Example.org/",
            "file:///home/me/full-stack/index.html",
            "file://server/share/index.html",
        ] {
            assert_eq!(share_page(ok), Some(ok), "{ok}");
        }
        assert_eq!(share_page("https://x.org/a/index.html#quiz/result/1-2"), Some("https://x.org/a/index.html"));
        for bad in [
            "",
            "index.html",
            "//x.org/index.html",
            "javascript:alert(1)//https://x.org/",
            "javascript://x.org/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "blob:https://x.org/1234",
            "about:blank",
            "https://",
            "http:///index.html",
            "https://x.org/a b.html",
            "https://x.org/\u{0}",
            "https://x.org/\n",
            "ftp://x.org/index.html",
        ] {
            assert_eq!(share_page(bad), None, "{bad:?}");
        }
        assert_eq!(share_page(&format!("https://x.org/{}", "a".repeat(3000))), None, "too long");
    }

    #[test]
    fn the_embed_shares_the_page_beside_it() {
        assert_eq!(
            sibling("https://x.org/fs/embed.html?view=quiz&theme=dark#quiz", "index.html"),
            "https://x.org/fs/index.html"
        );
        assert_eq!(sibling("https://x.org/fs/", "index.html"), "https://x.org/fs/index.html");
        assert_eq!(sibling("https://x.org", "index.html"), "https://x.org/index.html");
        assert_eq!(sibling("https://x.org/embed.html#a/b/c", "index.html"), "https://x.org/index.html");
        assert_eq!(sibling("https://x.org/fs/embed.html?next=/a/b", "index.html"), "https://x.org/fs/index.html");
        assert_eq!(sibling("file:///C:/Users/me/fs/embed.html", "index.html"), "file:///C:/Users/me/fs/index.html");
    }

    #[test]
    fn elements_are_told_apart_by_id_or_place() {
        assert_eq!(element_instance(Some("post-chart"), 1), "id-post-chart");
        assert_eq!(element_instance(None, 2), "el-2");
        assert_ne!(element_instance(None, 1), element_instance(None, 2));
        // An id with nothing usable falls back to the place; a long one is cut so the
        // storage key keeps its whole prefix.
        assert_eq!(element_instance(Some("\u{65e5}\u{672c} <>"), 3), "el-3");
        let long = element_instance(Some(&"x".repeat(100)), 1);
        assert_eq!(storage_key(Some(&long)), format!("{STORAGE_KEY}:id-{}", "x".repeat(37)));
        // An id that looks like a place is still an id.
        assert_ne!(element_instance(Some("el-1"), 2), element_instance(None, 1));
        // Every element's key differs from the standalone page's.
        assert_ne!(storage_key(Some(&element_instance(None, 1))), storage_key(None));
    }

    #[test]
    fn the_edition_samples_every_section_and_does_not_give_the_answers_away_by_position() {
        for length in [QuizLength::Quick, QuizLength::Full] {
            let qs = pick(&CONTENT, length, EDITION_SEED);
            let mut at = [0usize; 4];
            for q in &qs {
                let q = &CONTENT.questions[*q as usize];
                let order = option_order(EDITION_SEED, q.id);
                at[order.iter().position(|o| *o as usize == q.correct).unwrap()] += 1;
            }
            // No place holds the right answer in more than 40% of the questions, and
            // every place holds it sometimes.
            assert!(at.iter().all(|n| *n >= 1 && *n * 10 <= qs.len() * 4), "{length:?}: right answers by place {at:?}");
        }
        let quick = pick(&CONTENT, QuizLength::Quick, EDITION_SEED);
        for s in 0..CONTENT.sections.len() {
            assert!(quick.iter().any(|q| CONTENT.questions[*q as usize].section == s));
        }
    }

    #[test]
    fn untouched_means_nothing_chosen_and_unanswered_nothing_checked() {
        let fresh = Progress::new(&CONTENT, QuizLength::Quick, 5);
        assert!(fresh.untouched() && fresh.unanswered());
        let mut chosen = fresh.clone();
        chosen.answers[0].chosen = Some(1);
        assert!(!chosen.untouched() && chosen.unanswered());
        let mut checked = chosen.clone();
        checked.answers[0].checked = true;
        assert!(!checked.untouched() && !checked.unanswered());
        let mut retry = fresh.clone();
        retry.retry = true;
        assert!(!retry.untouched() && !retry.unanswered());
        assert!(!Progress::default().untouched() && !Progress::default().unanswered());
    }

    #[test]
    fn storage_keys_are_versioned_and_per_instance() {
        assert_eq!(storage_key(None), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("")), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("<>\"'")), "full-stack-quiz-v1");
        assert_eq!(storage_key(Some("post-2")), "full-stack-quiz-v1:post-2");
        assert_ne!(storage_key(Some("a")), storage_key(Some("b")));
        assert_eq!(storage_key(Some(&"x".repeat(500))).len(), STORAGE_KEY.len() + 1 + 40);
    }

    #[test]
    fn progress_round_trips_through_storage() {
        let mut p = Progress::new(&CONTENT, QuizLength::Quick, 0xdead_beef);
        answered(&mut p, &[true, false, true, true]);
        p.answers[4].chosen = Some(2);
        p.cursor = 4;
        let blob = encode(&p, &CONTENT);
        assert!(blob.starts_with("1|q|deadbeef|a|4|0|-|"), "{blob}");
        assert_eq!(decode(&blob, &CONTENT), Some(p.clone()));

        let mut s = Progress::new(&CONTENT, QuizLength::Full, 9);
        let n = s.questions.len();
        answered(&mut s, &vec![true; n]);
        s.stage = Stage::Summary;
        s.cursor = n - 1;
        s.first_try = Some((5, 10));
        s.retry = true;
        assert_eq!(decode(&encode(&s, &CONTENT), &CONTENT), Some(s));
        assert_eq!(encode(&Progress::default(), &CONTENT), "");
    }

    #[test]
    fn corrupt_or_foreign_blobs_are_discarded() {
        let id0 = CONTENT.questions[0].id;
        let id1 = CONTENT.questions[1].id;
        for blob in [
            "".to_string(),
            "garbage".into(),
            "{\"json\": true}".into(),
            format!("0|q|1|a|0|0|-|{id0}=-"),          // older version
            format!("2|q|1|a|0|0|-|{id0}=-"),          // newer version
            format!("1|x|1|a|0|0|-|{id0}=-"),          // unknown length
            format!("1|q|zz|a|0|0|-|{id0}=-"),         // bad seed
            format!("1|q|1|i|0|0|-|{id0}=-"),          // unknown stage
            format!("1|q|1|a|5|0|-|{id0}=-"),          // cursor out of range
            format!("1|q|1|a|0|0|-|{id0}=4!"),         // no such option
            format!("1|q|1|a|0|0|-|{id0}=-!"),         // checked with nothing chosen
            format!("1|q|1|a|0|0|-|{id0}=1,{id0}=2"),  // asked twice
            format!("1|q|1|s|0|0|-|{id0}=1!,{id1}=-"), // summary before the end
            format!("1|q|1|a|1|0|-|{id0}=-,{id1}=1!"), // answer beyond the frontier
            format!("1|q|1|a|0|0|9-3|{id0}=-"),        // impossible first try
            format!("1|q|1|a|0|0|-|{id0}=-|extra"),
            format!("1|q|1|a|0|0|-|{id0}=1!\u{0}"),
            format!("1|q|1|a|0|0|-|{}", format!("{id0}=1!,").repeat(3000)),
            "1|q|1|a|0|0|-|no-such-question=1!".into(), // nothing left
        ] {
            assert_eq!(decode(&blob, &CONTENT), None, "{blob:.80}");
        }
    }

    #[test]
    fn questions_removed_from_the_content_are_dropped_and_the_rest_kept() {
        let ids: Vec<&str> = CONTENT.questions[..4].iter().map(|q| q.id).collect();
        let c: Vec<u8> = CONTENT.questions[..4].iter().map(|q| q.correct as u8).collect();
        let blob = format!("1|q|a|a|3|0|-|{}={}!,gone-question=1!,{}={}!,{}=-", ids[0], c[0], ids[1], c[1], ids[2]);
        let p = decode(&blob, &CONTENT).expect("migrated");
        assert_eq!(p.questions, vec![0, 1, 2]);
        assert_eq!(p.cursor, 2, "still at the first unanswered question");
        assert_eq!(p.score(&CONTENT), Score { correct: 2, answered: 2, total: 3 });
    }
}
