import { allows, api, h, parseValues } from './api.js';
import { lineChart, trackChart } from './chart.js';
import { run } from './models.js';

/** The model and version pickers every forecast page starts with. */
async function pickers(kind) {
  const models = await api('/api/v1/models');
  const model = h('select', { id: 'model' }, models.map((m) => h('option', { value: m.name }, m.name)));
  const version = h('select', { id: 'version' });
  const fill = async () => {
    const info = models.find((m) => m.name === model.value);
    version.replaceChildren(h('option', { value: '' }, 'production, else latest'),
      ...(info ? info.versions : []).map((v) => h('option', { value: v }, `version ${v}`)));
  };
  model.addEventListener('change', fill);
  await fill();
  const query = () => (version.value ? `?version=${version.value}` : '');
  return { models, model, version, query, fields: [
    h('div', {}, h('label', { for: 'model' }, `Model (${kind})`), model),
    h('div', {}, h('label', { for: 'version' }, 'Version'), version)] };
}

/** Forecast: history and forecast on one axis, intervals as bands, the forecast as CSV. */
export async function forecastPage(page, me) {
  const pick = await pickers('series');
  const history = h('textarea', { id: 'history', placeholder: 'history: values oldest first, or a CSV' });
  const file = h('input', { id: 'history-file', type: 'file', accept: '.csv,text/csv' });
  const horizon = h('input', { id: 'forecast-horizon', type: 'number', min: 1, placeholder: "the model's" });
  const level = h('select', { id: 'level' }, ['none', '80', '95'].map((l) => h('option', { value: l }, l === 'none'
    ? 'no interval' : `${l} % interval`)));
  const plot = h('div', { id: 'forecast-chart' });
  const download = h('div');
  file.addEventListener('change', async () => {
    history.value = await file.files[0].text();
  });
  const form = h('form', { class: 'card', id: 'forecast-form' }, h('h1', {}, 'Forecast'),
    h('div', { class: 'grid' }, pick.fields,
      h('div', {}, h('label', { for: 'forecast-horizon' }, 'Horizon'), horizon),
      h('div', {}, h('label', { for: 'level' }, 'Interval'), level)),
    h('label', { for: 'history-file' }, 'History from a CSV file'), file,
    h('label', { for: 'history' }, 'History'), history,
    h('div', { class: 'actions' },
      allows(me.role, 'TRAINER') ? h('button', { type: 'button', class: 'secondary', id: 'stored-button',
        onclick: useStored }, "Use the version's series") : '',
      h('button', { type: 'submit', id: 'forecast-button' }, 'Forecast')));

  /** The first series the version's backtest scored (stored with it), as history. */
  async function useStored() {
    const name = pick.model.value;
    const info = await run(form, () => api(`/api/v1/models/${encodeURIComponent(name)}`));
    const chosen = pick.version.value ? Number(pick.version.value) : info.aliases.production ?? info.latest;
    const stored = await run(form, () => api(`/api/v1/models/${encodeURIComponent(name)}/versions/${chosen}/series`));
    history.value = stored.series[0].map((row) => row[0]).join(', ');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = parseValues(history.value);
    const body = { series: [{ id: 'history', values }] };
    if (horizon.value) body.horizon = Number(horizon.value);
    if (level.value !== 'none') body.levels = [Number(level.value)];
    const answer = await run(form, () => api(`/api/v1/models/${encodeURIComponent(pick.model.value)}/forecast${pick.query()}`,
      { method: 'POST', body }));
    const forecast = answer.forecasts[0];
    const steps = forecast.values.map((v) => (Array.isArray(v) ? v[0] : v));
    const past = values.map((_, i) => i - values.length + 1);
    const ahead = steps.map((_, i) => i + 1);
    const band = forecast.intervals ? forecast.intervals[0] : null;
    plot.replaceChildren(lineChart({
      title: `Forecast of ${pick.model.value} version ${answer.version}`, xLabel: (x) => String(Math.round(x)),
      series: [{ name: 'history', color: '#57606a', x: past, y: values },
        { name: 'forecast', color: '#1f6feb', x: [0].concat(ahead), y: [values.at(-1)].concat(steps), dashed: true }],
      bands: band ? [{ name: `${band.level} % interval (${band.calibration === 'MODEL' ? 'model paths' : 'backtest'})`, x: ahead, lower: band.lower.map(first), upper: band.upper.map(first) }] : [],
    }));
    const csv = ['step,timestamp,forecast' + (band ? ',lower,upper' : '')].concat(steps.map((v, i) => [i + 1,
      forecast.timestamps ? forecast.timestamps[i] : '', v].concat(band ? [first(band.lower[i]), first(band.upper[i])] : [])
      .join(','))).join('\n');
    download.replaceChildren(h('a', {
      id: 'download', download: `${pick.model.value}-forecast.csv`,
      href: URL.createObjectURL(new Blob([csv + '\n'], { type: 'text/csv' })),
    }, 'Download the forecast as CSV'), h('p', { class: 'muted' }, `Receipt: manifest ${answer.receipt.manifestSha256
      .slice(0, 12)}…, input ${answer.receipt.inputSha256.slice(0, 12)}…`));
  });
  page.replaceChildren(form, plot, download);
}

