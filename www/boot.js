// Inlined by scripts/dist.mjs right after the prerendered widget, so it runs before the
// first paint: it gives the server-rendered markup the view and theme the page's query
// and fragment ask for (the same allowlists as src/model/config.rs and route.rs), so a
// link like embed.html?view=quiz never flashes the chart first. The wasm then hydrates
// and sets the same attributes itself. Nothing here reads or writes anything else.
(function () {
  var root = document.getElementById('full-stack');
  var fs = root && root.querySelector('.fs');
  if (!fs) return;
  var views = ['chart', 'points', 'quiz', 'timeline'];
  var q = new URLSearchParams(location.search);
  var view = q.get('view');
  if (views.indexOf(view) < 0) view = 'chart';
  var fromHash = location.hash.replace(/^#/, '').split('/')[0];
  if (views.indexOf(fromHash) >= 0) view = fromHash;
  var theme = q.get('theme');
  if (['auto', 'light', 'dark'].indexOf(theme) >= 0) fs.setAttribute('data-theme', theme);
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
})();
