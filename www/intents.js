// The reader's intents before the app runs (no dead taps). Inlined by scripts/dist.mjs
// into the pages' boot script and into full-stack.js; both call fsIntents(fs) with the
// widget's `.fs` element and use the function it returns, show(view), which switches the
// static tabs and panels (the app does it itself once it runs), and its show.fail(), called
// by the page or element when the app failed to load.
//
// Listens inside the widget only (never on the host page) and writes the LAST intent of
// each kind into the object `fs.fsIntents` (its keys in the order they last happened):
//   pos     "r-c"       a cell or header button (data-pos; also shown at once: that button,
//                       and no other, gets TAPPED_ATTR, which shows the pressed ring)
//   tab     "quiz"      a tab (also shown at once: the static panels switch)
//   radio   "p"         another radio (the chart's filter)
//   select  "p=value"   a menu (theme, highlight)
//   button  "p"         any other button
//   focus   "p"         the focused element
//   choice  "qi:o"      the quiz's static question: question index, option index
//   qbutton "p", qfocus "p"  a button or focus inside the quiz, while it is static
// "p" is the path of child element positions from `.fs` ("2.0.1"); focus is one kind
// (focus or qfocus, whichever came last). Once the app runs (`fs.fsLive`, which it sets
// as it takes these, before it replays anything), and for the quiz once its data is there
// too (`data-data` set and not "pending"), events there are the app's own and nothing more
// is written. The wasm takes each kind once (src/platform/intents.rs) and applies it
// (src/model/intent.rs).
function fsIntents(fs) {
  // <contract> generated from src/model/embed.rs by `make contract`: do not edit
  var LIVE_PROP = 'fsLive';
  var DATA_STATE_ATTR = 'data-data';
  var DATA_PENDING = 'pending';
  var POS_ATTR = 'data-pos';
  var TAPPED_ATTR = 'data-tapped';
  var INTENTS_PROP = 'fsIntents';
  var TAB_ID_PREFIX = 'fs-tab-';
  var PANEL_ID_PREFIX = 'fs-panel-';
  var VIEWS = ['chart', 'points', 'quiz', 'timeline'];
  var VIEW_ATTR = 'data-view';
  // </contract>
  function show(view) {
    fs.setAttribute(VIEW_ATTR, view);
    VIEWS.forEach(function (v) {
      var tab = fs.querySelector('#' + TAB_ID_PREFIX + v);
      var panel = fs.querySelector('#' + PANEL_ID_PREFIX + v);
      if (tab) {
        tab.setAttribute('aria-selected', v == view);
        tab.tabIndex = v === view ? 0 : -1;
      }
      if (panel) panel.hidden = v !== view;
    });
  }
  var rec = fs[INTENTS_PROP] = {};
  // Empty for an element no longer in the widget (the app may just have replaced it).
  function path(el) {
    var p = [];
    for (; el && el !== fs; el = el.parentElement) p.unshift(el.parentElement ? [].indexOf.call(el.parentElement.children, el) : -1);
    return el && p.indexOf(-1) < 0 ? p.join('.') : '';
  }
  // `value` is computed only while the target is static and the app may still come. True
  // when the intent was recorded.
  function put(t, kind, value) {
    var quiz = t.closest('.fs-quiz-body');
    var data = fs.getAttribute(DATA_STATE_ATTR);
    var live = fs[LIVE_PROP] && !(quiz && (!data || data == DATA_PENDING));
    if (live || failed) return false;
    value = value();
    if (value === '') return false;
    // One focus only: the latest, inside the quiz or not.
    if (kind == 'focus') delete rec.focus, delete rec.qfocus;
    if (quiz && kind != 'choice') kind = 'q' + kind;
    delete rec[kind];
    rec[kind] = value;
    return true;
  }
  // Takes the tap's ring off every button.
  function untap() {
    fs.querySelectorAll('[' + TAPPED_ATTR + ']').forEach(function (b) { b.removeAttribute(TAPPED_ATTR); });
  }
  fs.addEventListener('click', function (e) {
    var t = e.target.closest('button');
    if (!t) return;
    var pos = t.getAttribute(POS_ATTR);
    var view = t.id.slice(TAB_ID_PREFIX.length);
    if (pos) {
      if (!put(t, 'pos', function () { return pos; })) return;
      // The tap shows at once (the selection ring); the panel comes with the app. Not
      // aria-pressed: hydration renders that attribute as the server did.
      untap();
      t.setAttribute(TAPPED_ATTR, '');
    }
    else if (t.getAttribute('role') == 'tab') {
      put(t, 'tab', function () { return view; });
      if (!fs[LIVE_PROP]) show(view);
    } else put(t, 'button', function () { return path(t); });
  }, true);
  fs.addEventListener('change', function (e) {
    var t = e.target;
    if (t.tagName == 'SELECT') put(t, 'select', function () { return path(t) + '=' + t.value; });
    else if (t.type != 'radio') return;
    else if (t.closest('.fs-quiz-body')) put(t, 'choice', function () { return t.name.split('-').pop() + ':' + t.value; });
    else put(t, 'radio', function () { return path(t); });
  }, true);
  fs.addEventListener('focusin', function (e) {
    put(e.target, 'focus', function () { return path(e.target); });
  }, true);
  // The app will not come (its script or wasm failed to load or compile): no button keeps
  // the ring of a tap that will not apply, and a notice under the header says so (the
  // stylesheet then shows the chart alone, as without JavaScript: www/style.css). Once, and
  // only while the app has not run (a crash after that shows the app's own error box).
  var failed;
  show.fail = function () {
    if (failed || fs[LIVE_PROP] || !fs.isConnected) return;
    failed = 1;
    untap();
    var box = document.createElement('p');
    box.className = 'fs-notice fs-stalled';
    box.setAttribute('role', 'alert');
    box.textContent = 'The interactive chart and quiz did not load. Reload the page to try again.';
    // Under the header, where the app shows its notices.
    fs.firstElementChild.after(box);
  };
  return show;
}
