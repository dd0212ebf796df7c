// The reader's intents before the app runs (no dead taps). Inlined by scripts/dist.mjs
// into the pages' boot script and into full-stack.js; both call fsIntents(fs, show) with
// the widget's `.fs` element and a function that switches the static tabs.
//
// Listens inside the widget only (never on the host page) and writes the LAST intent of
// each kind into the object `fs.fsIntents` (its keys in the order they last happened):
//   pos     "r-c"       a cell or header button (data-pos)
//   tab     "quiz"      a tab (also shown at once: the static panels switch)
//   radio   "p"         another radio (the chart's filter)
//   select  "p=value"   a menu (theme, highlight)
//   button  "p"         any other button
//   focus   "p"         the focused element
//   choice  "qi:o"      the quiz's static question: question index, option index
//   qbutton "p", qfocus "p"  a button or focus inside the quiz, while it is static
// "p" is the path of child element positions from `.fs` ("2.0.1"). Once the app runs
// (`data-live`), and for the quiz once its data is there (`data-data` not "pending"),
// events there are the app's own and nothing more is written. The wasm takes each kind
// once (src/platform/intents.rs) and applies it (src/model/intent.rs).
function fsIntents(fs, show) {
  var rec = fs.fsIntents = {};
  function path(el) {
    var p = [];
    for (; el && el !== fs; el = el.parentElement) p.unshift([].indexOf.call(el.parentElement.children, el));
    return el ? p.join('.') : '';
  }
  function put(t, kind, value) {
    var quiz = t.closest('.fs-quiz-body');
    var live = fs.hasAttribute('data-live') && !(quiz && fs.getAttribute('data-data') == 'pending');
    if (live) return;
    if (quiz && kind != 'choice') kind = 'q' + kind;
    delete rec[kind];
    rec[kind] = value;
  }
  fs.addEventListener('click', function (e) {
    var t = e.target.closest('button');
    if (!t) return;
    var pos = t.getAttribute('data-pos');
    if (pos) put(t, 'pos', pos);
    else if (t.getAttribute('role') == 'tab') {
      put(t, 'tab', t.id.slice(7));
      if (!fs.hasAttribute('data-live')) show(t.id.slice(7));
    } else put(t, 'button', path(t));
  }, true);
  fs.addEventListener('change', function (e) {
    var t = e.target;
    if (t.tagName == 'SELECT') put(t, 'select', path(t) + '=' + t.value);
    else if (t.type != 'radio') return;
    else if (t.closest('.fs-quiz-body')) put(t, 'choice', t.name.split('-').pop() + ':' + t.value);
    else put(t, 'radio', path(t));
  }, true);
  fs.addEventListener('focusin', function (e) {
    put(e.target, 'focus', path(e.target));
  }, true);
}
