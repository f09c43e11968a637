import { allows, api, h, session } from './api.js';
import { classifyPage } from './classify.js';
import { forecastPage, trajectoriesPage } from './forecast.js';
import { modelsPage } from './models.js';
import { jobPage, trainingPage } from './training.js';

const page = document.getElementById('page');
const signInForm = document.getElementById('sign-in');
let me = null;
let leaving = null;

async function signIn(key) {
  session.signIn(key);
  try {
    me = await api('/api/v1/key');
  } catch (error) {
    session.signOut();
    me = null;
    throw error;
  }
}

function shell() {
  const signedIn = me !== null;
  signInForm.hidden = signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  if (signedIn) {
    document.getElementById('who-name').textContent = `${me.name} (${me.role.toLowerCase()})`;
    // What a role may not do is not offered; the service refuses it anyway.
    document.querySelectorAll('[data-role]').forEach((link) => {
      link.hidden = !allows(me.role, link.dataset.role);
    });
  } else {
    page.replaceChildren();
    document.getElementById('key').focus();
  }
}

async function route() {
  if (leaving) leaving.abort();
  leaving = new AbortController();
  if (me === null) return shell();
  const [path] = location.hash.replace(/^#\/?/, '').split('?');
  const [section, argument] = path.split('/');
  document.querySelectorAll('nav a').forEach((link) => {
    link.classList.toggle('active', link.dataset.page === (section === 'jobs' ? 'training' : section || 'models'));
  });
  try {
    if (section === 'training' && allows(me.role, 'TRAINER')) await trainingPage(page);
    else if (section === 'jobs' && argument && allows(me.role, 'TRAINER')) await jobPage(page, argument, leaving.signal);
    else if (section === 'forecast') await forecastPage(page, me);
    else if (section === 'trajectories') await trajectoriesPage(page);
    else if (section === 'classify') await classifyPage(page);
    else await modelsPage(page, me, argument ? decodeURIComponent(argument) : null);
  } catch (error) {
    if (error.status === 401) {
      session.signOut();
      me = null;
      return shell();
    }
    page.append(h('p', { class: 'error', role: 'alert' }, error.message));
  }
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  try {
    await signIn(document.getElementById('key').value.trim());
    document.getElementById('key').value = '';
    shell();
    await route();
  } catch (failure) {
    error.textContent = failure.status === 401 ? 'That key is not valid here.' : failure.message;
  }
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  me = null;
  location.hash = '#/models';
  shell();
});

window.addEventListener('hashchange', route);

(async () => {
  if (session.key()) {
    try {
      await signIn(session.key());
    } catch (error) {
      // The stored key no longer works: ask for one.
    }
  }
  shell();
  await route();
})();