function first(v) {
  return Array.isArray(v) ? v[0] : v;
}

/** Trajectories: each track drawn with the forecast continuing it, error radii as discs. */
export async function trajectoriesPage(page) {
  const pick = await pickers('trajectories');
  const points = h('textarea', { id: 'track', placeholder: 'one point per line: x,y (or x,y,z); a blank line starts another track' });
  const horizon = h('input', { id: 'track-horizon', type: 'number', min: 1, placeholder: "the model's" });
  const plot = h('div', { id: 'track-chart' });
  const form = h('form', { class: 'card', id: 'track-form' }, h('h1', {}, 'Trajectories'),
    h('div', { class: 'grid' }, pick.fields, h('div', {}, h('label', { for: 'track-horizon' }, 'Horizon'), horizon)),
    h('label', { for: 'track' }, 'Tracks'), points,
    h('button', { type: 'submit', id: 'track-button' }, 'Forecast tracks'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const tracks = points.value.trim().split(/\n\s*\n/).map((block, i) => ({
      id: `track ${i + 1}`,
      points: block.trim().split(/\n/).map((line) => line.split(',').map(Number))
        .map(([x, y, z]) => (z === undefined ? { x, y } : { x, y, z })),
    }));
    const body = { trajectories: tracks };
    if (horizon.value) body.horizon = Number(horizon.value);
    // Radii where the version has them: calibrated on at least the 4 validation windows an 80 % radius needs.
    const name = pick.model.value;
    const info = await run(form, () => api(`/api/v1/models/${encodeURIComponent(name)}`));
    const chosen = pick.version.value ? Number(pick.version.value) : info.aliases.production ?? info.latest;
    const version = await run(form, () => api(`/api/v1/models/${encodeURIComponent(name)}/versions/${chosen}`));
    const metrics = version.manifest && version.manifest.metrics;
    if (metrics && metrics.displacement && metrics.displacement.radii && metrics.displacement.radii.cases >= 4) {
      body.levels = [80];
    }
    const answer = await run(form, () => api(`/api/v1/models/${encodeURIComponent(name)}/forecast?version=${chosen}`, { method: 'POST', body }));
    const drawn = [];
    answer.forecasts.forEach((forecast, i) => {
      const known = tracks[i].points.map((p) => [p.x, p.y]);
      drawn.push({ name: `${forecast.id}`, color: '#57606a', points: known });
      drawn.push({ name: `${forecast.id} forecast`, color: '#1f6feb', dashed: true,
        points: [known.at(-1)].concat(forecast.points.map((p) => [p.x, p.y])),
        radii: forecast.radii ? [0].concat(forecast.radii[0].radii) : undefined });
    });
    plot.replaceChildren(trackChart({ title: `Tracks forecast by ${pick.model.value} version ${answer.version}`, tracks: drawn }));
  });
  page.replaceChildren(form, plot);
}
