import { api, fixed, follow, h, parseValues } from './api.js';
import { lineChart } from './chart.js';
import { run } from './models.js';

/** Training: a job from a CSV file or pasted values, its pre-flight check, and the list of jobs. */
export async function trainingPage(page) {
  const model = h('input', { id: 'model-name', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{0,62}', value: 'demand' });
  const file = h('input', { id: 'csv-file', type: 'file', accept: '.csv,text/csv' });
  const pasted = h('textarea', { id: 'values', placeholder: 'or paste values: 112, 118, 132, ...' });
  const cell = h('select', { id: 'cell' }, ['LSTM', 'GRU', 'RNN'].map((c) => h('option', { value: c }, c)));
  const horizon = h('input', { id: 'horizon', type: 'number', min: 1, placeholder: 'one season' });
  const season = h('input', { id: 'season', type: 'number', min: 1, placeholder: 'detected' });
  const epochs = h('input', { id: 'epochs', type: 'number', min: 1, placeholder: '200' });
  const output = h('div', { id: 'check' });
  const form = h('form', { class: 'card', id: 'training-form' },
    h('h1', {}, 'Train a model'),
    h('div', { class: 'grid' },
      h('div', {}, h('label', { for: 'model-name' }, 'Model name'), model),
      h('div', {}, h('label', { for: 'cell' }, 'Cell'), cell),
      h('div', {}, h('label', { for: 'horizon' }, 'Horizon'), horizon),
      h('div', {}, h('label', { for: 'season' }, 'Season'), season),
      h('div', {}, h('label', { for: 'epochs' }, 'Epochs'), epochs)),
    h('label', { for: 'csv-file' }, 'CSV file (a header row; a time column and a series column are optional)'), file,
    h('label', { for: 'values' }, 'Values'), pasted,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'check-button', onclick: () => submit('/api/v1/data-checks') },
        'Check data'),
      h('button', { type: 'submit', id: 'train-button' }, 'Train')),
    output);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('/api/v1/training-jobs');
  });

  async function submit(path) {
    const settings = new URLSearchParams({ model: model.value, cell: cell.value });
    if (horizon.value) settings.set('horizon', horizon.value);
    if (season.value) settings.set('seasonality', season.value);
    if (epochs.value) settings.set('epochs', epochs.value);
    let request;
    if (file.files.length > 0) {
      request = api(`${path}?${settings}`, { method: 'POST', body: await file.files[0].text(), type: 'text/csv' });
    } else {
      request = api(path, {
        method: 'POST', body: {
          model: model.value, data: { series: [{ id: 'series', values: parseValues(pasted.value) }],
            seasonality: season.value ? Number(season.value) : undefined },
          spec: { cell: cell.value, horizon: horizon.value ? Number(horizon.value) : undefined },
          training: epochs.value ? { epochs: Number(epochs.value) } : undefined,
        },
      });
    }
    const answer = await run(form, () => request);
    if (path.endsWith('data-checks')) {
      output.replaceChildren(h('p', { class: answer.accepted ? '' : 'error' }, answer.accepted
        ? `Accepted: season ${answer.season ?? '-'} (${answer.seasonSource ?? '-'}), window ${answer.window}, horizon `
          + `${answer.horizon ?? '-'}, ${answer.windows} windows, ${answer.members} network${answer.members === 1 ? '' : 's'},`
          + ` about ${Math.ceil(answer.estimatedBytes / 1048576)} MiB.`
        : `Would be refused: ${answer.reason}`));
    } else {
      location.hash = `#/jobs/${answer.id}`;
    }
  }

  const jobs = await api('/api/v1/training-jobs?size=50');
  page.replaceChildren(form, h('section', { class: 'card table-wrap' }, h('h2', {}, 'Jobs'), h('table', { id: 'jobs' },
    h('thead', {}, h('tr', {}, ['Job', 'Model', 'Status', 'Epoch', 'Created'].map((t) => h('th', {}, t)))),
    h('tbody', {}, jobs.items.map((job) => h('tr', {},
      h('td', {}, h('a', { href: `#/jobs/${job.id}` }, job.id.slice(0, 8))), h('td', {}, job.model), h('td', {}, job.status),
      h('td', {}, `${job.progress.epoch} / ${job.progress.epochs}`),
      h('td', {}, new Date(job.createdAt).toLocaleString())))))));
}

/** A job: status and loss curves growing live from its event stream; cancel while it runs. */
export async function jobPage(page, id, signal) {
  const status = h('p', { id: 'job-status' });
  const chart = h('div', { id: 'loss-chart' });
  const cancel = h('button', {
    class: 'danger', type: 'button', id: 'cancel-button',
    onclick: () => run(page, () => api(`/api/v1/training-jobs/${id}/cancel`, { method: 'POST' })),
  }, 'Cancel');
  const result = h('div', { id: 'job-result' });
  page.replaceChildren(h('section', { class: 'card' }, h('h1', {}, `Training job ${id.slice(0, 8)}`), status, cancel),
    chart, result);
  const losses = [];
  const show = (job) => {
    for (const loss of job.lossHistory) {
      losses[loss.epoch - 1] = loss;
    }
    status.textContent = `${job.model}: ${job.status}, epoch ${job.progress.epoch} of ${job.progress.epochs}`
      + (job.error ? ` (${job.error})` : '');
    cancel.hidden = !['QUEUED', 'RUNNING'].includes(job.status);
    const known = losses.filter((l) => l);
    chart.replaceChildren(lineChart({
      title: 'Loss by epoch', xLabel: (x) => String(Math.round(x)),
      series: [
        { name: 'train', color: '#1f6feb', x: known.map((l) => l.epoch), y: known.map((l) => l.trainLoss) },
        { name: 'validation', color: '#bf8700', x: known.map((l) => l.epoch), y: known.map((l) => l.validationLoss ?? NaN) },
      ],
    }));
    if (job.result) {
      const r = job.result;
      result.replaceChildren(h('section', { class: 'card' }, h('h2', {}, `Registered version ${r.version}`),
        r.metrics ? h('p', {}, `Validation MASE ${fixed(r.metrics.mase)}, season ${r.season}`) : '',
        r.classification ? h('p', {}, `Validation accuracy ${fixed(r.classification.accuracy)}, macro-F1 `
          + `${fixed(r.classification.macroF1)}`) : '',
        r.blend ? h('p', { class: 'muted' }, r.blend.reason) : '',
        h('a', { href: `#/models/${encodeURIComponent(r.model)}` }, 'Open the model')));
    }
  };
  show(await api(`/api/v1/training-jobs/${id}`));
  follow(`/api/v1/training-jobs/${id}/events`, show, signal).catch((error) => {
    if (error.name !== 'AbortError') status.textContent += ` (live updates stopped: ${error.message})`;
  });
}
