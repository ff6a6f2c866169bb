// Forms: when the server answered with errors, move the focus to their summary, so a keyboard or screen-reader user
// starts where the problems are listed (each links to its field).
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
