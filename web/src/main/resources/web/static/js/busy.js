/*
 * Forms that take a while (checking or logging an import file): once sent, the form is marked busy, its buttons
 * are disabled so a second click sends nothing, and a status line says what is happening. The service answers only
 * when the whole file is done, so there is no progress to show, only that work is under way.
 * A file larger than the import accepts is named before it is sent.
 */
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-busy')) {
      return;
    }
    if (form.getAttribute('aria-busy') === 'true') {
      event.preventDefault();
      return;
    }
    var file = form.querySelector('input[type=file][data-max-bytes]');
    if (file && tooLarge(file)) {
      event.preventDefault();
      return;
    }
    form.setAttribute('aria-busy', 'true');
    var status = document.getElementById(form.getAttribute('data-busy'));
    if (status) {
      status.textContent = status.getAttribute('data-message');
      status.classList.add('active');
    }
    // After this event the form is sent; disabling its buttons now keeps a second click from sending it again.
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input[type=file][data-max-bytes]')) {
      tooLarge(event.target);
    }
  });

  function tooLarge(input) {
    var max = Number(input.getAttribute('data-max-bytes'));
    var file = input.files && input.files[0];
    var message = document.getElementById(input.id + '-client-error');
    var large = !!file && file.size > max;
    if (message) {
      message.hidden = !large;
      message.textContent = large ? input.getAttribute('data-too-large') : '';
    }
    if (large) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', input.id + '-client-error ' + input.id + '-help');
      input.focus();
    } else if (message) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', input.id + '-help');
    }
    return large;
  }
}());
