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

// The service worker keeps the report form usable without a connection (sw.js, js/outbox.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(function (error) {
    console.warn('Pantau tidak dapat dipakai tanpa sambungan di peramban ini:', error);
  });
}
