// Inlined by scripts/dist.mjs right after the prerendered widget (after www/intents.js),
// so it runs before the first paint: it gives the server-rendered markup the view and
// theme the page's query and fragment ask for (the same allowlists as
// src/model/config.rs and route.rs), so a link like embed.html?view=quiz never flashes
// the chart first, and records what the reader does before the wasm runs (fsIntents).
// The wasm then hydrates, sets the same attributes itself and applies the intents.
(function () {
  var root = document.getElementById('full-stack');
  var fs = root && root.querySelector('.fs');
  if (!fs) return;
  var views = ['chart', 'points', 'quiz', 'timeline'];
  function show(view) {
    fs.setAttribute('data-view', view);
    views.forEach(function (v) {
      var tab = root.querySelector('#fs-tab-' + v);
      var panel = root.querySelector('#fs-panel-' + v);
      if (tab) {
        tab.setAttribute('aria-selected', v === view ? 'true' : 'false');
        tab.setAttribute('tabindex', v === view ? '0' : '-1');
      }
      if (panel) panel.hidden = v !== view;
    });
  }
  var q = new URLSearchParams(location.search);
  var view = q.get('view');
  if (views.indexOf(view) < 0) view = 'chart';
  var fromHash = location.hash.replace(/^#/, '').split('/')[0];
  if (views.indexOf(fromHash) >= 0) view = fromHash;
  var theme = q.get('theme');
  if (['auto', 'light', 'dark'].indexOf(theme) >= 0) fs.setAttribute('data-theme', theme);
  show(view);
  fsIntents(fs, show);
})();
