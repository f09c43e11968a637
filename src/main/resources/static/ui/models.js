import { allows, api, fixed, h } from './api.js';
import { lineChart } from './chart.js';

/** Models: each with its versions, aliases, metrics and backtest; aliases and deletion for admins. */
export async function modelsPage(page, me, name) {
  const models = await api('/api/v1/models');
  page.replaceChildren(h('h1', {}, 'Models'));
  if (models.length === 0) {
    page.append(h('p', { class: 'muted' }, 'No model is registered yet.',
      allows(me.role, 'TRAINER') ? [' ', h('a', { href: '#/training' }, 'Train one.')] : ''));
    return;
  }
  page.append(h('div', { class: 'card table-wrap' }, h('table', { id: 'models' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Model'), h('th', {}, 'Versions'), h('th', {}, 'Latest'), h('th', {}, 'Aliases'))),
    h('tbody', {}, models.map((m) => h('tr', {},
      h('td', {}, h('a', { href: `#/models/${encodeURIComponent(m.name)}` }, m.name)),
      h('td', {}, m.versions.join(', ')), h('td', {}, m.latest ?? ''),
      h('td', {}, Object.entries(m.aliases).map(([a, v]) => `${a} → ${v}`).join(', '))))))));
  if (name) {
    await modelDetail(page, me, name);
  }
}

async function modelDetail(page, me, name) {
  const [model, versions] = await Promise.all([api(`/api/v1/models/${encodeURIComponent(name)}`), api(`/api/v1/models/${encodeURIComponent(name)}/versions`)]);
  const card = h('section', { class: 'card', id: 'model-detail' }, h('h2', {}, name));
  page.append(card);
  const rows = versions.map((v) => {
    const manifest = v.manifest || {};
    const classifier = manifest.classifier;
    const metric = classifier && classifier.metrics ? `accuracy ${fixed(classifier.metrics.accuracy)}`
      : manifest.metrics ? `MASE ${fixed(manifest.metrics.mase)}` : '';
    const aliases = Object.entries(model.aliases).filter(([, target]) => target === v.version).map(([a]) => a);
    return h('tr', {},
      h('td', {}, v.version), h('td', {}, v.available ? '' : `unavailable: ${v.reason}`),
      h('td', {}, manifest.createdAt ? new Date(manifest.createdAt).toLocaleString() : ''),
      h('td', {}, (manifest.task || 'FORECASTING').toLowerCase()), h('td', {}, metric), h('td', {}, aliases.join(', ')),
      h('td', {}, allows(me.role, 'ADMIN') ? h('button', {
        class: 'danger', type: 'button', 'data-delete': v.version,
        onclick: async () => {
          if (!confirm(`Delete version ${v.version} of ${name}? This cannot be undone.`)) return;
          await run(card, () => api(`/api/v1/models/${encodeURIComponent(name)}/versions/${v.version}`, { method: 'DELETE' }));
          location.hash = `#/models/${encodeURIComponent(name)}?${Date.now()}`;
        },
      }, 'Delete') : ''));
  });
  card.append(h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Version', 'State', 'Created', 'Task', 'Validation', 'Aliases', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows))));
  if (allows(me.role, 'ADMIN')) {
    const alias = h('input', { id: 'alias-name', value: 'production', required: true });
    const target = h('select', { id: 'alias-version' }, versions.filter((v) => v.available)
      .map((v) => h('option', { value: v.version }, v.version)));
    card.append(h('form', {
      class: 'actions', id: 'alias-form',
      onsubmit: async (event) => {
        event.preventDefault();
        await run(card, () => api(`/api/v1/models/${encodeURIComponent(name)}/aliases/${encodeURIComponent(alias.value)}`,
          { method: 'PUT', body: { version: Number(target.value) } }));
        location.hash = `#/models/${encodeURIComponent(name)}?${Date.now()}`;
      },
    }, h('div', {}, h('label', { for: 'alias-name' }, 'Alias'), alias),
    h('div', {}, h('label', { for: 'alias-version' }, 'Version'), target),
    h('button', { type: 'submit' }, 'Point alias')));
  }
  const withBacktest = versions.filter((v) => v.manifest && v.manifest.backtest && v.manifest.backtest.scores.MODEL).at(-1);
  if (withBacktest) {
    const backtest = withBacktest.manifest.backtest;
    const steps = backtest.scores.MODEL.mase.map((_, i) => i + 1);
    const colors = ['#1f6feb', '#8250df', '#bf8700', '#1a7f37', '#cf222e', '#57606a', '#0a7ea4'];
    const shown = ['MODEL', 'NETWORK', 'ETS_AVERAGED', 'ETS', 'DAMPED', 'SEASONAL_NAIVE', 'THETA'].filter((k) => backtest.scores[k]);
    card.append(h('h3', {}, `Backtest of version ${withBacktest.version}: MASE at each step ahead (${backtest.origins} origins)`),
      lineChart({
        title: 'Backtest MASE by step', xLabel: (x) => String(Math.round(x)),
        series: shown.map((k, i) => ({ name: k, color: colors[i], x: steps, y: backtest.scores[k].mase })),
      }));
  }
}

/** Runs an action, showing the service's refusal in the card instead of throwing. */
export async function run(card, action) {
  card.querySelectorAll('.error').forEach((e) => e.remove());
  try {
    return await action();
  } catch (error) {
    card.append(h('p', { class: 'error', role: 'alert' }, error.message));
    throw error;
  }
}
