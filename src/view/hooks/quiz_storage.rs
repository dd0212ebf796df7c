//! Quiz progress kept across reloads: resumed once after the first render (over a round
//! the reader has not touched), saved after every change. The first render is always the
//! edition round, what the build-time page holds; what is stored replaces it right after.

use yew::prelude::*;

use crate::model::quiz::{self, Stage};
use crate::platform::storage;
use crate::state::{QuizAction, QuizState};

/// Resumes and saves `state` under the storage key `key` (nothing for a practice
/// question). Stored data that does not decode is removed. After the first render,
/// `started(restored)` is called once, told whether a stored round replaced the first one.
#[hook]
pub fn use_quiz_storage(state: &UseReducerHandle<QuizState>, key: &str, started: impl FnOnce(bool) + 'static) {
    let (data, practice) = (state.data, state.practice);
    {
        let (d, key) = (state.dispatcher(), key.to_string());
        use_effect_with((), move |_| {
            let mut restored = false;
            if !practice {
                if let Some(blob) = storage::load(&key) {
                    match quiz::decode(&blob, data) {
                        Some(p) => {
                            d.dispatch(QuizAction::Restore(p));
                            restored = true;
                        }
                        None => storage::remove(&key),
                    }
                }
            }
            started(restored);
        });
    }
    // Saved after the first render only, so the edition round shown first never
    // overwrites what is stored before it is read.
    let first = use_mut_ref(|| true);
    let key = key.to_string();
    use_effect_with(state.progress.clone(), move |p| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if !practice && !first && p.stage != Stage::Empty {
            storage::save(&key, &quiz::encode(p, data));
        }
    });
}
