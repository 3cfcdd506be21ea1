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
