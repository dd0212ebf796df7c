//! A quiz in progress: what is asked, what was answered, where the reader is; the score;
//! and the words of the verdicts.

use super::order::pick_in;
use crate::model::config::QuizLength;
use crate::model::content::{Data, Question, QuestionIx, SectionIx, OPTION_COUNT};

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
    /// The questions, in the order asked.
    pub questions: Vec<QuestionIx>,
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
    a.checked && a.chosen == Some(q.correct)
}

impl Progress {
    /// A fresh round of `length` with `seed`, at question 1.
    pub fn new(data: &Data, length: QuizLength, seed: u32) -> Progress {
        Progress::scoped(data, length, seed, &[])
    }

    /// A fresh round drawn from the questions of `sections` only (every section when
    /// empty; see [`super::order::pick_in`]).
    pub fn scoped(data: &Data, length: QuizLength, seed: u32, sections: &[SectionIx]) -> Progress {
        Progress::of(pick_in(data, length, seed, sections), length, seed)
    }

    /// A round asking exactly `questions`.
    pub fn of(questions: Vec<QuestionIx>, length: QuizLength, seed: u32) -> Progress {
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
    pub fn current(&self) -> Option<(QuestionIx, Answer)> {
        if self.stage != Stage::Asking {
            return None;
        }
        Some((*self.questions.get(self.cursor)?, *self.answers.get(self.cursor)?))
    }

    pub fn score(&self, data: &Data) -> Score {
        let mut s = Score { total: self.questions.len() as u16, ..Score::default() };
        for (q, a) in self.questions.iter().zip(&self.answers) {
            if a.checked {
                s.answered += 1;
                if data.question(*q).is_some_and(|q| is_correct(q, *a)) {
                    s.correct += 1;
                }
            }
        }
        s
    }

    /// The questions answered wrongly (or not answered), in the order asked.
    pub fn missed(&self, data: &Data) -> Vec<QuestionIx> {
        self.questions
            .iter()
            .zip(&self.answers)
            .filter(|(q, a)| !data.question(**q).is_some_and(|q| is_correct(q, **a)))
            .map(|(q, _)| *q)
            .collect()
    }

    /// The rules every progress value obeys (the reducer keeps them; stored data is
    /// checked against them). Returns what is wrong.
    pub fn validate(&self, data: &Data) -> Result<(), &'static str> {
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
        if n > data.questions.len() {
            return Err("more questions than exist");
        }
        for (i, q) in self.questions.iter().enumerate() {
            if q.get() >= data.questions.len() {
                return Err("unknown question");
            }
            if self.questions[..i].contains(q) {
                return Err("a question asked twice");
            }
        }
        let frontier = self.frontier();
        for (i, a) in self.answers.iter().enumerate() {
            if a.chosen.is_some_and(|c| c as usize >= OPTION_COUNT) {
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
            if s > t || t == 0 || t as usize > data.questions.len() {
                return Err("impossible first-try score");
            }
        }
        Ok(())
    }
}

/// The short result the live region announces after Check.
pub fn announcement(q: &Question, chosen: u8) -> String {
    if chosen == q.correct {
        "Correct.".to_string()
    } else {
        format!("Not quite: the answer is {}.", q.options[q.correct as usize].text)
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
