//! `quiz.toml`: the questions, each in a section, with four options (one correct),
//! every option explained, and an episode quote supporting the answer.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::super::schema::QuizFile;
use super::super::types::{CellIx, ClaimKind, Difficulty, Question, QuizOption, Section, SectionIx, OPTION_COUNT};
use super::super::QUIZ;
use super::episode::within_section;
use super::{resolve, text, Ctx, CELL_REF};

/// The id of a question's quote among its sources.
pub const QUOTE_ID: &str = "quote";

pub fn questions(
    ctx: &mut Ctx<'_>,
    f: &QuizFile,
    sections: &[Section],
    cells: &HashMap<String, CellIx>,
) -> Vec<Question> {
    let section_ix: HashMap<&str, usize> = sections.iter().enumerate().map(|(i, s)| (&*s.id, i)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for q in &f.question {
        let entry = format!("question \"{}\"", q.id);
        ctx.id(QUIZ, "question", &q.id, &mut seen);
        let before = ctx.errors.len();
        let section = match section_ix.get(q.section.as_str()) {
            Some(s) => *s,
            None => {
                ctx.err(
                    QUIZ,
                    &entry,
                    format!("section \"{}\" is not defined in {}", q.section, super::super::SECTIONS),
                );
                0
            }
        };
        let difficulty = Difficulty::parse(&q.difficulty);
        if difficulty.is_none() {
            ctx.err(QUIZ, &entry, format!("difficulty \"{}\" must be easy, medium or hard", q.difficulty));
        }
        ctx.text(QUIZ, &entry, "prompt", &q.prompt);
        if q.option.len() != OPTION_COUNT {
            ctx.err(QUIZ, &entry, format!("has {} options; it needs exactly {OPTION_COUNT}", q.option.len()));
        }
        let correct: Vec<usize> = q.option.iter().enumerate().filter(|(_, o)| o.correct).map(|(i, _)| i).collect();
        if correct.len() != 1 {
            ctx.err(QUIZ, &entry, format!("has {} correct options; it needs exactly one", correct.len()));
        }
        let Some(quote) = &q.quote else {
            ctx.err(QUIZ, &entry, "has no [question.quote] supporting the answer");
            continue;
        };
        if let Some(s) = sections.get(section) {
            within_section(ctx, QUIZ, &entry, quote.lines, s);
        }
        let quote_source = quote.source(QUOTE_ID);
        let mut sources = ctx.sources(QUIZ, &entry, std::iter::once(&quote_source).chain(q.source.iter()));
        let mut texts = HashSet::new();
        let mut options = Vec::new();
        for (i, o) in q.option.iter().enumerate() {
            let oname = format!("{entry} option {}", i + 1);
            ctx.text(QUIZ, &oname, "text", &o.text);
            if !texts.insert(o.text.trim().to_lowercase()) {
                ctx.err(QUIZ, &oname, "duplicates another option's text");
            }
            let why = match o.why.as_deref().map(str::trim) {
                Some(w) if !w.is_empty() => {
                    ctx.text(QUIZ, &oname, "why", w);
                    let by = o.by.clone().unwrap_or_else(|| vec![QUOTE_ID.to_string()]);
                    ctx.cited(QUIZ, &oname, (ClaimKind::Text, w, None), &by, &mut sources)
                }
                _ => {
                    let what = if o.correct { "right" } else { "wrong" };
                    ctx.err(QUIZ, &oname, format!("has no `why` explaining why it is {what}"));
                    None
                }
            };
            if let Some(why) = why {
                options.push(QuizOption { text: text(&o.text), why });
            }
        }
        ctx.all_cited(QUIZ, &entry, &sources);
        let qcells = resolve(ctx, QUIZ, &entry, CELL_REF, &q.cells, cells);
        if ctx.errors.len() > before {
            continue;
        }
        let (Some(difficulty), Ok(options)) = (difficulty, <[QuizOption; OPTION_COUNT]>::try_from(options)) else {
            continue;
        };
        let sources = sources.into_list();
        for lines in sources.iter().filter_map(|s| s.lines) {
            ctx.cite(lines, "question", format!("quiz/q/{}", q.id), format!("Quiz: {}", q.prompt));
        }
        out.push(Question {
            id: text(&q.id),
            section: SectionIx::at(section),
            difficulty,
            prompt: text(&q.prompt),
            options,
            correct: correct[0] as u8,
            sources,
            cells: Cow::Owned(qcells),
        });
    }
    out
}
