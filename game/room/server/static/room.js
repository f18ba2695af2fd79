// Civic Futures room page: refresh the live part every data-poll ms (<= 2 s) and send the
// facilitator's moderation buttons. Everything shown is rendered (and escaped) by the hub.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !live.dataset.src) { return; }
  var code = live.dataset.src.split("/")[2];
  var poll = Math.min(parseInt(live.dataset.poll || "1500", 10), 2000);
  var busy = false;

  function refresh() {
    if (busy) { return; }
    busy = true;
    fetch(live.dataset.src, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var focused = document.activeElement;
        var keep = focused && focused.dataset ? [focused.dataset.id, focused.dataset.action] : null;
        live.innerHTML = html;
        if (keep && keep[0]) {  // keyboard users keep their place across refreshes
          var again = live.querySelector('button[data-id="' + keep[0] + '"][data-action="' + keep[1] + '"]');
          if (again) { again.focus(); }
        }
      })
      .catch(function () { /* hub briefly away: try again next tick */ })
      .then(function () { busy = false; });
  }

  live.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-action]");
    if (!b) { return; }
    b.disabled = true;
    fetch("/api/rooms/" + code + "/ideas/" + b.dataset.id + "/moderate", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: b.dataset.action })
    }).then(refresh, refresh);
  });

  setInterval(refresh, poll);
})();
