/*
 * The QA console (/console): a customer pane and a rep pane chatting through the public API
 * (API.md §4-5, §6.9) and the realtime channel (§7). Plain browser JS, no build step; signing
 * comes from leida-signing.js. Everything is rendered with textContent (message text is
 * untrusted input).
 */
(function () {
  'use strict';
  var signing = window.LeidaSigning;
  var POLL_MS = 3000;
  var RECONNECT_MS = 3000;

  // Where each role calls (API.md §4 customer, §5 rep).
  var ROUTES = {
    customer: {
      prefix: '/zhugeleida/gongzhonghao/',
      peerParam: 'u_id',
      mine: 2, // send_type of messages this side sends
      history: 'chat',
      fetchNew: 'chat/getmsg/0',
      send: 'chat/send_msg/0',
      unread: 'chat/query_num/0',
    },
    rep: {
      prefix: '/zhugeleida/qiyeweixin/',
      peerParam: 'customer_id',
      mine: 1,
      history: 'chat',
      fetchNew: 'chat/getmsg/0',
      send: 'chat/send_msg/0',
      unread: 'contact/query_num',
      contacts: 'contact',
      radar: 'action/time',
    },
  };

  function $(root, selector) { return root.querySelector(selector); }

  function preview(item) {
    switch (Number(item.info_type)) {
      case 2: return '向您咨询:' + (item.product_name || '');
      case 4: return '[图片] ' + (item.url || '');
      case 5: return '[视频] ' + (item.url || '');
      default: return item.msg !== undefined ? String(item.msg) : JSON.stringify(item);
    }
  }

  function Pane(root, role) {
    this.root = root;
    this.role = role;
    this.routes = ROUTES[role];
    this.credential = null;
    this.peer = null;
    this.seen = {};
    // The newest message of the other side shown: getmsg's last_id (resumable polling), so a
    // lost answer is fetched again instead of being marked read and gone (docs/realtime.md).
    this.lastTheirs = null;
    this.ws = null;
    this.pollTimer = null;
    this.reconnectTimer = null;
    this.generation = 0; // bumps on every Connect so stale sockets and timers stop
    var self = this;
    $(root, '.who').addEventListener('submit', function (e) { e.preventDefault(); self.connect(); });
    $(root, '.compose').addEventListener('submit', function (e) { e.preventDefault(); self.send(); });
    $(root, '.preset').addEventListener('change', function () { self.applyPreset(); });
  }

  Pane.prototype.setPresets = function (principals, defaultPeer) {
    var select = $(this.root, '.preset');
    select.textContent = '';
    var none = document.createElement('option');
    none.value = '';
    none.textContent = '(custom)';
    select.appendChild(none);
    principals.forEach(function (p, i) {
      var option = document.createElement('option');
      option.value = String(i);
      option.textContent = p.user_id + ' · ' + p.name;
      select.appendChild(option);
    });
    this.presets = principals;
    if (principals.length) {
      select.value = '0';
      this.applyPreset();
      $(this.root, '.peer').value = String(defaultPeer);
    }
  };

  Pane.prototype.applyPreset = function () {
    var p = this.presets && this.presets[Number($(this.root, '.preset').value)];
    if (!p || $(this.root, '.preset').value === '') return;
    $(this.root, '.user-id').value = String(p.user_id);
    $(this.root, '.token').value = p.token;
  };

  Pane.prototype.error = function (text) { $(this.root, '.error').textContent = text || ''; };

  Pane.prototype.setLive = function (state) {
    var badge = $(this.root, '.live');
    badge.dataset.state = state;
    badge.textContent = state;
  };

  /** A signed call; resolves to the envelope, shows a non-200 code in the pane. */
  Pane.prototype.call = function (method, path, query, body) {
    var self = this;
    var url = new URL(this.routes.prefix + path, window.location.href);
    Object.keys(query || {}).forEach(function (k) { url.searchParams.set(k, String(query[k])); });
    var init = { method: method, headers: {} };
    if (body) {
      // Form-encoded with structured values as JSON strings: what legacy front ends send.
      var form = new URLSearchParams();
      Object.keys(body).forEach(function (k) { form.set(k, typeof body[k] === 'string' ? body[k] : JSON.stringify(body[k])); });
      init.body = form.toString();
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    return fetch(signing.signUrl(url.toString(), this.credential), init)
      .then(function (res) { return res.json(); })
      .then(function (envelope) {
        if (envelope.code !== 200 && envelope.code !== 302) {
          self.error(method + ' ' + path + ': ' + envelope.code + ' ' + (typeof envelope.msg === 'string' ? envelope.msg : JSON.stringify(envelope.msg)));
        }
        return envelope;
      })
      .catch(function (err) { self.error(method + ' ' + path + ': ' + err.message); return { code: -1, msg: err.message, data: {} }; });
  };

  Pane.prototype.peerQuery = function (extra) {
    var q = {};
    q[this.routes.peerParam] = this.peer;
    Object.keys(extra || {}).forEach(function (k) { q[k] = extra[k]; });
    return q;
  };

  Pane.prototype.connect = function () {
    var userId = $(this.root, '.user-id').value.trim();
    var token = $(this.root, '.token').value.trim();
    var peer = $(this.root, '.peer').value.trim();
    if (!/^\d+$/.test(userId) || !/^[0-9a-fA-F]{32}$/.test(token) || !/^\d+$/.test(peer)) {
      this.error('user_id and the other party must be numbers, the token 32 hex characters');
      return Promise.resolve();
    }
    this.error('');
    this.credential = { user_id: userId, token: token.toLowerCase() };
    this.generation++;
    this.closeSocket();
    this.openSocket();
    return this.openConversation(Number(peer));
  };

  Pane.prototype.openConversation = function (peer) {
    this.peer = peer;
    $(this.root, '.peer').value = String(peer);
    this.seen = {};
    this.lastTheirs = null;
    $(this.root, '.messages').textContent = '';
    var self = this;
    // The history marks the conversation read for this side (API.md §4.3, §5.3).
    return this.call('GET', this.routes.history, this.peerQuery({ current_page: 1, length: 50 })).then(function (envelope) {
      ((envelope.data && envelope.data.ret_data) || []).forEach(function (item) { self.append(item); });
      return self.refreshSide();
    });
  };

  Pane.prototype.append = function (item) {
    if (item.id === undefined || this.seen[item.id]) return;
    this.seen[item.id] = true;
    if (Number(item.send_type) !== this.routes.mine && (this.lastTheirs === null || item.id > this.lastTheirs)) this.lastTheirs = item.id;
    var li = document.createElement('li');
    li.dataset.id = String(item.id);
    li.className = Number(item.send_type) === this.routes.mine ? 'mine' : 'theirs';
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = preview(item);
    var time = document.createElement('time');
    time.textContent = item.dateTime || '';
    li.appendChild(text);
    li.appendChild(time);
    var list = $(this.root, '.messages');
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  };

  /** REST catch-up: the other side's messages after the newest shown (marks them read). */
  Pane.prototype.fetchNew = function () {
    if (!this.credential || this.peer === null) return Promise.resolve();
    var self = this;
    var query = this.lastTheirs === null ? this.peerQuery() : this.peerQuery({ last_id: this.lastTheirs });
    return this.call('GET', this.routes.fetchNew, query).then(function (envelope) {
      ((envelope.data && envelope.data.ret_data) || []).forEach(function (item) { self.append(item); });
      return self.refreshSide();
    });
  };

  /** Unread counts, and for the rep the conversation list and the radar. */
  Pane.prototype.refreshSide = function () {
    var self = this;
    var query = this.role === 'customer' ? this.peerQuery() : {};
    var jobs = [this.call('GET', this.routes.unread, query).then(function (envelope) {
      if (envelope.code === 200) $(self.root, '.unread').textContent = String(envelope.data.chatinfo_count);
    })];
    if (this.role === 'rep') jobs.push(this.loadContacts(), this.loadRadar());
    return Promise.all(jobs);
  };

  Pane.prototype.loadContacts = function () {
    var self = this;
    return this.call('GET', this.routes.contacts, {}).then(function (envelope) {
      var list = $(self.root, '.contacts');
      list.textContent = '';
      ((envelope.data && envelope.data.ret_data) || []).forEach(function (c) {
        var li = document.createElement('li');
        li.dataset.customerId = String(c.customer_id);
        if (Number(c.customer_id) === self.peer) li.className = 'active';
        var count = document.createElement('span');
        count.className = 'count';
        count.textContent = c.count ? String(c.count) : '';
        var name = document.createElement('span');
        name.textContent = c.name || ('客户ID' + c.customer_id);
        var last = document.createElement('small');
        last.textContent = (c.dateTime || '') + ' ' + (c.msg || '');
        li.appendChild(count);
        li.appendChild(name);
        li.appendChild(last);
        li.addEventListener('click', function () { self.openConversation(Number(c.customer_id)); });
        list.appendChild(li);
      });
    });
  };

  Pane.prototype.loadRadar = function () {
    var self = this;
    return this.call('GET', this.routes.radar, { current_page: 1, length: 20 }).then(function (envelope) {
      var list = $(self.root, '.radar');
      list.textContent = '';
      ((envelope.data && envelope.data.ret_data) || []).forEach(function (row) { self.addRadar(row, false); });
    });
  };

  Pane.prototype.addRadar = function (row, onTop) {
    var li = document.createElement('li');
    var time = document.createElement('time');
    time.textContent = row.create_date || '';
    li.appendChild(time);
    li.appendChild(document.createTextNode(row.log || JSON.stringify(row)));
    var list = $(this.root, '.radar');
    if (onTop && list.firstChild) list.insertBefore(li, list.firstChild); else list.appendChild(li);
  };

  Pane.prototype.send = function () {
    var input = $(this.root, '.compose .text');
    var text = input.value.trim();
    if (!text || !this.credential || this.peer === null) return Promise.resolve();
    var self = this;
    var body = { content: { info_type: 1, msg: text }, client_msg_id: 'console-' + Date.now() + '-' + Math.random().toString(16).slice(2, 10) };
    body[this.role === 'customer' ? 'u_id' : 'customer_id'] = this.peer;
    return this.call('POST', this.routes.send, {}, body).then(function (envelope) {
      if (envelope.code !== 200) return;
      input.value = '';
      return self.loadRecent();
    });
  };

  /**
   * The newest messages as the server renders them, own ones included (the send answers only
   * the id): what was sent shows with the server's time, never the browser's.
   */
  Pane.prototype.loadRecent = function () {
    var self = this;
    return this.call('GET', this.routes.history, this.peerQuery({ current_page: 1, length: 20 })).then(function (envelope) {
      ((envelope.data && envelope.data.ret_data) || []).forEach(function (item) { self.append(item); });
      return self.refreshSide();
    });
  };

  // ---- realtime ----------------------------------------------------------------------------
  Pane.prototype.openSocket = function () {
    var self = this;
    var generation = this.generation;
    var ws;
    try {
      ws = new WebSocket(signing.realtimeUrl(this.role, this.credential));
    } catch (err) {
      this.startPolling();
      return;
    }
    this.ws = ws;
    ws.onopen = function () {
      if (generation !== self.generation) return ws.close();
      self.stopPolling();
      self.setLive('live');
      self.fetchNew(); // catch up on what arrived while disconnected (API.md §7)
    };
    ws.onmessage = function (event) {
      if (generation !== self.generation) return;
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      self.onEvent(frame.event, frame.data || {});
    };
    ws.onclose = function () {
      if (generation !== self.generation) return;
      self.ws = null;
      self.startPolling();
      self.reconnectTimer = setTimeout(function () { if (generation === self.generation) self.openSocket(); }, RECONNECT_MS);
    };
  };

  Pane.prototype.closeSocket = function () {
    clearTimeout(this.reconnectTimer);
    this.stopPolling();
    if (this.ws) this.ws.close();
    this.ws = null;
    this.setLive('offline');
  };

  Pane.prototype.startPolling = function () {
    this.setLive('polling');
    if (this.pollTimer) return;
    var self = this;
    this.pollTimer = setInterval(function () { self.fetchNew(); }, POLL_MS);
  };

  Pane.prototype.stopPolling = function () {
    clearInterval(this.pollTimer);
    this.pollTimer = null;
  };

  Pane.prototype.onEvent = function (event, data) {
    if (event === 'chat.message') {
      var other = this.role === 'customer' ? data.user_id : data.customer_id;
      if (other === undefined || Number(other) === this.peer) this.fetchNew();
      else this.refreshSide();
    } else if (event === 'chat.unread') {
      this.refreshSide();
    } else if (event === 'resync') {
      this.fetchNew(); // the server may have missed events for this socket: catch up (docs/realtime.md)
    } else if (event === 'chat.read') {
      var upTo = Number(data.read_up_to || data.message_id || 0);
      var mine = this.root.querySelectorAll('.messages li.mine');
      for (var i = 0; i < mine.length; i++) if (!upTo || Number(mine[i].dataset.id) <= upTo) mine[i].classList.add('read');
    } else if (event === 'radar.action' && this.role === 'rep') {
      this.addRadar(data, true);
    }
  };

  // ---- start -------------------------------------------------------------------------------
  var customer = new Pane(document.getElementById('customer-pane'), 'customer');
  var rep = new Pane(document.getElementById('rep-pane'), 'rep');
  window.LeidaConsole = { customer: customer, rep: rep };

  fetch('/console/demo-principals.json')
    .then(function (res) { return res.json(); })
    .then(function (demo) {
      customer.setPresets(demo.customers || [], demo.reps && demo.reps[0] ? demo.reps[0].user_id : '');
      rep.setPresets(demo.reps || [], demo.customers && demo.customers[0] ? demo.customers[0].user_id : '');
    })
    .catch(function () { /* presets are a convenience; typing ids works without them */ });
})();
