// The class room's live pages: re-read the class status every second and redraw the
// countdown and the teams (names set with textContent: a team name is always text).
(function () {
  "use strict";
  var root = document.getElementById("class");
  if (!root) { return; }
  var api = root.getAttribute("data-api");
  var teacher = root.getAttribute("data-teacher") === "1";
  // What the class is doing, in words a teacher and a pupil read the same way.
  function phaseLine(s) {
    var n = Math.min(s.round, s.rounds), of = " of " + s.rounds;
    switch (s.phase) {
      case "lobby": return "Waiting to start: " + s.rounds + " years to play";
      case "playing": return "Year " + n + of + " in play";
      case "paused": return "Year " + n + of + " paused";
      case "between": return "Year " + n + of + " done: " +
        (teacher ? "start year " + (n + 1) + " when ready" : "year " + (n + 1) + " starts soon");
      default: return "All " + s.rounds + " years played: time for the debrief";
    }
  }

  function money(v) { return v >= 1e6 ? "£" + (v / 1e6).toFixed(1) + "m" : "£" + Math.round(v).toLocaleString("en-GB"); }
  function clock(s) { s = Math.ceil(s); var m = Math.floor(s / 60); var r = s % 60; return m + ":" + (r < 10 ? "0" : "") + r; }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }

  function teamCard(t) {
    var card = el("article", "team");
    card.appendChild(el("h3", "", t.name));
    if (eachOwn) { card.appendChild(el("p", "area", t.area_name)); }
    var dl = el("dl");
    [["Year", String(t.year)], ["Money left", money(t.money)],
     ["Approval", Math.round(t.approval) + "%"], ["Net new jobs", Math.round(t.net_jobs).toLocaleString("en-GB")]
    ].forEach(function (p) { dl.appendChild(el("dt", "", p[0])); dl.appendChild(el("dd", "", p[1])); });
    card.appendChild(dl);
    return card;
  }

  var eachOwn = false;
  function draw(s) {
    eachOwn = s.each_own_area;
    var live = s.phase === "playing" || s.phase === "paused";
    var cd = document.getElementById("countdown");
    cd.textContent = live ? clock(s.remaining_seconds) : "";  // no dash standing in for a time
    cd.hidden = !live;
    var ph = document.getElementById("phase");
    ph.textContent = phaseLine(s);
    ph.className = "phase " + s.phase;
    var box = document.getElementById("teams");
    box.textContent = "";
    box.classList.toggle("many", s.teams.length > 8);
    if (!s.teams.length) { box.appendChild(el("p", "empty", "No team has joined yet.")); }
    s.teams.forEach(function (t) { box.appendChild(teamCard(t)); });
    var sh = document.getElementById("shock");
    sh.textContent = s.shock ? "News: " + s.shock.name + ". " + s.shock.description : "";
    sh.hidden = !s.shock;
    var facts = document.getElementById("facts");  // the area's census: before year 1 only
    if (facts) { facts.hidden = s.phase !== "lobby"; }
    var deb = document.getElementById("debrief-item");
    if (deb) { deb.hidden = s.phase !== "debrief"; }
    if (teacher) {
      var can = { start: ["lobby", "between"], pause: ["playing"], resume: ["paused"],
                  "add-minute": ["playing", "paused"], end: ["playing", "paused"], shock: ["lobby", "between"] };
      document.querySelectorAll("[data-control]").forEach(function (b) {
        var c = b.getAttribute("data-control");
        var off = can[c].indexOf(s.phase) < 0;
        if ((c === "start" || c === "shock") && !s.teams.length) { off = true; }
        if (c === "shock" && s.shock) { off = true; }  // one shock a break: in the news already
        b.disabled = off;
      });
    }
  }

  function refresh() {
    fetch(api, { credentials: "same-origin" }).then(function (r) { return r.json(); })
      .then(draw).catch(function () { /* the next poll tries again */ });
  }

  function post(path, body) {
    var msg = document.getElementById("message");
    return fetch(api + path, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : "{}" })
      .then(function (r) { return r.json().then(function (j) {
        msg.textContent = r.ok ? "" : (j.error || "That did not work.");
        if (r.ok && path === "/shock") { msg.textContent = "Thrown: " + j.name; }
        refresh();
      }); });
  }

  if (teacher) {
    document.querySelectorAll("[data-control]").forEach(function (b) {
      b.addEventListener("click", function () {
        var c = b.getAttribute("data-control");
        if (c === "shock") { post("/shock", { shock_id: document.getElementById("shock-pick").value }); }
        else { post("/round/" + c); }
      });
    });
  }
  refresh();
  setInterval(refresh, 1000);
}());
