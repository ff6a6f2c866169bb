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

// Offers only the options of a select that {@code keep} keeps (and its empty choice), setting the others aside; a
// choice set aside is undone.
function offerOnly(select, keep) {
  Array.prototype.forEach.call(select.options, function (option) {
    var kept = !option.value || keep(option);
    option.hidden = !kept;
    option.disabled = !kept;
  });
  if (select.selectedIndex > 0 && select.options[select.selectedIndex].disabled) {
    select.value = '';
  }
}

// A departure: once a partner is chosen, the people offered are those who represent it now (each option's data-fits,
// "partnerId:level" apart by spaces), and a person who holds one post there fills in its level. Without script every
// person stays offered, each with what they hold, and a wrong pair is refused when sent.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('[data-test=entry-form-representative-departed]');
  var partner = form && form.querySelector('select[name=partnerId]');
  var person = form && form.querySelector('select[name=personRef]');
  if (!partner || !person) {
    return;
  }
  function posts(option) {
    return (option.getAttribute('data-fits') || '').split(' ').filter(function (p) { return p; });
  }
  function narrow() {
    offerOnly(person, function (option) {
      return !partner.value || posts(option).some(function (p) { return p.split(':')[0] === partner.value; });
    });
  }
  function fillLevel() {
    var option = person.options[person.selectedIndex];
    var held = option ? posts(option).filter(function (p) {
      return !partner.value || p.split(':')[0] === partner.value;
    }) : [];
    if (held.length !== 1) {
      return;
    }
    if (!partner.value) {
      partner.value = held[0].split(':')[0];
      narrow();
    }
    var level = held[0].split(':')[1];
    var radio = form.querySelector('input[name=level][value="' + level + '"]');
    var select = form.querySelector('select[name=level]');
    if (radio) {
      radio.checked = true;
    } else if (select) {
      select.value = level;
    }
  }
  partner.addEventListener('change', narrow);
  person.addEventListener('change', fillLevel);
  narrow();
});

// An agreement's outcome: once the agreement is chosen, the partners offered as responsible are its parties (the
// agreement option's data-fits); another was refused only when sent ("must be one of the parties").
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('[data-test=entry-form-agreement-outcome-recorded]');
  var agreement = form && form.querySelector('select[name=agreementId]');
  var responsible = form && form.querySelector('select[name=responsiblePartnerId]');
  if (!agreement || !responsible) {
    return;
  }
  function narrow() {
    var chosen = agreement.options[agreement.selectedIndex];
    var parties = chosen && chosen.getAttribute('data-fits') ? chosen.getAttribute('data-fits').split(' ') : null;
    offerOnly(responsible, function (option) { return !parties || parties.indexOf(option.value) >= 0; });
  }
  agreement.addEventListener('change', narrow);
  narrow();
});
