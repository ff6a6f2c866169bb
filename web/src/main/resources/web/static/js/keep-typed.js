// Switching the page's language keeps what was typed: the switch loads the page again in the other language, which
// lost every value of its forms. The values are kept for this page in the browser's session storage when the switch
// is clicked and put back once the page in the other language has loaded (within a minute, on the same address);
// passwords, files and hidden fields (a form's id among them) are never kept.
(function () {
  var key = 'samenspel.typed:' + location.pathname;
  var skipped = ['password', 'file', 'hidden', 'submit', 'button', 'reset'];

  function forms() {
    return Array.prototype.slice.call(document.querySelectorAll('main form'))
      .filter(function (form) { return (form.getAttribute('method') || '').toLowerCase() === 'post'; });
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && skipped.indexOf(el.type) < 0 && !el.disabled;
    });
  }

  function keep() {
    var typed = [];
    forms().forEach(function (form, f) {
      fields(form).forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          typed.push({ f: f, name: el.name, value: el.value, checked: el.checked });
        } else if (el.tagName === 'SELECT' && el.multiple) {
          typed.push({ f: f, name: el.name, values: Array.prototype.filter.call(el.options, function (o) { return o.selected; })
            .map(function (o) { return o.value; }) });
        } else {
          typed.push({ f: f, name: el.name, value: el.value });
        }
      });
    });
    try {
      sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), typed: typed }));
    } catch (full) {
      // nothing kept: the page in the other language shows its form as it would anyway
    }
  }

  function restore() {
    var kept;
    try {
      kept = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.removeItem(key);
    } catch (unreadable) {
      return;
    }
    if (!kept || !kept.typed || Date.now() - kept.at > 60000) {
      return;
    }
    var all = forms();
    kept.typed.forEach(function (t) {
      var form = all[t.f];
      if (!form) {
        return;
      }
      fields(form).filter(function (el) { return el.name === t.name; }).forEach(function (el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.value === t.value) {
            el.checked = t.checked;
          }
        } else if (t.values) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = t.values.indexOf(o.value) >= 0; });
        } else {
          el.value = t.value;
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    restore();
    document.querySelectorAll('[data-test=lang-nl], [data-test=lang-en]').forEach(function (link) {
      link.addEventListener('click', keep);
    });
  });
})();
