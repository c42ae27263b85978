// Shopcast dashboard: reads /api/v1/stats, /api/v1/volume, /api/v1/kpis, /api/v1/funnel,
// /api/v1/retention, /api/v1/segments (on request), /api/v1/users/{id}?include=scores,recommendations and /api/v1/users/{id}/profile with the read key kept in this browser's localStorage (or given once as ?key=... in the address).
(function () {
  'use strict';
  var TYPES = ['VIEW', 'SEARCH', 'FAVORITE', 'CART_ADD', 'CART_REMOVE', 'PURCHASE', 'RETURN'];
  var charts = {};

  function key() { return localStorage.getItem('shopcast.readKey') || ''; }

  function say(text) { document.getElementById('message').textContent = text || ''; }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + key() } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var first = body.errors && body.errors[0];
          throw new Error(first ? first.message : 'HTTP ' + r.status);
        }
        return body;
      });
    });
  }

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }

  function fmt(n) { return Number(n).toLocaleString('en'); }

  function loadOverview() {
    api('/api/v1/stats').then(function (s) {
      document.getElementById('events').textContent = fmt(s.events);
      document.getElementById('users').textContent = fmt(s.users);
      document.getElementById('items').textContent = fmt(s.items);
      document.getElementById('range').textContent = s.minTs ? s.minTs + ' .. ' + s.maxTs : 'empty store';
      chart('type-chart').setOption({
        title: { text: 'Events by type', left: 'center' },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: '60%', data: Object.keys(s.byType).map(function (t) {
          return { name: t, value: s.byType[t] }; }) }]
      });
      say('');
    }).catch(function (e) { say(e.message); });
    api('/api/v1/volume?days=90').then(function (v) {
      var series = TYPES.map(function (type) {
        var byDay = {};
        v.rows.forEach(function (r) { if (r.type === type) { byDay[r.day] = r.events; } });
        return { name: type, type: 'bar', stack: 'all', data: v.days.map(function (d) { return byDay[d] || 0; }) };
      }).filter(function (s) { return s.data.some(function (x) { return x > 0; }); });
      chart('volume-chart').setOption({
        title: { text: 'Events per day by type' },
        tooltip: { trigger: 'axis' },
        legend: { top: 24 },
        grid: { top: 60, left: 60, right: 20, bottom: 40 },
        xAxis: { type: 'category', data: v.days },
        yAxis: { type: 'value' },
        series: series
      });
    }).catch(function (e) { say(e.message); });
  }

  function loadAnalytics() {
    api('/api/v1/kpis?grain=day').then(function (k) {
      var rows = k.rows.slice(-90);
      var t = rows.map(function (r) { return String(r.t).slice(0, 10); });
      function line(name, field, axis) {
        return { name: name, type: 'line', yAxisIndex: axis || 0, showSymbol: false,
          data: rows.map(function (r) { return r[field]; }) };
      }
      chart('kpi-chart').setOption({
        title: { text: 'Daily KPIs (last 90 days of data)' },
        tooltip: { trigger: 'axis' },
        legend: { top: 24 },
        grid: { top: 60, left: 60, right: 60, bottom: 40 },
        xAxis: { type: 'category', data: t },
        yAxis: [{ type: 'value', name: 'count' }, { type: 'value', name: 'rate', min: 0 }],
        series: [line('users', 'users'), line('orders', 'orders'), line('buyers', 'buyers'),
          line('view to purchase', 'view_to_purchase', 1)]
      });
    }).catch(function (e) { say(e.message); });
    api('/api/v1/funnel').then(function (f) {
      chart('funnel-chart').setOption({
        title: { text: 'Funnel per ' + f.unit + ' (' + f.window + ')' },
        tooltip: { trigger: 'axis' },
        grid: { top: 50, left: 60, right: 20, bottom: 40 },
        xAxis: { type: 'category', data: f.rows.map(function (r) { return r.type; }) },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: f.rows.map(function (r) { return r.count; }),
          label: { show: true, position: 'top' } }]
      });
    }).catch(function (e) { say(e.message); });
    api('/api/v1/retention').then(function (r) {
      var cohorts = r.cohorts.map(function (c) { return c.cohort; });
      var width = 0;
      r.cohorts.forEach(function (c) { width = Math.max(width, c.retention.length); });
      var ks = [];
      for (var k = 0; k < width; k++) { ks.push(String(k)); }
      var data = [];
      r.cohorts.forEach(function (c, y) {
        c.retention.forEach(function (rate, x) {
          if (rate !== null && rate !== undefined) { data.push([x, y, Math.round(rate * 1000) / 1000]); }
        });
      });
      chart('retention-chart').setOption({
        title: { text: 'Retention by ' + r.period + ' cohort (share retained after k ' + r.period + 's)' },
        tooltip: { position: 'top' },
        grid: { top: 50, left: 100, right: 20, bottom: 70 },
        xAxis: { type: 'category', data: ks, name: 'k', splitArea: { show: true } },
        yAxis: { type: 'category', data: cohorts, inverse: true, splitArea: { show: true } },
        visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 5 },
        series: [{ type: 'heatmap', data: data, label: { show: ks.length <= 16 } }]
      });
    }).catch(function (e) { say(e.message); });
  }

  function loadSegments() {
    say('Computing segments...');
    api('/api/v1/segments').then(function (s) {
      var km = s.kmeans.segments;
      chart('kmeans-chart').setOption({
        title: { text: 'k-means segments (k = ' + s.kmeans.k + ', by silhouette)' },
        tooltip: { trigger: 'item', formatter: function (p) {
          return echarts.format.encodeHTML(km[p.dataIndex].description) + '<br>' + p.value + ' users'; } },
        grid: { top: 50, left: 60, right: 20, bottom: 40 },
        xAxis: { type: 'category', data: km.map(function (x) { return 'segment ' + x.segment; }) },
        yAxis: { type: 'value', name: 'users' },
        series: [{ type: 'bar', data: km.map(function (x) { return x.users; }),
          label: { show: true, position: 'top' } }]
      });
      chart('rfm-chart').setOption({
        title: { text: 'RFM segments (' + s.rfm.buyers + ' buyers)' },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: '55%', data: s.rfm.segments.map(function (x) {
          return { name: x.segment, value: x.users }; }) }]
      });
      say('');
    }).catch(function (e) { say(e.message); });
  }

  function fill(tableId, rows) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.innerHTML = '';
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (c) {
        var td = document.createElement('td');
        td.textContent = c === null || c === undefined ? '' : String(c);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function showScores(u) {
    var scores = u.scores ? u.scores.scores : [];
    document.getElementById('user-scores-note').textContent = u.scores
      ? 'recomputed now from events before ' + u.scores.asOf
      : (u.scoresError || 'no model in the registry (shopcast train --task purchase)');
    fill('user-scores', scores.map(function (s) {
      return [s.task + ' (' + s.horizonDays + ' d)', s.modelId,
        s.score === null || s.score === undefined ? (s.note || '-') : Number(s.score).toFixed(3),
        (s.reasons || []).map(function (r) { return r.text; }).join('; ')];
    }));
  }

  function showRecs(u) {
    var r = u.recommendations;
    document.getElementById('user-recs-note').textContent = r
      ? r.lists.model + ' lists version ' + r.lists.version + ' (' + r.source + ')'
      : (u.recommendationsError || 'no precomputed lists (shopcast train recs)');
    var rows = r ? r.items.map(function (i) { return ['profile', i.itemId, i.source, i.reason]; }) : [];
    if (r && r.session) {
      r.session.next.forEach(function (i) { rows.push(['session', i.itemId, i.source, i.reason]); });
    }
    fill('user-recs', rows);
  }

  function loadUser(id) {
    api('/api/v1/users/' + encodeURIComponent(id) + '?include=scores,recommendations').then(function (u) {
      document.getElementById('user-view').hidden = false;
      document.getElementById('user-title').textContent = 'User ' + u.userId;
      document.getElementById('user-revenue').textContent = u.revenue;
      document.getElementById('user-first').textContent = u.firstSeen || '-';
      document.getElementById('user-last').textContent = u.lastSeen || '-';
      document.getElementById('user-session').textContent = u.session
        ? u.session.events + ' events, ' + (u.session.active ? 'active' : 'ended') : '-';
      document.getElementById('user-traits').textContent = u.traits ? JSON.stringify(u.traits, null, 2) : 'none';
      fill('user-cart', u.cart.map(function (c) { return [c.itemId, c.quantity, c.price]; }));
      fill('user-recent', u.recent.map(function (e) {
        return [e.ts, e.type, e.itemId, e.quantity, e.price, e.query]; }));
      var names = Object.keys(u.counters);
      chart('user-chart').setOption({
        title: { text: 'Events by type' },
        tooltip: {},
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: names.map(function (n) { return u.counters[n]; }) }]
      });
      showScores(u);
      showRecs(u);
      say('');
    }).catch(function (e) { document.getElementById('user-view').hidden = true; say(e.message); });
    api('/api/v1/users/' + encodeURIComponent(id) + '/profile').then(function (p) {
      document.getElementById('user-profile-note').textContent = 'user_profiles row (last build)';
      fill('user-profile', Object.keys(p).filter(function (k) { return k !== 'user_id'; })
        .map(function (k) { return [k, typeof p[k] === 'object' && p[k] !== null ? JSON.stringify(p[k]) : p[k]]; }));
    }).catch(function (e) {
      document.getElementById('user-profile-note').textContent = e.message;
      fill('user-profile', []);
    });
  }

  function route() {
    var hash = location.hash || '#overview';
    var params = new URLSearchParams(hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '');
    var page = hash.split('?')[0];
    document.getElementById('overview').hidden = page !== '#overview';
    document.getElementById('user').hidden = page !== '#user';
    if (page === '#user') {
      if (params.get('id')) {
        document.getElementById('user-id').value = params.get('id');
        loadUser(params.get('id'));
      }
    } else {
      loadOverview();
      loadAnalytics();
    }
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  }

  document.getElementById('key-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    localStorage.setItem('shopcast.readKey', document.getElementById('key').value);
    document.getElementById('key').value = '';
    route();
  });
  document.getElementById('segments-button').addEventListener('click', loadSegments);
  document.getElementById('user-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    location.hash = '#user?id=' + encodeURIComponent(document.getElementById('user-id').value);
  });
  window.addEventListener('hashchange', route);
  var given = new URLSearchParams(location.search).get('key');
  if (given) {
    localStorage.setItem('shopcast.readKey', given);
    history.replaceState(null, '', location.pathname + location.hash);
  }
  if (!key()) { say('Enter a read key to load the data.'); }
  route();
}());
