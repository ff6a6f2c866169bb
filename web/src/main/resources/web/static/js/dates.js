// Date fields show a date in the browser's own format: 12/06/2026 in a browser set to US English, on Dutch pages
// too, which a Dutch reader takes for 12 June. Under each date field the chosen date is said in words, in the page's
// language ("6 december 2026", "6 December 2026"), and follows the field as it changes.
(function () {
  'use strict';

  var LOCALES = { nl: 'nl-NL', en: 'en-GB' };

  function inWords(input, locale) {
    var parts = input.value ? input.value.split(/[-T:]/).map(Number) : [];
    if (parts.length < 3 || parts.some(isNaN)) {
      return '';
    }
    var date = new Date(2000, parts[1] - 1, parts[2], parts[3] || 0, parts[4] || 0, Math.floor(parts[5] || 0));
    date.setFullYear(parts[0]);
    var options = { day: 'numeric', month: 'long', year: 'numeric' };
    if (input.type === 'datetime-local') {
      options.hour = '2-digit';
      options.minute = '2-digit';
      options.hourCycle = 'h23';
      // a moment given to the second (the moment a comparison is made at) is said to the second
      if (parts.length > 5) {
        options.second = '2-digit';
      }
    }
    return new Intl.DateTimeFormat(locale, options).format(date);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var lang = (document.documentElement.lang || 'en').slice(0, 2);
    var locale = LOCALES[lang] || lang;
    document.querySelectorAll('input[type=date], input[type=datetime-local]').forEach(function (input) {
      var said = document.createElement('span');
      said.className = 'date-words';
      said.setAttribute('data-test', 'date-words');
      // A screen reader reads the field's value itself; the words are for the eye.
      said.setAttribute('aria-hidden', 'true');
      input.insertAdjacentElement('afterend', said);
      var update = function () {
        said.textContent = inWords(input, locale);
      };
      input.addEventListener('input', update);
      input.addEventListener('change', update);
      update();
    });
  });
})();
