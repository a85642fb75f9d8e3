/*
 * Backstop's dashboard, its common part: the signed-in user, the API and its problems, numbers as a person reads
 * them, tables, charts and the event stream; pages.js draws each page with these. Each page is drawn from the API
 * alone (public reads, and the signed-in user's own endpoints), redrawn on every event of the vault's stream, so
 * the page never says what the API would not.
 * Charts are Apache ECharts. No build step: plain modern JavaScript.
 */
'use strict';
(() => {
  const API = '/api/v1';
  const page = document.body.dataset.page;
  const vault = document.body.dataset.vault || null;
  const localMode = document.body.dataset.local === 'true';
  const $ = (selector) => document.querySelector(selector);

  // ---- the signed-in user: a bearer token kept for this browser tab ----
  const session = {
    get token() { return sessionStorage.getItem('backstop.token'); },
    get role() { return sessionStorage.getItem('backstop.role'); },
    get name() { return sessionStorage.getItem('backstop.name'); },
    set(token, role, name) {
      sessionStorage.setItem('backstop.token', token);
      sessionStorage.setItem('backstop.role', role);
      sessionStorage.setItem('backstop.name', name);
    },
    clear() { ['token', 'role', 'name'].forEach((k) => sessionStorage.removeItem('backstop.' + k)); },
  };

  // ---- talking to the API: problems (RFC 9457) become errors that say what went wrong ----
  class Problem extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || ('HTTP ' + status));
      this.status = status;
      this.type = problem.type || '';
    }
  }

  async function api(method, path, { body, key, accept } = {}) {
    const headers = { accept: accept || 'application/json' };
    if (session.token) headers.authorization = 'Bearer ' + session.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined
      : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
      let problem = {};
      try { problem = JSON.parse(text); } catch (e) { problem = { detail: text }; }
      throw new Problem(response.status, problem);
    }
    if (accept && accept !== 'application/json') return text;
    return text ? JSON.parse(text) : null;
  }

  const get = (path) => api('GET', path);
  const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

  /** Every page of a paginated list, up to a bound. */
  async function allPages(path, field, maxPages = 20) {
    const items = [];
    let cursor = null;
    for (let i = 0; i < maxPages; i++) {
      const sep = path.includes('?') ? '&' : '?';
      const answer = await get(path + (cursor ? sep + 'cursor=' + encodeURIComponent(cursor) : ''));
      items.push(...answer[field]);
      cursor = answer.next;
      if (!cursor) break;
    }
    return items;
  }

  function status(message, kind) {
    const line = $('#status');
    line.textContent = message || '';
    line.className = 'status' + (kind ? ' ' + kind : '');
  }

  /** Runs a user's action, saying what it did or why it was refused. */
  async function act(what, fn) {
    status(what + '…');
    try {
      const said = await fn();
      status(said || what + ': done', 'ok');
    } catch (e) {
      status(what + ' refused: ' + e.message, 'error');
    }
  }

  // ---- numbers as a person reads them: money with its currency, ratios as percentages ----
  const grouped = (digits) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits,
    maximumFractionDigits: digits });
  const fmt = {
    money(text, ccy) {
      if (text === null || text === undefined) return '—';
      const v = Number(text);
      const digits = v !== 0 && Math.abs(v) < 0.01 ? 6 : 2;   // a fraction of a cent keeps its digits
      return grouped(digits).format(v) + ' ' + ccy;
    },
    qty(text) {
      if (text === null || text === undefined) return '—';
      return new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(Number(text));
    },
    pct(ratio) { return ratio === null || ratio === undefined ? '—' : grouped(2).format(ratio * 100) + ' %'; },
    time(iso) { return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '—'; },
    day(iso) { return iso ? iso.substring(0, 10) : '—'; },
    compact(v) { return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(v); },
  };

  // ---- drawing ----
  function cell(content, cls) {
    const td = document.createElement('td');
    if (content instanceof Node) td.appendChild(content); else td.textContent = content;
    if (cls) td.className = cls;
    return td;
  }

  function rows(table, items, render, empty) {
    const tbody = $(table + ' tbody');
    tbody.replaceChildren();
    if (items.length === 0) {
      const tr = document.createElement('tr');
      tr.className = 'empty';
      const td = cell(empty || 'nothing yet');
      td.colSpan = $(table + ' thead tr') ? $(table + ' thead tr').children.length : 2;
      tr.appendChild(td);
      tbody.appendChild(tr);
      return;
    }
    for (const item of items) {
      const tr = document.createElement('tr');
      render(item).forEach((c) => tr.appendChild(c instanceof Node && c.tagName === 'TD' ? c : cell(c)));
      tbody.appendChild(tr);
    }
  }

  function kpis(target, pairs) {
    const box = $(target);
    box.replaceChildren();
    for (const [label, value, cls, id] of pairs) {
      const div = document.createElement('div');
      div.className = 'kpi';
      if (id) div.id = id;
      const l = document.createElement('div');
      l.className = 'label';
      l.textContent = label;
      const v = document.createElement('div');
      v.className = 'value' + (cls ? ' ' + cls : '');
      v.textContent = value;
      div.append(l, v);
      box.appendChild(div);
    }
  }

  function link(text, href) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function button(text, onClick, id) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (id) b.id = id;
    b.addEventListener('click', onClick);
    return b;
  }

  const charts = {};
  function chart(id, option) {
    const el = document.getElementById(id);
    if (!charts[id]) charts[id] = echarts.init(el);
    charts[id].setOption(option, true);
  }
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  const moneyAxis = (ccy) => ({ type: 'value', scale: false,
    axisLabel: { formatter: (v) => fmt.compact(v) + ' ' + ccy } });

  // ---- following the vault's events: redraw shortly after each, never more than a few times a second ----
  // One stream per page, closed when the page goes: a browser holds six connections to a host, and a stream left
  // open by a page in its back-forward cache would hold one of them.
  const streams = [];
  window.addEventListener('pagehide', () => streams.forEach((s) => s.close()));

  function live(id, redraw) {
    let pending = null;
    const stream = new EventSource(API + '/vaults/' + encodeURIComponent(id) + '/events');
    streams.push(stream);
    const onEvent = () => {
      if (pending) return;
      pending = setTimeout(() => { pending = null; redraw().catch((e) => status(e.message, 'error')); }, 300);
    };
    // Each event is named by its type (SSE 'event:'), so the page listens for every type the service has.
    document.body.dataset.events.split(' ').forEach((type) => stream.addEventListener(type, onEvent));
    stream.onmessage = onEvent;
  }

  /** Redraws every few seconds: for a page over every vault, which has no single stream to follow. */
  function every(seconds, redraw) {
    setInterval(() => redraw().catch((e) => status(e.message, 'error')), seconds * 1000);
  }

  function whoAmI() {
    $('#who').textContent = session.token ? session.name + ' (' + session.role + ')' : 'not signed in';
  }

  function needRole(role) {
    if (session.role !== role) {
      status('Sign in as ' + role + ' to use this page.', 'error');
      return false;
    }
    return true;
  }

  /** The buffer's coverage of the stress loss, or that nothing is at risk. */
  const coverage = (b) => (b.coverage === null ? 'nothing at risk' : fmt.pct(b.coverage));

  /** What the page scripts (pages.js) draw with. */
  window.Backstop = {
    API, page, vault, localMode, $, session, api, get, newKey, allPages, status, act, fmt, cell, rows, kpis,
    link, button, chart, moneyAxis, live, every, whoAmI, needRole, coverage,
  };
})();
