// Draws the charts page's plots with uPlot from the numbers the page carries; the rest of the UI works without this file.
(function () {
  function width(el) { return Math.max(280, Math.min(el.clientWidth || 800, 1100)); }
  function draw() {
    var holder = document.getElementById('charts');
    if (!holder || typeof uPlot === 'undefined') { return; }
    var runs = JSON.parse(holder.dataset.runs || '[]');
    var days = JSON.parse(holder.dataset.days || '[]');
    // Runs are numbered 1..n on the x axis (oldest first): a time axis would squeeze runs of one busy hour into a line.
    var x = runs.map(function (r, i) { return i + 1; });
    var perRun = { x: { time: false } };
    var runAxes = [{ label: 'run' }, { size: 60 }];
    function col(name) { return runs.map(function (r) { return r[name]; }); }
    var outcomes = document.getElementById('chart-outcomes');
    if (runs.length) {
      new uPlot({ width: width(outcomes), height: 240, scales: perRun, axes: runAxes, series: [{ label: 'run' },
        { label: 'created', stroke: '#1a7f37' }, { label: 'updated', stroke: '#0b57d0' }, { label: 'deleted', stroke: '#6e40c9' },
        { label: 'unchanged', stroke: '#8c959f' }, { label: 'rejected', stroke: '#9a6700' }, { label: 'failed', stroke: '#b3261e' }] },
        [x, col('created'), col('updated'), col('deleted'), col('unchanged'), col('rejected'), col('failed')], outcomes);
      var durations = document.getElementById('chart-durations');
      new uPlot({ width: width(durations), height: 200, scales: perRun, axes: runAxes, series: [{ label: 'run' }, { label: 'seconds', stroke: '#0b57d0', fill: 'rgba(11,87,208,0.1)' }] },
        [x, col('seconds')], durations);
    }
    var calls = document.getElementById('chart-calls');
    if (days.length) {
      // A log scale: a day's calls and a limit of hundreds of thousands both stay readable (a day without calls is a gap).
      var limit = days.map(function (d) { return d.limit > 0 ? d.limit : null; });
      new uPlot({ width: width(calls), height: 220, scales: { y: { distr: 3, log: 10 } }, axes: [{}, { size: 80 }], series: [{}, { label: 'API calls', stroke: '#0b57d0', fill: 'rgba(11,87,208,0.15)' },
        { label: 'daily limit', stroke: '#b3261e', dash: [6, 4] }] },
        [days.map(function (d) { return d.at; }), days.map(function (d) { return d.calls > 0 ? d.calls : null; }), limit], calls);
    }
  }
  // after every deferred script, uPlot's included (it loads after this file)
  window.addEventListener('load', draw);
})();

// The live debugger: server-sent events add a running run's calls as they are logged (one row per event, its number as
// the event id). The page's htmx polling waits while the stream is open and takes over when the stream fails or ends.
(function () {
  var live = false;
  function calls() { return document.getElementById('calls'); }
  function mine(e) { return e.target === calls(); }
  function state(e, open, name) { if (mine(e)) { live = open; calls().dataset.live = name; } }
  document.addEventListener('htmx:sseOpen', function (e) { state(e, true, 'open'); });
  document.addEventListener('htmx:sseError', function (e) { state(e, false, 'failed'); });
  document.addEventListener('htmx:sseClose', function (e) { state(e, false, 'closed'); });
  // A reconnected stream may repeat rows the page has: each row is added once.
  document.addEventListener('htmx:sseBeforeMessage', function (e) {
    if (e.detail && e.detail.lastEventId && document.getElementById('call-' + e.detail.lastEventId)) { e.preventDefault(); }
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    var poller = e.detail.elt;
    if (live && poller.classList && poller.classList.contains('waiting')) {
      e.preventDefault();
      setTimeout(function () { if (window.htmx) { htmx.trigger(poller, 'sfsync-poll'); } }, 2000);
    }
  });
  // Rows from the poll and the stream may meet: keep the first of each, and the poller's "waiting" row last.
  function tidy() {
    var body = calls();
    if (!body) { return; }
    var seen = {};
    body.querySelectorAll('tr[data-call]').forEach(function (tr) { if (seen[tr.id]) { tr.remove(); } else { seen[tr.id] = true; } });
    var waiting = body.querySelector('tr.waiting');
    if (waiting && waiting !== body.lastElementChild) { body.appendChild(waiting); }
  }
  document.addEventListener('htmx:sseMessage', tidy);
  document.addEventListener('htmx:afterSettle', tidy);
})();
