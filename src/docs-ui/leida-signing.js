/*
 * Leida request signing for browser pages (Swagger UI at /docs and the QA console at /console).
 * One file, no build step: it defines window.LeidaSigning.
 *
 * The contract (API.md §1): every request on /zhugeleida/gongzhonghao/ (customer) and
 * /zhugeleida/qiyeweixin/ (rep) carries user_id, timestamp (ms) and
 * rand_str = lowercase hex MD5(timestamp + token). Tokens stay in this browser tab
 * (sessionStorage): only the signature is ever sent.
 */
(function (root) {
  'use strict';

  // ---- MD5 (RFC 1321) over the UTF-8 bytes of a string --------------------------------------
  var SHIFTS = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
  var SINES = [];
  for (var k = 0; k < 64; k++) SINES[k] = Math.floor(Math.abs(Math.sin(k + 1)) * 4294967296) | 0;

  function utf8(text) {
    return new TextEncoder().encode(String(text));
  }

  function wordHex(word) {
    var out = '';
    for (var i = 0; i < 4; i++) {
      var b = (word >>> (i * 8)) & 255;
      out += (b < 16 ? '0' : '') + b.toString(16);
    }
    return out;
  }

  function md5(text) {
    var bytes = utf8(text);
    var n = bytes.length;
    var blocks = ((n + 8) >>> 6) + 1;
    var m = new Int32Array(blocks * 16);
    for (var i = 0; i < n; i++) m[i >> 2] |= bytes[i] << ((i % 4) * 8);
    m[n >> 2] |= 0x80 << ((n % 4) * 8);
    m[blocks * 16 - 2] = (n * 8) | 0; // bit length, low word
    m[blocks * 16 - 1] = Math.floor(n / 0x20000000); // bit length, high word
    var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    for (var start = 0; start < m.length; start += 16) {
      var a = a0, b = b0, c = c0, d = d0;
      for (var j = 0; j < 64; j++) {
        var f, g;
        if (j < 16) { f = (b & c) | (~b & d); g = j; }
        else if (j < 32) { f = (d & b) | (~d & c); g = (5 * j + 1) % 16; }
        else if (j < 48) { f = b ^ c ^ d; g = (3 * j + 5) % 16; }
        else { f = c ^ (b | ~d); g = (7 * j) % 16; }
        f = (f + a + SINES[j] + m[start + g]) | 0;
        a = d; d = c; c = b;
        b = (b + ((f << SHIFTS[j]) | (f >>> (32 - SHIFTS[j])))) | 0;
      }
      a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
    }
    return wordHex(a0) + wordHex(b0) + wordHex(c0) + wordHex(d0);
  }

  // ---- Signatures ------------------------------------------------------------------------------
  var PREFIX = { customer: '/zhugeleida/gongzhonghao/', rep: '/zhugeleida/qiyeweixin/' };
  /** The mini-program (小程序) pages: customers too, signed with a customer token. */
  var MINI_PROGRAM_PREFIX = '/zhugeleida/xiaochengxu/';

  /** 'customer' | 'rep' for a signed path, else null (docs, health, the spec itself...). */
  function surfaceOfPath(pathname) {
    if (pathname.indexOf(PREFIX.customer) === 0 || pathname.indexOf(MINI_PROGRAM_PREFIX) === 0) return 'customer';
    if (pathname.indexOf(PREFIX.rep) === 0) return 'rep';
    return null;
  }

  /** The three signature parameters for a principal, with a fresh timestamp unless given. */
  function signature(userId, token, timestampMs) {
    var timestamp = String(timestampMs === undefined ? Date.now() : timestampMs);
    return { user_id: String(userId), timestamp: timestamp, rand_str: md5(timestamp + token) };
  }

  function baseHref() {
    return root.location ? root.location.href : 'http://localhost/';
  }

  /** `url` with user_id/timestamp/rand_str set (replacing any already there). */
  function signUrl(url, credential, timestampMs) {
    var u = new URL(url, baseHref());
    var sig = signature(credential.user_id, credential.token, timestampMs);
    u.searchParams.set('user_id', sig.user_id);
    u.searchParams.set('timestamp', sig.timestamp);
    u.searchParams.set('rand_str', sig.rand_str);
    return u.toString();
  }

  /** The realtime endpoint's URL for a principal (API.md §7): the handshake is signed too. */
  function realtimeUrl(role, credential) {
    var u = new URL('/ws', baseHref());
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    var sig = signature(credential.user_id, credential.token);
    u.search = new URLSearchParams({ role: role, user_id: sig.user_id, timestamp: sig.timestamp, rand_str: sig.rand_str }).toString();
    return u.toString();
  }

  // ---- Credentials kept in this tab only -------------------------------------------------------
  var STORE_KEY = 'leida.credentials';

  function storage() {
    try { return root.sessionStorage || null; } catch (e) { return null; }
  }

  function loadCredentials() {
    var s = storage();
    try { return (s && JSON.parse(s.getItem(STORE_KEY) || '{}')) || {}; } catch (e) { return {}; }
  }

  function saveCredential(surface, userId, token) {
    if (!PREFIX[surface]) throw new Error('unknown surface ' + surface);
    if (!/^\d{1,9}$/.test(String(userId))) throw new Error('user_id must be a number');
    if (!/^[0-9a-fA-F]{32}$/.test(String(token))) throw new Error('token must be 32 hex characters');
    var all = loadCredentials();
    all[surface] = { user_id: String(userId), token: String(token).toLowerCase() };
    var s = storage();
    if (s) s.setItem(STORE_KEY, JSON.stringify(all));
    return all;
  }

  function forgetCredential(surface) {
    var all = loadCredentials();
    if (surface) delete all[surface]; else all = {};
    var s = storage();
    if (s) s.setItem(STORE_KEY, JSON.stringify(all));
    return all;
  }

  /** Signs `url` with the stored credential of its surface; unchanged when none applies. */
  function signWithStored(url) {
    var u = new URL(url, baseHref());
    var surface = surfaceOfPath(u.pathname);
    if (!surface) return url;
    var credential = loadCredentials()[surface];
    return credential ? signUrl(u.toString(), credential) : url;
  }

  var api = {
    md5: md5,
    PREFIX: PREFIX,
    surfaceOfPath: surfaceOfPath,
    signature: signature,
    signUrl: signUrl,
    realtimeUrl: realtimeUrl,
    loadCredentials: loadCredentials,
    saveCredential: saveCredential,
    forgetCredential: forgetCredential,
    signWithStored: signWithStored,
  };
  root.LeidaSigning = api;
})(typeof window !== 'undefined' ? window : globalThis);
