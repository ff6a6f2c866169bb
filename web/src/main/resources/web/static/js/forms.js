// Forms: when the server answered with errors, move the focus to their summary, so a keyboard or screen-reader user
// starts where the problems are listed (each links to its field).
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});

// A choice that decides what another field takes (a threshold's allowed values): the help beside that field follows
// the option chosen (its data-help), or says to choose first (the help's data-empty).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-help-target]').forEach(function (select) {
    var help = document.getElementById(select.getAttribute('data-help-target'));
    if (!help) {
      return;
    }
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      help.textContent = (option && option.getAttribute('data-help')) || help.getAttribute('data-empty');
    });
  });
});
