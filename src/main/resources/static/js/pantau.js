// Sends the CSRF token with every htmx request; the page carries it in meta tags (no inline script is allowed).
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Buttons that ask before they act: <button data-confirm="...">.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

// A form shows only the fields its chosen option needs: <select data-shows-fields> and <... data-for-outcomes="A B">.
function showFieldsFor(select) {
  var form = select.form;
  form.querySelectorAll('[data-for-outcomes]').forEach(function (field) {
    var wanted = field.getAttribute('data-for-outcomes').split(' ');
    field.hidden = select.value !== '' && wanted.indexOf(select.value) < 0;
  });
}
document.addEventListener('change', function (event) {
  if (event.target.matches('select[data-shows-fields]')) {
    showFieldsFor(event.target);
  }
});
// A person picked from a list (the matcher's candidates, a search) fills the form's person number:
// <button data-pick-person="12" data-pick-label="NAME"> inside a block with an input #personId and a #person-picked.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-pick-person]');
  if (!button) {
    return;
  }
  var input = document.getElementById('personId');
  var picked = document.getElementById('person-picked');
  if (input) {
    input.value = button.getAttribute('data-pick-person');
  }
  if (picked) {
    picked.textContent = (picked.getAttribute('data-picked-prefix') || '\u2713') + ' ' +
        button.getAttribute('data-pick-label') + ' (#' + button.getAttribute('data-pick-person') + ')';
    picked.classList.add('text-success', 'fw-semibold');
  }
});

document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-shows-fields]').forEach(showFieldsFor);
});

// The service worker keeps the report form usable without a connection (sw.js, js/outbox.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(function (error) {
    console.warn('Pantau tidak dapat dipakai tanpa sambungan di peramban ini:', error);
  });
}
