//! Work that must wait for the render that shows its target: focusing the feedback after
//! Check, the next question after Next, the summary after Finish. A request is kept
//! until a render lets it succeed (a render still pending from an earlier action may come
//! first), and is made only by the reader's own actions, so a reload never pulls focus.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// A pending request of type `T` (see [`use_after_render`]).
#[derive(Clone)]
pub struct AfterRender<T>(Rc<RefCell<Option<T>>>);

impl<T> AfterRender<T> {
    /// Asks for `what` after the coming render(s).
    pub fn request(&self, what: T) {
        *self.0.borrow_mut() = Some(what);
    }
}

/// After every render, calls `perform` with the pending request, if any; the request is
/// dropped once `perform` returns `true` (done, or nothing to do).
#[hook]
pub fn use_after_render<T, F>(perform: F) -> AfterRender<T>
where
    T: Copy + 'static,
    F: FnOnce(T) -> bool + 'static,
{
    let pending = use_mut_ref(|| None::<T>);
    {
        let pending = pending.clone();
        use_effect(move || {
            let what = *pending.borrow();
            if let Some(what) = what {
                if perform(what) {
                    *pending.borrow_mut() = None;
                }
            }
        });
    }
    AfterRender(pending)
}
