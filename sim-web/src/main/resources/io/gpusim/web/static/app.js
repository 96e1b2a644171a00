// gpusim policy explorer: the page over the /api endpoints. No build step, no network beyond this server.
'use strict';

const state = {
  client: clientId(),
  scenario: null,     // GET /api/scenarios/{id}
  run: null,          // status of the run in progress or shown
  results: null,      // GET /api/runs/{id}/results
  source: null,       // EventSource of the run in progress
  charts: {},
  timings: {},        // milliseconds since navigation start
};
window.gpusim = state;

const $ = (id) => document.getElementById(id);

function clientId() {
  let id = sessionStorage.getItem('gpusim-client');
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(8)), b => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('gpusim-client', id);
  }
  return id;
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : 'HTTP ' + status);
    this.status = status;
    this.errors = body && body.errors ? body.errors : [];
  }
}

async function api(method, url, body) {
  const init = { method, headers: { 'X-Gpusim-Client': state.client } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = toJson(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

// ---------------------------------------------------------------- numbers

function num(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 1 || a === 0) return v.toFixed(3);
  return Number(v.toPrecision(4)).toString();
}

function rangeText(p) {
  const lo = p.minimum !== undefined ? (p.exclusive_minimum ? '(' : '[') + p.minimum : null;
  const hi = p.maximum !== undefined ? p.maximum + ']' : null;
  let r = '';
  if (p.type === 'choice') r = p.choices.join(' | ');
  else if (p.type === 'boolean') r = 'true | false';
  else if (p.type === 'date') r = 'YYYY-MM-DD';
  else if (lo && hi) r = lo + ', ' + hi;
  else if (lo) r = (p.exclusive_minimum ? '> ' : '>= ') + p.minimum;
  else if (hi) r = '<= ' + p.maximum;
  if (p.unit && p.unit !== '–') r += ' ' + p.unit;
  if (p.default !== undefined) r += ' (default ' + p.default + ')';
  return r;
}

// ---------------------------------------------------------------- setup

async function init() {
  state.timings.ready = performance.now();
  bindButtons();
  const params = new URLSearchParams(location.search);
  // the list and the likely first scenario are fetched together
  const guess = params.get('scenario') || 'h20-2025.yaml';
  const early = api('GET', '/api/scenarios/' + encodeURIComponent(guess)).catch(() => null);
  let list;
  try {
    list = await api('GET', '/api/scenarios');
  } catch (e) {
    return showError(e);
  }
  const select = $('scenario');
  for (const s of list.scenarios) {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.id + ' — ' + s.name;
    select.appendChild(o);
  }
  const wanted = params.get('scenario');
  const ids = list.scenarios.map(s => s.id);
  select.value = ids.includes(wanted) ? wanted : ids.includes('h20-2025.yaml') ? 'h20-2025.yaml' : ids[0];
  const first = await early;
  await loadScenario(select.value, first && first.id === select.value ? first : null);
  state.timings.scenarioLoaded = performance.now();
  for (const [k, v] of params) {
    if (k.startsWith('set.')) {
      const input = leverInput(k.substring(4), 'a');
      if (input) { input.value = v; markChanged(input); }
    }
  }
  if (params.get('runs')) $('runs').value = params.get('runs');
  if (params.get('seed')) $('seed').value = params.get('seed');
  if (params.get('run') === 'batch') runBatch();
}

function bindButtons() {
  $('scenario').addEventListener('change', () => loadScenario($('scenario').value));
  $('run-batch').addEventListener('click', runBatch);
  $('run-compare').addEventListener('click', runCompare);
  $('run-sweep').addEventListener('click', runSweep);
  $('cancel').addEventListener('click', cancelRun);
  $('copy-command').addEventListener('click', copyCommand);
  $('series-select').addEventListener('change', drawFan);
  $('metric-select').addEventListener('change', drawHistogram);
  $('compare-series-select').addEventListener('change', drawCompareFan);
  $('sweep-metric').addEventListener('change', drawSweep);
  $('sweep-stat').addEventListener('change', drawSweep);
  $('sweep-path-1').addEventListener('change', () => sweepDefaults(1));
  $('sweep-path-2').addEventListener('change', () => sweepDefaults(2));
  window.addEventListener('resize', () => Object.values(state.charts).forEach(c => c.resize()));
}

async function loadScenario(id, loaded) {
  clearError();
  let s = loaded;
  try {
    if (!s) s = await api('GET', '/api/scenarios/' + encodeURIComponent(id));
  } catch (e) {
    return showError(e);
  }
  state.scenario = s;
  $('scenario-description').textContent = s.description || '';
  fillParams($('levers').tBodies[0], s.levers, true);
  fillParams($('parameters').tBodies[0], s.parameters, false);
  const sweepable = s.levers.concat(s.parameters).filter(p => ['number', 'integer', 'date'].includes(p.type));
  for (const i of [1, 2]) {
    const sel = $('sweep-path-' + i);
    sel.querySelectorAll('option:not([value=""])').forEach(o => o.remove());
    for (const p of sweepable) {
      const o = document.createElement('option');
      o.value = p.path;
      o.textContent = p.path;
      sel.appendChild(o);
    }
  }
  $('sweep-path-1').value = sweepable.some(p => p.path === 'regulator.banDate') ? 'regulator.banDate' : sweepable[0].path;
  $('sweep-path-2').value = '';
  sweepDefaults(1);
  sweepDefaults(2);
  fillSelect($('series-select'), s.series, 'buyer_stock_vendor_units');
  fillSelect($('compare-series-select'), s.series, 'buyer_stock_vendor_units');
  fillSelect($('metric-select'), s.metrics, 'stockpile_units_at_ban');
  fillSelect($('sweep-metric'), s.metrics, 'stockpile_units_at_ban');
  $('runs').max = s.limits.max_replications;
}

function fillSelect(sel, items, preferred) {
  const keep = sel.value;
  sel.innerHTML = '';
  for (const it of items) {
    const o = document.createElement('option');
    o.value = it.id;
    o.textContent = it.id;
    o.title = it.description;
    sel.appendChild(o);
  }
  sel.value = items.some(i => i.id === keep) ? keep : preferred;
}

function fillParams(tbody, params, withB) {
  tbody.innerHTML = '';
  let group = null;
  for (const p of params) {
    if (p.group !== group) {
      group = p.group;
      const tr = tbody.insertRow();
      const td = tr.insertCell();
      td.colSpan = withB ? 4 : 3;
      td.textContent = group;
      tr.className = 'group';
    }
    const tr = tbody.insertRow();
    tr.dataset.path = p.path;
    const name = tr.insertCell();
    name.className = 'name';
    name.innerHTML = '<code></code><div class="desc"></div>';
    name.firstChild.textContent = p.path.replace(/^regulator\./, '');
    name.lastChild.textContent = p.description.replace(/`/g, '');
    name.title = p.path;
    const range = tr.insertCell();
    range.className = 'range';
    range.textContent = rangeText(p);
    tr.insertCell().appendChild(makeInput(p, 'a'));
    if (withB) tr.insertCell().appendChild(makeInput(p, 'b'));
  }
}

function makeInput(p, side) {
  let el;
  const orig = p.value === null || p.value === undefined ? '' : String(p.value);
  if (p.type === 'choice' || p.type === 'boolean') {
    el = document.createElement('select');
    const choices = p.type === 'boolean' ? ['true', 'false'] : p.choices;
    for (const c of [''].concat(choices)) {
      const o = document.createElement('option');
      o.value = c;
      o.textContent = c === '' ? (side === 'b' ? '(as A)' : '(unset)') : c;
      el.appendChild(o);
    }
  } else {
    el = document.createElement('input');
    if (p.type === 'number' || p.type === 'integer') {
      el.type = 'number';
      el.step = p.type === 'integer' ? '1' : 'any';
      if (p.minimum !== undefined) el.min = p.minimum;
      if (p.maximum !== undefined) el.max = p.maximum;
    } else {
      el.type = 'text';
      el.placeholder = p.type === 'date' ? 'YYYY-MM-DD' : '';
    }
    if (side === 'b') el.placeholder = '(as A)';
    else if (orig === '' && p.default !== undefined) el.placeholder = String(p.default);
  }
  el.className = 'lever-' + side;
  el.dataset.path = p.path;
  el.dataset.orig = side === 'a' ? orig : '';
  el.value = side === 'a' ? orig : '';
  el.setAttribute('aria-label', p.path + ' ' + side.toUpperCase());
  el.addEventListener('input', () => markChanged(el));
  el.addEventListener('change', () => markChanged(el));
  return el;
}

function markChanged(el) {
  el.classList.remove('invalid');
  el.title = '';
  el.classList.toggle('changed', el.value.trim() !== el.dataset.orig);
}

function leverInput(path, side) {
  return document.querySelector('.lever-' + side + '[data-path="' + CSS.escape(path) + '"]');
}

function sweepDefaults(i) {
  const path = $('sweep-path-' + i).value;
  const p = path && state.scenario.levers.concat(state.scenario.parameters).find(x => x.path === path);
  const lo = $('sweep-low-' + i);
  const hi = $('sweep-high-' + i);
  if (!p) { lo.value = ''; hi.value = ''; return; }
  if (p.type === 'date') {
    const d = p.value ? new Date(p.value + 'T00:00:00Z') : new Date(state.scenario.start_date + 'T00:00:00Z');
    const shift = (days) => new Date(d.getTime() + days * 86400000).toISOString().substring(0, 10);
    lo.value = shift(-180);
    hi.value = shift(90);
  } else {
    const v = typeof p.value === 'number' ? p.value : (p.minimum !== undefined ? p.minimum : 0);
    let a = v === 0 ? 0 : v / 2;
    let b = v === 0 ? (p.maximum !== undefined ? Math.min(p.maximum, 1) : 1) : v * 1.5;
    if (p.minimum !== undefined) a = Math.max(a, p.minimum);
    if (p.maximum !== undefined) b = Math.min(b, p.maximum);
    if (p.type === 'integer') { a = Math.round(a); b = Math.round(b); }
    lo.value = String(Number(a.toPrecision(6)));
    hi.value = String(Number(b.toPrecision(6)));
  }
}

// ---------------------------------------------------------------- requests

function collectSet(side) {
  const set = {};
  document.querySelectorAll('.lever-a').forEach(el => {
    const v = el.value.trim();
    if (v !== '' && v !== el.dataset.orig) set[el.dataset.path] = v;
  });
  if (side === 'a') return set;
  const b = {};
  document.querySelectorAll('.lever-b').forEach(el => {
    const v = el.value.trim();
    const a = leverInput(el.dataset.path, 'a');
    const effective = a ? a.value.trim() : '';
    if (v !== '' && v !== effective) b[el.dataset.path] = v;
  });
  return b;
}

function common() {
  return {
    scenario: $('scenario').value,
    set: collectSet('a'),
    runs: numberOrText($('runs').value),
    seed: numberOrText($('seed').value),
  };
}

// A whole number in a field: a number, or its digits where a JS number would round it (a 64-bit seed); other text as
// typed, for the server to refuse by name.
function numberOrText(v) {
  if (!/^-?\d+$/.test(v.trim())) return v;
  return Math.abs(Number(v)) <= Number.MAX_SAFE_INTEGER ? Number(v) : new Digits(v.trim());
}

// Digits written into the JSON as a number, exactly (JSON.stringify would write a JS number rounded, or text).
class Digits {
  constructor(text) { this.text = text; }
}

function toJson(body) {
  const digits = [];
  const json = JSON.stringify(body, (k, v) => (v instanceof Digits ? '\u0000' + (digits.push(v.text) - 1) : v));
  return json.replace(/"\\u0000(\d+)"/g, (m, i) => (Number(i) < digits.length ? digits[Number(i)] : m));
}

function runBatch() {
  submit('/api/run', common());
}

function runCompare() {
  const body = common();
  body.a = { set: {} };
  body.b = { name: $('b-name').value.trim() || 'B', set: collectSet('b') };
  submit('/api/compare', body);
}

function runSweep() {
  const body = common();
  body.vary = [];
  for (const i of [1, 2]) {
    const path = $('sweep-path-' + i).value;
    if (path) body.vary.push({ path, low: $('sweep-low-' + i).value.trim(), high: $('sweep-high-' + i).value.trim() });
  }
  // A swept lever takes the sweep's values: its edited value, if any, is not sent (the server refuses a path both
  // set and varied).
  for (const v of body.vary) delete body.set[v.path];
  body.points = numberOrText($('sweep-points').value);
  submit('/api/sweep', body);
}

async function submit(url, body) {
  clearError();
  if (state.run && !isFinished(state.run.state)) {
    return showError(new Error('a run is going: wait for it or cancel it first'));
  }
  if (state.timings.submitted === undefined) state.timings.submitted = performance.now();
  let status;
  try {
    status = await api('POST', url, body);
  } catch (e) {
    return showError(e);
  }
  follow(status);
}

function isFinished(s) {
  return s === 'done' || s === 'failed' || s === 'cancelled';
}

function follow(status) {
  state.run = status;
  setBusy(true);
  showProgress(status);
  const es = new EventSource('/api/runs/' + status.id + '/progress');
  state.source = es;
  es.addEventListener('progress', (ev) => showProgress(JSON.parse(ev.data)));
  es.addEventListener('end', (ev) => {
    es.close();
    state.source = null;
    const s = JSON.parse(ev.data);
    finished(s);
  });
  es.onerror = async () => {
    // the stream broke (server gone or restarted): ask once how the run ended
    if (state.source !== es) return;
    es.close();
    state.source = null;
    try {
      finished(await api('GET', '/api/runs/' + status.id));
    } catch (e) {
      setBusy(false);
      showError(e);
    }
  };
}

function showProgress(s) {
  state.run = s;
  $('progress-box').hidden = false;
  $('progress').max = Math.max(1, s.planned);
  $('progress').value = s.done;
  const what = s.state === 'queued'
    ? 'queued' + (s.position ? ' (position ' + s.position + ')' : '')
    : s.state;
  $('progress-text').textContent = s.done.toLocaleString('en-US') + ' / ' + s.planned.toLocaleString('en-US')
    + ' replications · ' + what;
  $('progress-text').dataset.state = s.state;
  $('progress-text').dataset.done = s.done;
}

async function finished(s) {
  if (state.timings.runEnded === undefined) state.timings.runEnded = performance.now();
  showProgress(s);
  setBusy(false);
  if (s.state === 'done') {
    $('progress-box').hidden = true;
    await loadResults(s.id);
  } else if (s.state === 'cancelled') {
    notice('Run ' + s.id + ' cancelled after ' + s.done.toLocaleString('en-US') + ' replications; nothing was kept.');
  } else if (s.state === 'failed') {
    showError(new Error('the run failed: ' + (s.error || 'unknown error')));
  } else if (!isFinished(s.state)) {
    showError(new Error('lost track of run ' + s.id));
  }
}

async function cancelRun() {
  if (!state.run) return;
  try {
    await api('DELETE', '/api/runs/' + state.run.id);
  } catch (e) {
    showError(e);
  }
}

function setBusy(busy) {
  for (const id of ['run-batch', 'run-compare', 'run-sweep']) $(id).disabled = busy;
  $('cancel').disabled = !busy;
}

function notice(text) {
  $('notice').textContent = text;
  $('notice').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
  $('notice').hidden = true;
  document.querySelectorAll('.invalid').forEach(el => { el.classList.remove('invalid'); el.title = ''; });
}

function showError(e) {
  const box = $('error');
  const lines = e.errors && e.errors.length
    ? e.errors.map(x => (x.field ? x.field + ': ' : '') + x.message)
    : [e.message];
  box.textContent = lines.join('\n');
  box.hidden = false;
  for (const x of e.errors || []) {
    const el = inputFor(x.field);
    if (el) { el.classList.add('invalid'); el.title = x.message; }
  }
}

function inputFor(field) {
  if (!field) return null;
  let m;
  if ((m = /^set\.(.+)$/.exec(field))) return leverInput(m[1], 'a');
  if ((m = /^b\.set\.(.+)$/.exec(field))) return leverInput(m[1], 'b');
  if ((m = /^vary\[(\d)\]\.(low|high|path)/.exec(field))) {
    return $((m[2] === 'path' ? 'sweep-path-' : 'sweep-' + m[2] + '-') + (Number(m[1]) + 1));
  }
  if (field === 'runs' || field === 'seed') return $(field);
  if (field === 'points') return $('sweep-points');
  if (field === 'b.name') return $('b-name');
  return leverInput(field, 'a');
}

// ---------------------------------------------------------------- results

async function loadResults(id) {
  let r;
  try {
    r = await api('GET', '/api/runs/' + id + '/results');
  } catch (e) {
    return showError(e);
  }
  state.results = r;
  if (state.timings.resultsLoaded === undefined) state.timings.resultsLoaded = performance.now();
  $('results').hidden = false;
  $('results-title').textContent = r.kind + ' of ' + r.scenario + ': ' + r.runs.toLocaleString('en-US')
    + ' replications' + (r.kind === 'batch' ? '' : ' per cell') + ', seed ' + r.seed
    + (r.failures ? ' (' + r.failures + ' failed)' : '');
  $('command').textContent = r.command_line;
  const dl = $('downloads');
  dl.innerHTML = '';
  for (const f of r.files) {
    const a = document.createElement('a');
    a.href = '/api/runs/' + id + '/files/' + f;
    a.download = f;
    a.textContent = f;
    a.dataset.file = f;
    dl.appendChild(a);
  }
  for (const v of ['batch', 'compare', 'sweep']) $(v + '-view').hidden = r.kind !== v;
  if (r.kind === 'batch') {
    summaryTable(r);
    await Promise.all([drawFan(), drawHistogram()]);
  } else if (r.kind === 'compare') {
    compareTable(r);
    await drawCompareFan();
  } else {
    await drawSweep();
  }
  $('results').dataset.run = id;
}

const SUMMARY_COLUMNS = ['metric', 'n', 'mean', 'ci_low', 'ci_high', 'p05', 'p50', 'p95'];
const COMPARE_COLUMNS = ['metric', 'mean_a', 'mean_b', 'diff_mean', 'diff_ci_low', 'diff_ci_high', 'p_b_gt_a', 'n'];

function numberTable(table, columns, rows, headers) {
  table.innerHTML = '';
  const head = table.createTHead().insertRow();
  columns.forEach((c, i) => {
    const th = document.createElement('th');
    th.textContent = headers ? headers[i] : c;
    th.title = c;
    head.appendChild(th);
  });
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.metric = row.metric;
    for (const c of columns) {
      const td = tr.insertCell();
      td.dataset.column = c;
      const v = row[c];
      if (typeof v === 'number' || v === null) {
        td.dataset.value = v === null ? '' : String(v);
        td.textContent = c === 'n' ? String(v) : num(v);
      } else {
        td.textContent = v;
      }
    }
  }
}

function summaryTable(r) {
  numberTable($('summary-table'), SUMMARY_COLUMNS, r.summary,
    ['metric', 'n', 'mean', 'ci95 low', 'ci95 high', 'p05', 'median', 'p95']);
}

function compareTable(r) {
  const a = r.cells[0].scenario;
  const b = r.cells[1].scenario;
  numberTable($('compare-table'), COMPARE_COLUMNS, r.compare,
    ['metric', 'mean ' + a, 'mean ' + b, 'diff (B-A)', 'ci95 low', 'ci95 high', 'P(B > A)', 'n']);
}

// ECharts loads beside the page (async); charts wait for it
function echartsReady() {
  return window.echarts ? Promise.resolve() : new Promise(r => $('echarts-js').addEventListener('load', r));
}

async function chart(id) {
  await echartsReady();
  if (!state.charts[id]) state.charts[id] = echarts.init($(id));
  return state.charts[id];
}

function firstChart() {
  if (state.timings.firstChart === undefined) {
    state.timings.firstChart = performance.now();
    state.timings.runToChart = performance.now() - state.timings.submitted;
  }
}

const COLORS = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c'];

function fanSeries(rows, cell, color, label, index) {
  const mine = rows.filter(x => x.scenario === cell.scenario && x.point === cell.point);
  const stack = 'band-' + label;
  const dates = mine.map(x => x.date);
  const out = [
    { name: label + ' p05', type: 'line', stack, data: mine.map(x => x.p05), symbol: 'none',
      lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
    { name: label + ' p05-p95', type: 'line', stack, data: mine.map(x => x.p95 - x.p05), symbol: 'none',
      lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.22 }, itemStyle: { color }, silent: true },
    { name: label + ' median', type: 'line', data: mine.map(x => x.p50), symbol: 'none',
      lineStyle: { color, width: 2 }, itemStyle: { color } },
  ];
  if (cell.ban_date) {
    let at = dates[0];
    for (const d of dates) if (d <= cell.ban_date) at = d;
    out[2].markLine = {
      symbol: 'none', silent: true,
      lineStyle: { color, type: 'dashed' },
      label: { formatter: 'ban ' + cell.ban_date, color, position: index % 2 ? 'start' : 'end' },
      data: [{ xAxis: at }],
    };
  }
  return { dates, series: out, rows: mine };
}

async function fanChart(elementId, seriesId, cells) {
  const data = await api('GET', '/api/runs/' + state.results.id + '/series?series=' + encodeURIComponent(seriesId));
  let dates = [];
  let series = [];
  cells.forEach((cell, i) => {
    const f = fanSeries(data.rows, cell, COLORS[i % COLORS.length], cell.scenario, i);
    dates = f.dates;
    series = series.concat(f.series);
  });
  const c = await chart(elementId);
  c.setOption({
    animation: false,
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    legend: { data: series.filter(s => s.name.endsWith('median') || s.name.endsWith('p05-p95')).map(s => s.name), top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: num },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: num } },
    series,
  }, true);
  $(elementId).dataset.series = seriesId;
  firstChart();
}

async function drawFan() {
  if (!state.results || state.results.kind !== 'batch') return;
  await fanChart('fan-chart', $('series-select').value, state.results.cells);
}

async function drawCompareFan() {
  if (!state.results || state.results.kind !== 'compare') return;
  await fanChart('compare-fan-chart', $('compare-series-select').value, state.results.cells);
}

async function drawHistogram() {
  if (!state.results || state.results.kind !== 'batch') return;
  const metric = $('metric-select').value;
  const data = await api('GET', '/api/runs/' + state.results.id + '/values?metric=' + encodeURIComponent(metric));
  const values = data.cells[0].values.filter(v => v !== null);
  const c = await chart('hist-chart');
  const bins = 30;
  let labels = [];
  let counts = [];
  if (values.length) {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi === lo) { lo -= 0.5; hi += 0.5; }
    const w = (hi - lo) / bins;
    counts = new Array(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / w))]++;
    labels = counts.map((_, i) => num(lo + (i + 0.5) * w));
  }
  c.setOption({
    animation: false,
    grid: { left: 60, right: 20, top: 30, bottom: 50 },
    title: { text: values.length + ' of ' + data.cells[0].values.length + ' runs have a value', right: 10, top: 0,
      textStyle: { fontSize: 11, fontWeight: 'normal', color: '#5a6474' } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, name: metric, nameLocation: 'middle', nameGap: 32 },
    yAxis: { type: 'value', name: 'runs' },
    series: [{ type: 'bar', data: counts, itemStyle: { color: COLORS[0] }, barCategoryGap: '5%' }],
  }, true);
  $('hist-chart').dataset.metric = metric;
  $('hist-chart').dataset.count = values.length;
  firstChart();
}

async function drawSweep() {
  const r = state.results;
  if (!r || r.kind !== 'sweep') return;
  const metric = $('sweep-metric').value;
  const stat = $('sweep-stat').value;
  const byPoint = {};
  for (const row of r.summary) if (row.metric === metric) byPoint[row.point] = row;
  const points = r.points.map(p => Object.assign({ row: byPoint[p.point] }, p));
  const [p1, p2] = r.vary;
  const key = (v) => (typeof v === 'number' ? v : String(v));
  const c = await chart('sweep-chart');
  let option;
  if (!p2) {
    points.sort((x, y) => (key(x[p1]) < key(y[p1]) ? -1 : key(x[p1]) > key(y[p1]) ? 1 : 0));
    const xs = points.map(p => (typeof p[p1] === 'number' ? num(p[p1]) : p[p1]));
    option = {
      animation: false,
      grid: { left: 80, right: 20, top: 30, bottom: 50 },
      tooltip: { trigger: 'axis', valueFormatter: num },
      legend: { top: 0 },
      xAxis: { type: 'category', data: xs, name: p1, nameLocation: 'middle', nameGap: 32, boundaryGap: false },
      yAxis: { type: 'value', name: metric, axisLabel: { formatter: num } },
      series: [
        { name: 'p05', type: 'line', stack: 'band', data: points.map(p => p.row.p05), symbol: 'none',
          lineStyle: { opacity: 0 }, silent: true },
        { name: 'p05-p95', type: 'line', stack: 'band', data: points.map(p => p.row.p95 - p.row.p05),
          symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: COLORS[0], opacity: 0.2 }, silent: true },
        { name: stat === 'p50' ? 'median' : 'mean', type: 'line', data: points.map(p => p.row[stat]),
          lineStyle: { color: COLORS[0], width: 2 }, itemStyle: { color: COLORS[0] } },
      ],
    };
  } else {
    const xs = [...new Set(points.map(p => key(p[p1])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const ys = [...new Set(points.map(p => key(p[p2])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const cells = points.map(p => [xs.indexOf(key(p[p1])), ys.indexOf(key(p[p2])), p.row[stat]]);
    const vals = cells.map(x => x[2]).filter(v => v !== null);
    const label = (v) => (typeof v === 'number' ? num(v) : v);
    option = {
      animation: false,
      grid: { left: 100, right: 90, top: 10, bottom: 60 },
      tooltip: { formatter: (p) => p1 + ' ' + label(xs[p.value[0]]) + '<br>' + p2 + ' ' + label(ys[p.value[1]])
        + '<br>' + metric + ' ' + stat + ' ' + num(p.value[2]) },
      xAxis: { type: 'category', data: xs.map(label), name: p1, nameLocation: 'middle', nameGap: 32 },
      yAxis: { type: 'category', data: ys.map(label), name: p2, nameLocation: 'middle', nameGap: 70 },
      visualMap: { min: vals.length ? Math.min(...vals) : 0, max: vals.length ? Math.max(...vals) : 1,
        calculable: true, orient: 'vertical', right: 0, top: 'center', formatter: num,
        inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => num(p.value[2]), fontSize: 10 } }],
    };
  }
  c.setOption(option, true);
  $('sweep-chart').dataset.metric = metric;
  $('sweep-chart').dataset.stat = stat;
  sweepTable(r, points, metric, stat);
  firstChart();
}

function sweepTable(r, points, metric, stat) {
  const rows = points.map(p => {
    const o = { metric: p.point };
    for (const path of r.vary) o[path] = p[path];
    o[stat] = p.row[stat];
    o.p05 = p.row.p05;
    o.p95 = p.row.p95;
    return o;
  });
  numberTable($('sweep-table'), ['metric'].concat(r.vary, [stat, 'p05', 'p95']), rows,
    ['point'].concat(r.vary, [metric + ' ' + stat, 'p05', 'p95']));
}

async function copyCommand() {
  const text = $('command').textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const range = document.createRange();
    range.selectNodeContents($('command'));
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    document.execCommand('copy');
  }
  $('copy-command').textContent = 'Copied';
  setTimeout(() => { $('copy-command').textContent = 'Copy'; }, 1500);
}

document.addEventListener('DOMContentLoaded', init);
