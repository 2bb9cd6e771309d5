/*
 * The Authorize step of Swagger UI at /docs. QA picks a surface (customer or rep), enters
 * user_id and token once; every "Try it out" request to that surface is then signed with a
 * fresh timestamp by the request interceptor (src/swagger.ts calls window.LeidaSwaggerSigning).
 * Needs leida-signing.js (window.LeidaSigning), loaded before this file.
 */
(function () {
  'use strict';
  var signing = window.LeidaSigning;
  var SCHEMES = ['user_id', 'timestamp', 'rand_str'];
  // What Swagger's own Authorize dialog holds once this panel is used: the real values are
  // computed per request, so only a placeholder is kept there (and replaced on the way out).
  var PLACEHOLDER = 'signed-in-browser';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function label(text, control) {
    return el('label', {}, [el('span', { text: text }), control]);
  }

  var surface = el('select', { id: 'leida-surface', 'aria-label': 'surface' }, [
    el('option', { value: 'customer', text: 'customer (公众号) /zhugeleida/gongzhonghao/' }),
    el('option', { value: 'rep', text: 'rep (企业微信) /zhugeleida/qiyeweixin/' }),
  ]);
  var userId = el('input', { id: 'leida-user-id', inputmode: 'numeric', placeholder: 'user_id', autocomplete: 'off' });
  var token = el('input', { id: 'leida-token', type: 'password', placeholder: '32 hex characters', autocomplete: 'off', spellcheck: 'false' });
  var authorize = el('button', { id: 'leida-authorize', type: 'submit', class: 'btn authorize', text: 'Authorize' });
  var logout = el('button', { id: 'leida-logout', type: 'button', class: 'btn', text: 'Log out' });
  var status = el('div', { id: 'leida-auth-status', role: 'status' });
  var form = el('form', { id: 'leida-auth', class: 'leida-auth' }, [
    el('strong', { text: 'Signature' }),
    label('Surface', surface),
    label('user_id', userId),
    label('token', token),
    authorize,
    logout,
    status,
    el('p', {
      class: 'leida-auth-note',
      text: 'Requests to each surface are signed in this tab with rand_str = md5(timestamp + token) and a fresh timestamp. '
        + 'The token stays in this browser tab (sessionStorage); only the signature is sent.',
    }),
  ]);

  function describe(c) {
    return c ? 'user ' + c.user_id + ' ✓' : 'not signed in';
  }

  function render(message) {
    var all = signing.loadCredentials();
    status.textContent = (message ? message + ' · ' : '') + 'customer: ' + describe(all.customer) + ' · rep: ' + describe(all.rep);
    var current = all[surface.value];
    userId.value = current ? current.user_id : '';
    token.value = '';
    syncSwaggerLocks(all);
  }

  /** Shows the operations as authorized in Swagger UI's own lock icons. */
  function syncSwaggerLocks(all) {
    var ui = window.ui;
    if (!ui || !ui.authActions) return;
    if (all.customer || all.rep) {
      var payload = {};
      SCHEMES.forEach(function (name) {
        payload[name] = { name: name, schema: { type: 'apiKey', in: 'query', name: name }, value: PLACEHOLDER };
      });
      ui.authActions.authorize(payload);
    } else {
      ui.authActions.logout(SCHEMES);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    try {
      signing.saveCredential(surface.value, userId.value.trim(), token.value.trim());
      render('authorized as ' + surface.value + ' ' + userId.value.trim());
    } catch (error) {
      status.textContent = error.message;
    }
  });
  logout.addEventListener('click', function () {
    signing.forgetCredential(surface.value);
    render('logged out of ' + surface.value);
  });
  surface.addEventListener('change', function () { render(); });

  var host = document.getElementById('swagger-ui');
  host.parentNode.insertBefore(form, host);
  render();
  // Swagger UI is built on window load; reflect stored credentials in its lock icons then.
  window.addEventListener('load', function () { setTimeout(function () { syncSwaggerLocks(signing.loadCredentials()); }, 0); });

  /** Swagger UI's requestInterceptor: sign requests to the two surfaces. */
  function intercept(request) {
    var url = new URL(request.url, window.location.href);
    var kind = signing.surfaceOfPath(url.pathname);
    if (!kind) return request;
    var credential = signing.loadCredentials()[kind];
    if (credential) {
      request.url = signing.signUrl(url.toString(), credential);
    } else {
      // Not signed in on this surface: drop the placeholders so the server says missing_params.
      SCHEMES.forEach(function (name) { if (url.searchParams.get(name) === PLACEHOLDER) url.searchParams.delete(name); });
      request.url = url.toString();
    }
    return request;
  }

  window.LeidaSwaggerSigning = { intercept: intercept };
})();
