// The JavaScript side of engine/present/browser.cpp (linked with --js-library): the screen-reader
// mirror of the canvas, messages from the page (storage), clicks on the mirror's buttons, and
// speech through the browser's speechSynthesis. The page (tools/web/page.html) owns window.lostcorner.
mergeInto(LibraryManager.library, {
  $lcPage: function () {
    return window.lostcorner || (window.lostcorner = { messages: [], activations: [], buttons: [] });
  },

  lc_web_screen__deps: ['$lcPage'],
  lc_web_screen: function (name) {
    var lc = lcPage();
    lc.screen = UTF8ToString(name);
    (lc.screenTimes = lc.screenTimes || {})[lc.screen] = lc.screenTimes[lc.screen] || performance.now();
    var h = document.getElementById('lc-screen');
    if (h) h.textContent = document.title + ': ' + lc.screen;
  },

  // The text the player would hear: a paragraph, a heading, the focused button.
  lc_web_announce__deps: ['$lcPage'],
  lc_web_announce: function (text) {
    var lc = lcPage(), s = UTF8ToString(text);
    lc.spoken = (lc.spoken || []).concat([s]).slice(-50);
    var el = document.getElementById('lc-paragraph');
    if (el) el.textContent = s;
  },

  // The top screen's buttons as real buttons: Tab reaches them, Enter or a click chooses.
  lc_web_buttons__deps: ['$lcPage'],
  lc_web_buttons: function (json) {
    var lc = lcPage(), list = JSON.parse(UTF8ToString(json));
    lc.buttons = list;
    var group = document.getElementById('lc-choices');
    if (!group) return;
    var hadFocus = group.contains(document.activeElement);
    group.textContent = '';
    list.forEach(function (b, i) {
      var el = document.createElement('button');
      el.type = 'button';
      el.textContent = b.label + (b.detail ? ' (' + b.detail + ')' : '');
      el.disabled = !b.enabled;
      el.addEventListener('click', function (e) { e.preventDefault(); lc.activations.push(i); });
      el.addEventListener('keydown', function (e) { e.stopPropagation(); });  // the game must not see it twice
      group.appendChild(el);
      if (hadFocus && i === 0) el.focus();
    });
  },

  lc_web_notice__deps: ['$lcPage'],
  lc_web_notice: function (text) {
    var lc = lcPage(), s = UTF8ToString(text);
    lc.notices = (lc.notices || []).concat([s]);
    var log = document.getElementById('lc-notices');
    if (!log) return;
    var p = document.createElement('p');
    p.textContent = s;
    log.appendChild(p);
    while (log.childNodes.length > 5) log.removeChild(log.firstChild);
  },

  // A message from the page for the game's notices (storage blocked or full), or 0.
  lc_web_take_message__deps: ['$lcPage'],
  lc_web_take_message: function () {
    var lc = lcPage();
    if (!lc.messages.length) return 0;
    var s = lc.messages.shift(), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  // The index of a mirror button the player chose, or -1.
  lc_web_take_activation__deps: ['$lcPage'],
  lc_web_take_activation: function () {
    var lc = lcPage();
    return lc.activations.length ? lc.activations.shift() : -1;
  },

  lc_speech_available: function () {
    return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined' ? 1 : 0;
  },
  lc_speech_say: function (text) {
    if (typeof speechSynthesis === 'undefined') return;
    speechSynthesis.cancel();
    speechSynthesis.speak(new SpeechSynthesisUtterance(UTF8ToString(text)));
  },
  lc_speech_stop: function () {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  },
});
