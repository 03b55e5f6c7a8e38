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

// The TIMPORA agenda picker (<form data-agenda-picker>): a search box that hides the alerts it does not match, a
// "select all" per rule group (the rows shown), a "select this person's whole case" button, and a count of what is
// chosen. Without the script every alert is listed and the form submits the same alertId values.
function foldText(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
function fillTemplate(template, values) {
  return template.replace(/\{(\d)\}/g, function (match, index) {
    return values[Number(index)];
  });
}
function refreshAgendaPicker(form) {
  var search = form.querySelector('[data-agenda-search]');
  var terms = search ? foldText(search.value).split(/\s+/).filter(Boolean) : [];
  var anyShown = false;
  form.querySelectorAll('[data-agenda-group]').forEach(function (group) {
    var rows = group.querySelectorAll('.agenda-row');
    var shown = 0;
    var checked = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search') || '';
      row.hidden = !terms.every(function (term) { return text.indexOf(term) >= 0; });
      if (!row.hidden) {
        shown++;
        if (row.querySelector('input[name="alertId"]').checked) {
          checked++;
        }
      }
    });
    group.hidden = shown === 0;
    anyShown = anyShown || shown > 0;
    var count = group.querySelector('.agenda-group-count');
    if (count && terms.length > 0 && form.getAttribute('data-shown-template')) {
      count.textContent = fillTemplate(form.getAttribute('data-shown-template'), [shown, rows.length]);
    } else if (count && count.getAttribute('data-original') !== null) {
      count.textContent = count.getAttribute('data-original');
    }
    var all = group.querySelector('[data-group-all]');
    var allLabel = all && all.id ? group.querySelector('label[for="' + all.id + '"]') : null;
    if (allLabel && allLabel.getAttribute('data-filtered-text')) {
      if (allLabel.getAttribute('data-original') === null) {
        allLabel.setAttribute('data-original', allLabel.textContent);
      }
      allLabel.textContent = terms.length > 0 ? allLabel.getAttribute('data-filtered-text')
          : allLabel.getAttribute('data-original');
    }
    if (all) {
      all.checked = shown > 0 && checked === shown;
      all.indeterminate = checked > 0 && checked < shown;
    }
  });
  var noMatch = form.querySelector('#agenda-no-match');
  if (noMatch) {
    noMatch.hidden = anyShown;
  }
  var selected = form.querySelector('#agenda-selected');
  if (selected) {
    var n = form.querySelectorAll('input[name="alertId"]:checked').length;
    selected.textContent = n > 0 ? fillTemplate(form.getAttribute('data-selected-template') || '{0}', [n]) : '';
  }
}
document.addEventListener('input', function (event) {
  if (event.target.matches('[data-agenda-search]')) {
    refreshAgendaPicker(event.target.form);
  }
});
document.addEventListener('keydown', function (event) {
  // Enter in the search box would submit the agenda with whatever happens to be ticked.
  if (event.key === 'Enter' && event.target.matches('[data-agenda-search]')) {
    event.preventDefault();
  }
});
document.addEventListener('change', function (event) {
  var form = event.target.closest('form[data-agenda-picker]');
  if (!form) {
    return;
  }
  if (event.target.matches('[data-group-all]')) {
    var group = event.target.closest('[data-agenda-group]');
    group.querySelectorAll('.agenda-row:not([hidden]) input[name="alertId"]').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
  refreshAgendaPicker(form);
});
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-pick-case]');
  if (!button) {
    return;
  }
  var form = button.closest('form[data-agenda-picker]');
  var key = button.getAttribute('data-pick-case');
  form.querySelectorAll('.agenda-row').forEach(function (row) {
    if (row.getAttribute('data-case') === key) {
      row.querySelector('input[name="alertId"]').checked = true;
    }
  });
  refreshAgendaPicker(form);
});
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-agenda-picker]').forEach(function (form) {
    form.querySelectorAll('[data-js-only]').forEach(function (element) { element.hidden = false; });
    form.querySelectorAll('.agenda-group-count').forEach(function (count) {
      count.setAttribute('data-original', count.textContent);
    });
    refreshAgendaPicker(form);
  });
});

// The service worker keeps the report form usable without a connection (sw.js, js/outbox.js) and keeps the static
// files, so that the next visit loads only the page. Its address never changes (no hash): a worker is known by it.
// The files this page loaded before the worker controlled it are named to the worker, which keeps them. Registered
// once the page has loaded, so that on a slow link the worker's own downloads do not hold the page up.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', registerServiceWorker);
}
function registerServiceWorker() {
  navigator.serviceWorker.register('/sw.js').then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    var urls = [];
    document.querySelectorAll('link[rel="stylesheet"][href], script[src], link[rel="icon"][href]').forEach(function (element) {
      urls.push(element.href || element.src);
    });
    if (registration.active) {
      registration.active.postMessage({ type: 'keep-static', urls: urls });
    }
  }).catch(function (error) {
    console.warn('Pantau tidak dapat dipakai tanpa sambungan di peramban ini:', error);
  });
}
