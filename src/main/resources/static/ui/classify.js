import { api, h } from './api.js';
import { run } from './models.js';

/** Classify: texts (one per line) named by a classifier, each with its most probable labels. */
export async function classifyPage(page) {
  const models = await api('/api/v1/models');
  const model = h('select', { id: 'classifier' }, models.map((m) => h('option', { value: m.name }, m.name)));
  const texts = h('textarea', { id: 'texts', placeholder: 'one text per line' });
  const top = h('input', { id: 'top', type: 'number', min: 1, max: 20, value: 3 });
  const results = h('div', { id: 'classified' });
  const form = h('form', { class: 'card', id: 'classify-form' }, h('h1', {}, 'Classify'),
    h('div', { class: 'grid' }, h('div', {}, h('label', { for: 'classifier' }, 'Classifier'), model),
      h('div', {}, h('label', { for: 'top' }, 'Labels per text'), top)),
    h('label', { for: 'texts' }, 'Texts'), texts,
    h('button', { type: 'submit', id: 'classify-button' }, 'Classify'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = texts.value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line);
    const answer = await run(form, () => api(`/api/v1/models/${encodeURIComponent(model.value)}/classify`, {
      method: 'POST', body: { sequences: lines.map((text, i) => ({ id: String(i + 1), text })), top: Number(top.value) },
    }));
    results.replaceChildren(h('section', { class: 'card table-wrap' }, h('h2', {}, `${model.value} version ${answer.version}`),
      h('table', { id: 'classifications' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Text'), h('th', {}, 'Labels, most probable first'))),
        h('tbody', {}, answer.predictions.map((prediction, i) => h('tr', {}, h('td', {}, lines[i]),
          h('td', {}, prediction.labels.map((l) => `${l.label} ${(100 * l.probability).toFixed(1)} %`).join(', '))))))));
  });
  page.replaceChildren(form, results);
}
