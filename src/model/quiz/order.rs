//! Seeded order: which questions a round asks and in what option order. A given seed
//! always gives the same quiz, so the page rendered at build time and the live widget
//! agree, and a reload shows the same order.

use super::QUICK_LEN;
use crate::model::config::QuizLength;
use crate::model::content::{Data, QuestionIx, SectionIx, OPTION_COUNT};

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
pub fn option_order(seed: u32, question_id: &str) -> [u8; OPTION_COUNT] {
    let mut order = [0u8, 1, 2, 3];
    Rng::new(hash(question_id) ^ ((seed as u64) << 17)).shuffle(&mut order);
    order
}

/// The questions (in episode order) a quiz of this length asks with this seed. The
/// quick quiz takes one question from every section (from as many sections as it has
/// room for), then fills up at random.
pub fn pick(data: &Data, length: QuizLength, seed: u32) -> Vec<QuestionIx> {
    pick_in(data, length, seed, &[])
}

/// [`pick`] among the questions of `sections` only (every section when empty): the quick
/// quiz takes one question from each of them, then fills up from them; the full quiz asks
/// all their questions. With no sections given, exactly what [`pick`] always gave (the
/// edition stays the edition).
pub fn pick_in(data: &Data, length: QuizLength, seed: u32, sections: &[SectionIx]) -> Vec<QuestionIx> {
    let n = data.questions.len().min(u16::MAX as usize);
    let in_scope = |s: SectionIx| sections.is_empty() || sections.contains(&s);
    let allowed: Vec<bool> = (0..n).map(|q| in_scope(data.questions[q].section)).collect();
    let all = allowed.iter().filter(|a| **a).count();
    if length == QuizLength::Full || all <= QUICK_LEN {
        return (0..n).filter(|&q| allowed[q]).map(QuestionIx::at).collect();
    }
    let mut rng = Rng::new(seed as u64 ^ 0x5EED_0F0F_u64);
    let mut order: Vec<usize> = (0..data.sections.len()).filter(|&s| in_scope(SectionIx::at(s))).collect();
    rng.shuffle(&mut order);
    let mut picked = vec![false; n];
    let mut count = 0;
    for s in order {
        if count == QUICK_LEN {
            break;
        }
        let pool: Vec<usize> = (0..n).filter(|&q| data.questions[q].section.get() == s).collect();
        if !pool.is_empty() {
            picked[pool[rng.below(pool.len())]] = true;
            count += 1;
        }
    }
    let mut rest: Vec<usize> = (0..n).filter(|&q| allowed[q] && !picked[q]).collect();
    rng.shuffle(&mut rest);
    for q in rest.into_iter().take(QUICK_LEN - count) {
        picked[q] = true;
    }
    // In episode order (the content's order).
    (0..n).filter(|&q| picked[q]).map(QuestionIx::at).collect()
}

/// A seed for a practice question: fixed per question, so the server-rendered page and
/// the live widget agree.
pub fn practice_seed(question_id: &str) -> u32 {
    hash(question_id) as u32
}
