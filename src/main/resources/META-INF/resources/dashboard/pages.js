/*
 * Backstop's dashboard pages: one function per page (data-page on <body>), each drawing from the API with the
 * common part in dashboard.js and redrawing on its vault's events.
 */
'use strict';
(() => {
  const {
    API, page, vault, localMode, $, session, api, get, newKey, allPages, status, act, fmt, cell, rows, kpis,
    link, button, chart, moneyAxis, live, every, whoAmI, needRole, coverage,
  } = window.Backstop;

  let currency = 'USD';
  function setCurrency(ccy) {
    currency = ccy;
    document.querySelectorAll('.ccy').forEach((s) => { s.textContent = ccy; });
  }

  // ---- pages ----
  const pages = {};

  pages.vaults = async () => {
    const draw = async () => {
      const vaults = await get('/vaults');
      const buffers = await Promise.all(vaults.map((v) => get('/vaults/' + v.id + '/buffer')));
      rows('#vaults', vaults.map((v, i) => [v, buffers[i]]), ([v, b]) => [
        cell(link(v.id, '/vaults/' + v.id)), v.underlying + '/' + v.quoteCurrency,
        fmt.money(v.spot, v.quoteCurrency), fmt.money(v.nav, v.quoteCurrency), fmt.qty(v.sharePrice),
        fmt.pct(v.utilization), fmt.money(b.balance, v.quoteCurrency), fmt.pct(b.coverage),
        cell(v.riskLevel, 'band-' + v.riskLevel)], 'no vault yet');
      return vaults;
    };
    await draw();
    every(5, draw);
  };

  async function vaultAndBuffer() {
    const [v, b] = await Promise.all([get('/vaults/' + vault), get('/vaults/' + vault + '/buffer')]);
    setCurrency(v.quoteCurrency);
    return [v, b];
  }

  /**
   * Daily closing balances as a continuous series: from the day before the first movement (when the buffer held
   * nothing) to the last day given, each day without a movement closing where the day before did.
   */
  function everyDay(daily) {
    if (daily.length === 0) return [];
    const closes = new Map(daily.map((d) => [d.day, d.balance]));
    const day = (t) => new Date(t).toISOString().substring(0, 10);
    const out = [];
    let balance = '0';
    const last = Date.parse(daily[daily.length - 1].day + 'T00:00:00Z');
    for (let t = Date.parse(daily[0].day + 'T00:00:00Z') - 86400000; t <= last; t += 86400000) {
      if (closes.has(day(t))) balance = closes.get(day(t));
      out.push({ day: day(t), balance });
    }
    return out;
  }

  /** The buffer's daily closing balances, with the ladder's bands as buffer levels at today's stress loss. */
  function bufferChart(id, closes, b, ccy) {
    const daily = everyDay(closes);
    const stress = Number(b.stressLoss);
    const bands = stress > 0 ? [
      ['elevated below', Number(b.policy.elevatedBelowCoverage) * stress, '#a15c00'],
      ['restricted below', Number(b.policy.restrictedBelowCoverage) * stress, '#d9480f'],
      ['halted below', Number(b.policy.haltBelowCoverage) * stress, '#b3261e']] : [];
    chart(id, {
      grid: { left: 90, right: 110, top: 30, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.money(v, ccy) },
      xAxis: { type: 'category', data: daily.map((d) => d.day) },
      yAxis: moneyAxis(ccy),
      series: [{ name: 'buffer', type: 'line', data: daily.map((d) => Number(d.balance)), showSymbol: true,
        areaStyle: { opacity: 0.12 },
        markLine: { symbol: 'none', data: bands.map(([name, y, color]) => ({ name, yAxis: y,
          lineStyle: { color, type: 'dashed' }, label: { formatter: name + '\n' + fmt.compact(y) + ' ' + ccy,
            color } })) } }],
    });
  }

  /** NAV and share price over time; utilisation and coverage with the ladder's bands as coverage levels. */
  function historyCharts(points, b, ccy) {
    const at = points.map((p) => fmt.time(p.at));
    chart('nav-chart', {
      grid: { left: 90, right: 80, top: 40, bottom: 40 }, legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: at },
      yAxis: [moneyAxis(ccy), { type: 'value', scale: true, name: 'per share', axisLabel: {
        formatter: (v) => v.toFixed(4) + ' ' + ccy } }],
      series: [{ name: 'NAV', type: 'line', data: points.map((p) => Number(p.nav)), showSymbol: points.length < 60,
        tooltip: { valueFormatter: (v) => fmt.money(v, ccy) } },
      { name: 'share price', type: 'line', yAxisIndex: 1, data: points.map((p) => Number(p.sharePrice)),
        showSymbol: points.length < 60, tooltip: { valueFormatter: (v) => v + ' ' + ccy } }],
    });
    const cap = Math.max(2.5, ...points.map((p) => (p.coverage === null ? 0 : Math.min(p.coverage, 10))));
    const bands = [['elevated below', Number(b.policy.elevatedBelowCoverage), '#a15c00'],
      ['restricted below', Number(b.policy.restrictedBelowCoverage), '#d9480f'],
      ['halted below', Number(b.policy.haltBelowCoverage), '#b3261e']];
    chart('coverage-chart', {
      grid: { left: 70, right: 150, top: 40, bottom: 40 }, legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? 'nothing at risk'
        : fmt.pct(v)) },
      xAxis: { type: 'category', data: at },
      yAxis: { type: 'value', min: 0, max: Math.ceil(cap * 2) / 2,
        axisLabel: { formatter: (v) => Math.round(v * 100) + ' %' } },
      series: [{ name: 'utilisation', type: 'line', data: points.map((p) => p.utilization), showSymbol: false,
        color: '#4c78a8' },
      { name: 'coverage (capped at 1,000 %)', type: 'line', color: '#1e7a45', showSymbol: points.length < 60,
        data: points.map((p) => (p.coverage === null ? null : Math.min(p.coverage, 10))),
        markLine: { symbol: 'none', data: bands.map(([name, y, color]) => ({ name, yAxis: y,
          lineStyle: { color, type: 'dashed' }, label: { formatter: name + ' ' + Math.round(y * 100) + ' %',
            color } })) } }],
    });
  }

  pages.vault = async () => {
    const draw = async () => {
      const [v, b] = await vaultAndBuffer();
      const ccy = v.quoteCurrency;
      const [history, series, waterfall, settlements, samples] = await Promise.all([
        get('/vaults/' + vault + '/buffer/history?limit=1000'), allPages('/vaults/' + vault + '/series', 'series'),
        get('/vaults/' + vault + '/waterfall'), allPages('/vaults/' + vault + '/settlements', 'settlements'),
        allPages('/vaults/' + vault + '/history?limit=1000', 'points')]);
      historyCharts(samples, b, ccy);
      kpis('#kpis', [['Spot', fmt.money(v.spot, ccy)], ['NAV', fmt.money(v.nav, ccy), '', 'kpi-nav'],
        ['Share price', fmt.qty(v.sharePrice) + ' ' + ccy], ['Utilisation', fmt.pct(v.utilization)],
        ['Locked collateral', fmt.money(v.balances.locked, ccy)],
        ['Insurance buffer', fmt.money(b.balance, ccy), '', 'kpi-buffer'],
        ['Stress loss beyond LP capital', fmt.money(b.stressLoss, ccy)], ['Coverage', coverage(b)],
        ['Risk band', b.riskLevel, 'band-' + b.riskLevel, 'kpi-band']]);
      bufferChart('buffer-chart', history.daily, b, ccy);
      const scenarios = waterfall.scenarios;
      const label = (s) => (s.spotMove >= 0 ? '+' : '−') + Math.round(Math.abs(s.spotMove) * 100) + '%';
      const layer = (name, key, color) => ({ name, type: 'bar', stack: 'claims', color,
        data: scenarios.map((s) => Number(s[key])) });
      chart('waterfall-chart', {
        grid: { left: 90, right: 20, top: 40, bottom: 50 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (x) => fmt.money(x, ccy) },
        xAxis: { type: 'category', name: 'spot move', nameLocation: 'middle', nameGap: 30,
          data: scenarios.map(label), axisLabel: { interval: 0 } },
        yAxis: moneyAxis(ccy),
        series: [layer('locked collateral', 'fromLocked', '#4c78a8'), layer('LP capital', 'fromLp', '#72b7b2'),
          layer('insurance buffer', 'fromBuffer', '#f58518'), layer('socialised', 'socialised', '#b3261e')],
      });
      rows('#layers', [...waterfall.locked.map((l) => ['Locked for ' + l.seriesId, l.locked]),
        ['LP capital above the protected floor', waterfall.lpDrawable], ['Protected LP floor', waterfall.lpFloor],
        ['Insurance buffer', waterfall.buffer]], ([name, amount]) => [name, fmt.money(amount, ccy)]);
      rows('#series', series, (s) => [s.seriesId, cell(s.status, 'status-' + s.status), fmt.qty(s.openInterest),
        fmt.money(s.locked, ccy), s.mark === null ? '—' : fmt.money(s.mark, ccy),
        s.iv === null ? '—' : fmt.pct(s.iv), s.settlementPrice === null ? '—' : fmt.money(s.settlementPrice, ccy)],
      'no series traded yet');
      rows('#settlements', settlements.slice().reverse(), (r) => [r.seriesId, fmt.money(r.price, ccy),
        fmt.money(r.claims, ccy), fmt.money(r.fromLocked, ccy), fmt.money(r.fromLpCapital, ccy),
        fmt.money(r.fromBuffer, ccy), fmt.money(r.socialisedLoss, ccy), fmt.pct(r.payoutRatio),
        fmt.time(r.settledAt)], 'nothing settled yet');
    };
    await draw();
    live(vault, draw);
  };

  pages.fund = async () => {
    const draw = async () => {
      const [, b] = await vaultAndBuffer();
      const ccy = currency;
      const movements = await allPages('/vaults/' + vault + '/buffer/history?limit=1000', 'movements');
      const closing = new Map();
      movements.forEach((m) => closing.set(m.at.substring(0, 10), m.balance));
      const daily = [...closing].map(([day, balance]) => ({ day, balance }));
      const sum = (f) => movements.filter(f).reduce((a, m) => a + Number(m.change), 0);
      kpis('#fund-kpis', [['Balance', fmt.money(b.balance, ccy), '', 'fund-balance'],
        ['Coverage of stress loss', coverage(b)], ['Risk band', b.riskLevel, 'band-' + b.riskLevel],
        ['Paid in', fmt.money(sum((m) => Number(m.change) > 0), ccy)],
        ['Drawn by settlements', fmt.money(Math.abs(sum((m) => Number(m.change) < 0)), ccy)],
        ['Movements', String(movements.length)]]);
      bufferChart('fund-chart', daily, b, ccy);
      rows('#movements', movements.slice().reverse(), (m) => [fmt.time(m.at), m.memo,
        fmt.money(m.change, ccy), fmt.money(m.balance, ccy), m.settlement || '—'], 'no movement yet');
    };
    $('#fund-csv').addEventListener('click', () => act('Download', async () => {
      const csv = await api('GET', '/vaults/' + vault + '/buffer/history?limit=1000', { accept: 'text/csv' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      a.download = vault + '-insurance-fund.csv';
      a.click();
      return 'Downloaded ' + a.download;
    }));
    await draw();
    live(vault, draw);
  };

  pages.lp = async () => {
    await vaultAndBuffer();
    if (!needRole('lp')) return;
    const draw = async () => {
      const a = await get('/vaults/' + vault + '/accounts/me');
      const s = a.statement;
      kpis('#account', [['Shares held', fmt.qty(a.shares), '', 'lp-shares'],
        ['Value now', fmt.money(a.value, currency)],
        ['Shares queued', fmt.qty(a.queuedShares)], ['Queued value', fmt.money(a.queuedValue, currency)],
        ['Deposited', fmt.money(s.deposited, currency)], ['Withdrawn', fmt.money(s.withdrawn, currency)],
        ['P&L', fmt.money(s.pnl, currency)], ['Return', fmt.pct(s.returnRate)]]);
      rows('#queue', a.queue, (q) => [fmt.qty(q.shares), String(q.place), fmt.time(q.queuedAt),
        fmt.money(q.value, currency)], 'nothing queued');
      rows('#lp-history', a.history.slice().reverse(), (m) => [fmt.time(m.at), m.type, fmt.money(m.amount, currency),
        fmt.qty(m.shares), fmt.money(m.exitFee, currency)], 'no movement yet');
    };
    $('#deposit-form').addEventListener('submit', (e) => {
      e.preventDefault();
      act('Deposit', async () => {
        const r = await api('POST', '/vaults/' + vault + '/deposits', { body: { amount: $('#deposit-amount').value },
          key: newKey() });
        await draw();
        return 'Deposited ' + fmt.money(r.amount, currency) + ' for ' + fmt.qty(r.shares) + ' shares';
      });
    });
    $('#withdraw-form').addEventListener('submit', (e) => {
      e.preventDefault();
      act('Withdrawal', async () => {
        const r = await api('POST', '/vaults/' + vault + '/withdrawals', {
          body: { shares: $('#withdraw-shares').value }, key: newKey() });
        await draw();
        return 'Withdrawal ' + r.status + ': paid ' + fmt.money(r.amount, currency) + ', queued '
          + fmt.qty(r.queuedShares) + ' shares';
      });
    });
    $('#cancel-queued').addEventListener('click', () => act('Cancellation', async () => {
      const r = await api('DELETE', '/vaults/' + vault + '/withdrawals/queued');
      await draw();
      return 'Took back ' + fmt.qty(r.cancelledShares) + ' queued shares';
    }));
    await draw();
    live(vault, draw);
  };

  pages.trader = async () => {
    const [v, b] = await vaultAndBuffer();
    const expiries = await get('/vaults/' + vault + '/expiries');
    const select = $('#quote-expiry');
    select.replaceChildren(...expiries.expiries.map((e, i) => {
      const o = document.createElement('option');
      o.value = e;
      o.textContent = fmt.time(e);
      o.selected = i === Math.min(6, expiries.expiries.length - 1);
      return o;
    }));
    const step = Number(b.policy.strikeStep) || 1;
    $('#quote-strike').value = String(Math.round(Number(v.spot) / step) * step);
    if (!needRole('trader')) return;
    let quote = null;
    const draw = async () => {
      const positions = (await get('/positions')).filter((p) => p.vault === vault);
      rows('#positions', positions.slice().reverse(), (p) => [p.id, p.seriesId,
        cell(p.status, 'position-status'), fmt.qty(p.quantity), fmt.money(p.premium, currency),
        p.mark ? fmt.money(p.mark.value, currency) : '—', p.mark ? fmt.money(p.mark.unrealised, currency) : '—',
        p.mark ? p.mark.delta.toFixed(3) : '—', p.payout === null ? '—' : fmt.money(p.payout, currency),
        cell(p.status === 'OPEN' ? button('Sell back', (e) => sellBack(p, e.target)) : '')], 'no position yet');
      const trades = (await get('/trades?limit=50')).trades.filter((t) => t.vault === vault);
      rows('#trades', trades, (t) => [fmt.time(t.at), t.kind, t.seriesId, fmt.qty(t.quantity),
        fmt.money(t.amount, currency)], 'no trade yet');
    };
    const sellBack = (p, target) => act('Bid', async () => {
      const bid = await api('POST', '/positions/' + p.id + '/bids', { body: { quantity: p.quantity } });
      target.replaceWith(button('Sell ' + fmt.qty(bid.quantity) + ' for ' + fmt.money(bid.proceeds, currency),
        () => act('Sale', async () => {
          const sale = await api('POST', '/positions/' + p.id + '/sales', {
            body: { bidId: bid.bidId, minProceeds: bid.proceeds }, key: newKey() });
          await draw();
          return 'Sold ' + fmt.qty(sale.quantity) + ' back for ' + fmt.money(sale.proceeds, currency);
        }), 'confirm-' + p.id));
      return 'The pool bids ' + fmt.money(bid.proceeds, currency) + ' until ' + fmt.time(bid.validUntil);
    });
    $('#quote-form').addEventListener('submit', (e) => {
      e.preventDefault();
      act('Quote', async () => {
        quote = await api('POST', '/vaults/' + vault + '/quotes', { body: { type: $('#quote-type').value,
          strike: $('#quote-strike').value, expiry: select.value, quantity: $('#quote-quantity').value } });
        const k = quote.breakdown;
        $('#quote-id').textContent = quote.quoteId;
        rows('#breakdown', [['Spot', fmt.money(k.spot, currency)], ['Implied volatility', fmt.pct(k.iv)],
          ['Theoretical value', fmt.money(k.theoretical, currency)], ['Utilisation spread',
            fmt.money(k.spread, currency)], ['Fees', fmt.money(k.fees, currency)],
          ['of which to the insurance buffer', fmt.money(k.bufferContribution, currency)],
          ['Premium', fmt.money(quote.premium, currency)], ['Valid until', fmt.time(quote.validUntil)]],
        ([label, value]) => [label, value]);
        const r = quote.riskReceipt;
        rows('#receipt', [['Stress loss beyond LP capital', fmt.money(r.stressLossBefore, currency),
          fmt.money(r.stressLossAfter, currency)], ['Buffer coverage', coverage({ coverage: r.coverageBefore }),
          coverage({ coverage: r.coverageAfter })], ['Risk band', r.levelBefore, r.levelAfter]], (x) => x);
        $('#quote-result').hidden = false;
        return 'Quoted ' + fmt.money(quote.premium, currency) + ' for ' + fmt.qty(quote.quantity) + ' contracts';
      });
    });
    $('#buy').addEventListener('click', () => act('Trade', async () => {
      const t = await api('POST', '/vaults/' + vault + '/trades', { body: { quoteId: quote.quoteId,
        maxPremium: quote.premium }, key: newKey() });
      await draw();
      return 'Bought ' + fmt.qty(t.quantity) + ' ' + t.seriesId + ' for ' + fmt.money(t.premium, currency)
        + ' (position ' + t.tradeId + ')';
    }));
    await draw();
    live(vault, draw);
  };

  /** A fan of the buffer over the horizon: 5–95% and 25–75% bands and the median. */
  function fan(id, quantiles, ccy) {
    const days = quantiles.map((q) => 'day ' + q.day);
    // A band is an invisible line at its lower quantile with the band's width stacked on it, filled.
    const band = (lower, upper, name, color) => [
      { name, type: 'line', stack: name, data: quantiles.map((q) => q[lower]), lineStyle: { opacity: 0 },
        symbol: 'none', color },
      { name, type: 'line', stack: name, data: quantiles.map((q) => q[upper] - q[lower]), lineStyle: { opacity: 0 },
        symbol: 'none', color, areaStyle: { color } }];
    chart(id, {
      grid: { left: 90, right: 20, top: 30, bottom: 40 },
      legend: { top: 0, data: ['5–95%', '25–75%', 'median'] },
      tooltip: { trigger: 'axis', formatter: (ps) => {
        const q = quantiles[ps[0].dataIndex];
        return days[ps[0].dataIndex] + '<br>95%: ' + fmt.money(q.p95, ccy) + '<br>median: ' + fmt.money(q.p50, ccy)
          + '<br>5%: ' + fmt.money(q.p05, ccy);
      } },
      xAxis: { type: 'category', data: days, boundaryGap: false },
      yAxis: moneyAxis(ccy),
      series: [...band('p05', 'p95', '5–95%', 'rgba(76, 120, 168, 0.22)'),
        ...band('p25', 'p75', '25–75%', 'rgba(76, 120, 168, 0.5)'),
        { name: 'median', type: 'line', data: quantiles.map((q) => q.p50), symbol: 'none',
          lineStyle: { color: '#1d2433', width: 2 }, color: '#1d2433' }],
    });
  }

  pages.operator = async () => {
    const [, b0] = await vaultAndBuffer();
    const keys = Object.keys(b0.policy).filter((k) => k !== 'version');
    $('#policy-key').replaceChildren(...keys.map((k) => {
      const o = document.createElement('option');
      o.value = k;
      o.textContent = k;
      return o;
    }));
    $('#policy-key').value = keys.includes('bufferFeeShare') ? 'bufferFeeShare' : keys[0];
    if (!needRole('operator')) return;
    const draw = async () => {
      const [, b] = await vaultAndBuffer();
      $('#policy-version').textContent = '(version ' + b.policy.version + ')';
      rows('#policy', Object.entries(b.policy).filter(([k]) => k !== 'version'), ([k, value]) => [k, String(value),
        b.bounds[k] || '—']);
      rows('#audit', b.policyHistory.slice().reverse(), (c) => [String(c.version), fmt.time(c.at), c.actor,
        c.reason, Object.entries(c.changes).map(([k, x]) => k + ' = ' + x).join(', ')]);
      const pending = (await allPages('/vaults/' + vault + '/series', 'series')).filter((s) => s.status === 'PENDING');
      rows('#pending', pending, (s) => [s.seriesId, s.pendingReason, cell(button('Settle at a price…', () => {
        const price = window.prompt('Settlement price for ' + s.seriesId + ' (within the oracle\'s range)');
        const reason = price && window.prompt('Why');
        if (!price || !reason) return;
        act('Forced settlement', async () => {
          await api('POST', '/vaults/' + vault + '/series/' + encodeURIComponent(s.seriesId) + '/forced-settlement',
            { body: { price, reason } });
          await draw();
          return s.seriesId + ' settled at ' + fmt.money(price, currency);
        });
      }))], 'nothing waiting');
    };
    const change = () => ({ [$('#policy-key').value]: $('#policy-value').value });
    $('#preview').addEventListener('click', () => act('Preview', async () => {
      const r = await api('POST', '/vaults/' + vault + '/buffer/policy/preview', { body: { ...change(),
        paths: 1000 } });
      $('#preview-result').hidden = false;
      fan('fan-base', r.base.bufferOverTime, currency);
      fan('fan-alternative', r.alternative.bufferOverTime, currency);
      const tail = (rep) => [rep.lossBeyondLp.var99, rep.lossBeyondLp.cvar99, rep.lossBeyondLp.var999,
        rep.lossBeyondLp.cvar999];
      chart('tails', {
        grid: { left: 90, right: 20, top: 40, bottom: 40 }, legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (x) => fmt.money(x, currency) },
        xAxis: { type: 'category', data: ['VaR 99%', 'CVaR 99%', 'VaR 99.9%', 'CVaR 99.9%'] },
        yAxis: moneyAxis(currency),
        series: [{ name: 'current', type: 'bar', data: tail(r.base), color: '#4c78a8' },
          { name: 'proposed', type: 'bar', data: tail(r.alternative), color: '#f58518' }],
      });
      const d = r.difference;
      rows('#preview-table', [
        ['Mean LP return', fmt.pct(r.base.lpReturn.mean), fmt.pct(r.alternative.lpReturn.mean),
          fmt.pct(d.lpReturn.value)],
        ['P(buffer draw)', fmt.pct(r.base.bufferDrawProbability.value),
          fmt.pct(r.alternative.bufferDrawProbability.value), fmt.pct(d.bufferDrawProbability.value)],
        ['P(socialised loss)', fmt.pct(r.base.socialisedLossProbability.value),
          fmt.pct(r.alternative.socialisedLossProbability.value), fmt.pct(d.socialisedLossProbability.value)],
        ['Recommended buffer', fmt.money(r.base.recommendedBuffer, currency),
          fmt.money(r.alternative.recommendedBuffer, currency), '—']], (x) => x);
      return 'Previewed ' + Object.entries(change()).map(([k, x]) => k + ' = ' + x).join(', ') + ' on '
        + r.base.paths + ' paths';
    }));
    $('#policy-form').addEventListener('submit', (e) => {
      e.preventDefault();
      act('Policy change', async () => {
        const r = await api('PUT', '/vaults/' + vault + '/buffer/policy', { body: { ...change(),
          reason: $('#policy-reason').value } });
        await draw();
        return 'The policy is at version ' + r.version;
      });
    });
    $('#top-up-form').addEventListener('submit', (e) => {
      e.preventDefault();
      act('Top-up', async () => {
        const r = await api('POST', '/vaults/' + vault + '/buffer/top-ups', { body: { amount:
          $('#top-up-amount').value }, key: newKey() });
        await draw();
        return 'The buffer holds ' + fmt.money(r.balance, currency);
      });
    });
    $('#retry-settlements').addEventListener('click', () => act('Settlement', async () => {
      const r = await api('POST', '/vaults/' + vault + '/settlements');
      await draw();
      return r.length === 0 ? 'Nothing was due' : r.map((a) => a.seriesId + ': ' + a.status).join(', ');
    }));
    await draw();
    live(vault, draw);
  };

  pages['sign-in'] = async () => {
    const form = $('#sign-in-form');
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act('Sign-in', async () => {
        if (localMode) {
          const role = $('#sign-in-role').value;
          const name = $('#sign-in-name').value.trim();
          const t = await api('POST', '/dev/tokens', { body: { subject: name, roles: [role] } });
          session.set(t.token, role, name);
        } else {
          const token = $('#sign-in-token').value.trim();
          const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
          session.set(token, (claims.groups || ['?'])[0], claims.sub || claims.upn || '?');
        }
        whoAmI();
        return 'Signed in as ' + session.name + ' (' + session.role + ')';
      });
    });
    $('#sign-out').addEventListener('click', () => { session.clear(); whoAmI(); status('Signed out', 'ok'); });
  };

  whoAmI();
  (pages[page] || (async () => {}))().catch((e) => status(e.message, 'error'));
})();
