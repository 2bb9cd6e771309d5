/*
 * The Authorize step of Swagger UI at /docs. QA picks a surface (customer or rep), enters
 * user_id and token once; every "Try it out" request to that surface is then signed with a
 * fresh timestamp by the request interceptor (src/swagger.ts calls window.LeidaSwaggerSigning).
 * Needs leida-signing.js (window.LeidaSigning), loaded before this file.
 */
(function () {
  'use strict';
  var signing = window.LeidaSigning;
  var PARAMETERS = ['user_id', 'timestamp', 'rand_str'];
  var SURFACES = ['customer', 'rep'];
  /** The document's security schemes of a surface (src/common/auth/surface.decorators.ts). */
  function schemesOf(kind) { return PARAMETERS.map(function (p) { return kind + '_' + p; }); }
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
  // The embedded demo serves its principals: one click signs in (else a hint where tokens come from).
  var demo = el('div', { id: 'leida-demo', class: 'leida-auth-demo' }, [
    el('span', { text: 'Tokens come from the fixture that created a principal, or from npm run token:rotate -- --rep <id> (or --customer <id>).' }),
  ]);
  var form = el('form', { id: 'leida-auth', class: 'leida-auth' }, [
    el('strong', { text: 'Signature' }),
    label('Surface', surface),
    label('user_id', userId),
    label('token', token),
    authorize,
    logout,
    status,
    demo,
    el('p', {
      class: 'leida-auth-note',
      text: 'Requests to each surface are signed in this tab with rand_str = md5(timestamp + token) and a fresh timestamp. '
        + 'The token stays in this browser tab (sessionStorage); only the signature is sent.',
    }),
  ]);

  function showDemoPrincipals(principals) {
    demo.textContent = '';
    demo.appendChild(el('span', { text: 'Demo principals (this server holds the demo data): ' }));
    [['customer', principals.customers || []], ['rep', principals.reps || []]].forEach(function (group) {
      group[1].forEach(function (p) {
        var button = el('button', { type: 'button', class: 'btn leida-demo-principal', 'data-surface': group[0], 'data-user-id': String(p.user_id), text: group[0] + ' ' + p.user_id + ' ' + p.name });
        button.addEventListener('click', function () {
          signing.saveCredential(group[0], String(p.user_id), p.token);
          surface.value = group[0];
          render('authorized as ' + group[0] + ' ' + p.user_id);
        });
        demo.appendChild(button);
      });
    });
  }

  fetch(new URL('/console/demo-principals.json', window.location.href).toString())
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (principals) { if (principals && (principals.reps || principals.customers)) showDemoPrincipals(principals); })
    .catch(function () { /* not the demo: the hint stays */ });

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

  /** Swagger UI's lock icons: a surface's operations show as authorized while that surface is signed. */
  function syncSwaggerLocks(all) {
    var ui = window.ui;
    if (!ui || !ui.authActions || !ui.authSelectors) return;
    var authorized = ui.authSelectors.authorized();
    SURFACES.forEach(function (kind) {
      var names = schemesOf(kind);
      if (all[kind]) {
        var payload = {};
        names.forEach(function (name, i) {
          payload[name] = { name: name, schema: { type: 'apiKey', in: 'query', name: PARAMETERS[i] }, value: PLACEHOLDER };
        });
        ui.authActions.authorize(payload);
      } else {
        // Only what is authorized: logging out of nothing throws inside Swagger UI.
        var signedIn = names.filter(function (name) { return authorized && authorized.get && authorized.get(name); });
        if (signedIn.length) ui.authActions.logout(signedIn);
      }
    });
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
      PARAMETERS.forEach(function (name) { if (url.searchParams.get(name) === PLACEHOLDER) url.searchParams.delete(name); });
      request.url = url.toString();
    }
    return request;
  }

  window.LeidaSwaggerSigning = { intercept: intercept };
})();
