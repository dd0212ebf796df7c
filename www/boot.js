// Inlined by scripts/dist.mjs right after the prerendered widget (after www/intents.js),
// so it runs before the first paint: it gives the server-rendered markup the view and
// theme the page's query and fragment ask for (the same allowlists as
// src/model/config.rs and route.rs), so a link like embed.html?view=quiz never flashes
// the chart first, and records what the reader does before the wasm runs (fsIntents).
// The wasm then hydrates, sets the same attributes itself and applies the intents.
(function () {
  // <contract> generated from src/model/embed.rs by `make contract`: do not edit
  var ROOT_ID = 'full-stack';
  var VIEWS = ['chart', 'points', 'quiz', 'timeline'];
  var DEFAULT_VIEW = 'chart';
  var THEMES = ['auto', 'light', 'dark'];
  var THEME_ATTR = 'data-theme';
  // </contract>
  var root = document.getElementById(ROOT_ID);
  var fs = root && root.querySelector('.fs');
  if (!fs) return;
  var show = fsIntents(fs);
  var q = new URLSearchParams(location.search);
  var view = q.get('view');
  if (VIEWS.indexOf(view) < 0) view = DEFAULT_VIEW;
  var fromHash = location.hash.slice(1).split('/')[0];
  if (VIEWS.indexOf(fromHash) >= 0) view = fromHash;
  var theme = q.get('theme');
  // The theme asked for, and the header's theme menu (the widget's first) saying so.
  if (THEMES.indexOf(theme) >= 0) fs.setAttribute(THEME_ATTR, theme), fs.querySelector('select').value = theme;
  show(view);
  // The widget's script or wasm failed to load or start: a script's load error, or an
  // error or rejection no handler took (this page runs nothing else before the app). Not
  // another element's load error (a preload's, an image's): the app may still run.
  addEventListener('error', function (e) { if (e.target == window || e.target.tagName == 'SCRIPT') show.fail(); }, true);
  addEventListener('unhandledrejection', show.fail);
})();
