// The outbox on the pages: a new report written without a connection is kept on this device and sent when the
// connection is back.
//
// - Online, the new-report form (<form data-offline-outbox>) posts as any form does. Offline (navigator.onLine is
//   false) the submission is kept in the outbox (js/outbox-store.js) instead, and the form is emptied for the next
//   report with a new clientKey. When the network fails on the way of a normal post, the service worker keeps it.
// - On every page load, on the 'online' event and every 30 seconds, the user's waiting reports are posted to
//   /laporan/baru with a fresh CSRF token. The server answers a report it knows by its clientKey with that same report,
//   so a retry whose first answer was lost does not make a second one.
// - #outbox-status (fragments/layout :: outbox) lists what is waiting; its texts come from its data attributes.
(function () {
	'use strict';

	var FORM_PATH = '/laporan/baru';
	var RETRY_EVERY = 30000;

	if (!window.indexedDB || !window.PantauOutbox) {
		return;
	}
	var outbox = window.PantauOutbox;
	var status = document.getElementById('outbox-status');
	var user = content('meta[name="pantau-user"]');
	var sending = false;

	function content(selector, root) {
		var element = (root || document).querySelector(selector);
		return element ? element.getAttribute('content') : null;
	}

	function uuid() {
		if (window.crypto && typeof window.crypto.randomUUID === 'function') {
			return window.crypto.randomUUID();
		}
		var bytes = window.crypto.getRandomValues(new Uint8Array(16));
		bytes[6] = (bytes[6] & 0x0f) | 0x40;
		bytes[8] = (bytes[8] & 0x3f) | 0x80;
		var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).substring(1); }).join('');
		return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
			+ hex.substring(16, 20) + '-' + hex.substring(20);
	}

	function text(name) {
		return status ? status.getAttribute('data-' + name) || '' : '';
	}

	// Without a user (the login and offline pages) every waiting report is shown, and none is sent.
	function mine(items) {
		return items.filter(function (item) { return !user || item.user === user; });
	}

	function newReportForm() {
		var form = document.querySelector('form[data-offline-outbox]');
		return form && form.querySelector('input[name="clientKey"]') ? form : null;
	}

	function show(items, notice, tone) {
		if (!status) {
			return;
		}
		status.replaceChildren();
		if (notice) {
			append(status, 'p', notice, 'mb-1');
		}
		if (items.length) {
			append(status, 'p', text('waiting').replace('{0}', items.length), 'mb-1');
		}
		// who was reported is not shown to someone not logged in (the login page of a shared device)
		if (items.length && user) {
			var list = append(status, 'ul', null, 'mb-0');
			list.id = 'outbox-list';
			items.forEach(function (item) {
				var line = append(list, 'li', item.names || '-');
				if (item.rejected) {
					line.appendChild(document.createTextNode(' (' + text('rejected') + ') '));
					if (newReportForm()) {
						var button = append(line, 'button', text('restore'), 'btn btn-sm btn-outline-primary');
						button.type = 'button';
						button.addEventListener('click', function () { restore(item); });
					}
				}
			});
		}
		status.classList.remove('alert-info', 'alert-success', 'alert-warning', 'alert-danger');
		status.classList.add('alert-' + (tone || 'info'));
		status.classList.toggle('d-none', !notice && !items.length);
	}

	function append(parent, tag, words, classes) {
		var element = document.createElement(tag);
		if (words !== null) {
			element.textContent = words;
		}
		if (classes) {
			element.className = classes;
		}
		parent.appendChild(element);
		return element;
	}

	function refresh(notice, tone) {
		return outbox.all().then(function (items) {
			show(mine(items), notice, tone);
		});
	}

	// The form with the pressed button's value; older browsers ignore FormData's second argument.
	function submission(form, submitter) {
		var data = new FormData(form, submitter);
		if (submitter && submitter.name && !data.has(submitter.name)) {
			data.append(submitter.name, submitter.value);
		}
		return data;
	}

	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.matches('form[data-offline-outbox]') || navigator.onLine) {
			return;
		}
		event.preventDefault();
		var key = form.querySelector('input[name="clientKey"]');
		if (!key) {
			show([], text('edit-offline'), 'warning');
			return;
		}
		outbox.add(outbox.entry(submission(form, event.submitter), user)).then(function () {
			form.reset();
			key.value = uuid();
			return refresh(text('stored'));
		}, function () {
			show([], text('failed'), 'danger');
		});
	});

	function restore(item) {
		var form = newReportForm();
		item.fields.forEach(function (field) {
			var control = field[0] === 'submit' ? null : form.elements.namedItem(field[0]);
			if (!control) {
				return;
			}
			if (typeof field[1] === 'string') {
				control.value = field[1];
			}
			else if (control.type === 'file' && typeof DataTransfer === 'function') {
				var transfer = new DataTransfer();
				transfer.items.add(field[1] instanceof File ? field[1] : new File([field[1]], 'foto'));
				control.files = transfer.files;
			}
		});
		outbox.remove(item.id).then(function () { return refresh(); });
		form.scrollIntoView();
	}

	function loggedOut(response) {
		return new URL(response.url).pathname === '/login' || response.status === 401 || response.status === 403;
	}

	// A token of this session, from a freshly loaded form: the page on screen may be an old copy from the cache.
	function freshToken() {
		return fetch(FORM_PATH, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
			.then(function (response) {
				if (loggedOut(response)) {
					throw 'login';
				}
				if (!response.ok) {
					throw 'retry';
				}
				return response.text();
			}, function () {
				throw 'network';
			})
			.then(function (html) {
				var page = new DOMParser().parseFromString(html, 'text/html');
				if (content('meta[name="pantau-user"]', page) !== user) {
					throw 'login';
				}
				var header = content('meta[name="_csrf_header"]', page);
				var token = content('meta[name="_csrf"]', page);
				if (!header || !token) {
					throw 'retry';
				}
				return { header: header, token: token };
			});
	}

	function send(item, csrf) {
		var body = new FormData();
		item.fields.forEach(function (field) {
			if (typeof field[1] === 'string') {
				body.append(field[0], field[1]);
			}
			else {
				body.append(field[0], field[1], field[1].name || 'foto');
			}
		});
		var headers = {};
		headers[csrf.header] = csrf.token;
		return fetch(FORM_PATH, { method: 'POST', body: body, credentials: 'same-origin', headers: headers })
			.then(function (response) {
				var path = new URL(response.url).pathname;
				if (response.ok && /^\/laporan\/\d+$/.test(path)) {
					return 'saved';
				}
				if (loggedOut(response)) {
					return 'login';
				}
				return response.ok && path === FORM_PATH ? 'rejected' : 'retry';
			}, function () {
				return 'network';
			});
	}

	function sendAll() {
		var sent = 0;
		return outbox.all().then(function (items) {
			var waiting = mine(items).filter(function (item) { return !item.rejected; });
			if (!waiting.length) {
				return null;
			}
			return freshToken().then(function (csrf) {
				return waiting.reduce(function (previous, item) {
					return previous.then(function () {
						return send(item, csrf).then(function (result) {
							if (result === 'saved') {
								sent++;
								return outbox.remove(item.id);
							}
							if (result === 'rejected') {
								item.rejected = true;
								return outbox.update(item);
							}
							throw result;
						});
					});
				}, Promise.resolve());
			}).then(function () {
				return 'done';
			}, function (problem) {
				return problem;
			});
		}).then(function (outcome) {
			if (outcome === null || (outcome === 'network' && sent === 0)) {
				return null; // nothing changed: what is shown stays
			}
			return outbox.all().then(function (items) {
				var left = mine(items);
				if (outcome === 'login') {
					show(left, text('login'), 'warning');
				}
				else if (outcome === 'retry') {
					show(left, text('retry'), 'warning');
				}
				else if (sent > 0 && !left.length) {
					show(left, text('sent'), 'success');
				}
				else {
					show(left);
				}
			});
		});
	}

	// One tab sends at a time.
	function flush() {
		if (sending || !user || !navigator.onLine) {
			return Promise.resolve();
		}
		sending = true;
		var work = navigator.locks
			? navigator.locks.request('pantau-outbox', { ifAvailable: true }, function (lock) { return lock ? sendAll() : null; })
			: sendAll();
		return work.catch(function () {
			// the outbox could not be read: the next try may
		}).then(function () {
			sending = false;
		});
	}

	// Each view of an empty form has its own clientKey: a copy of the form from the cache is never the one sent before.
	var renewed = document.querySelector('form[data-offline-outbox] input[name="clientKey"][data-renew="true"]');
	if (renewed) {
		renewed.value = uuid();
	}
	if (user) {
		outbox.rememberUser(user);
	}
	var kept = new URLSearchParams(window.location.search).get('antrean');
	outbox.all().then(function (items) {
		var notice = kept ? text(kept === 'masuk' ? 'login' : 'stored') : null;
		show(mine(items), !user && items.length ? text('login') : notice);
	}).then(flush, function () {});
	window.addEventListener('online', flush);
	window.setInterval(flush, RETRY_EVERY);

	// Keep the form for use without a connection as soon as a user who reports sees the link to it.
	if ('serviceWorker' in navigator && document.querySelector('a[data-offline-prefetch]')) {
		navigator.serviceWorker.ready.then(function (registration) {
			if (registration.active) {
				registration.active.postMessage({ type: 'keep-form' });
			}
		});
	}
})();
