// The outbox on the pages: a new report written without a connection is kept on this device and sent when the
// connection is back.
//
// - Online, the new-report form (<form data-offline-outbox>) posts as any form does. Offline (navigator.onLine is
//   false) the submission is kept in the outbox (js/outbox-store.js) instead, and the form is emptied for the next
//   report with a new clientKey. When the network fails on the way of a normal post, the service worker keeps it.
// - On every page load, on the 'online' event and every 30 seconds, the user's waiting reports are posted to
//   /laporan/baru with a fresh CSRF token. The server answers a report it knows by its clientKey with that same report,
//   so a retry whose first answer was lost does not make a second one.
// - #outbox-status (fragments/layout :: outbox) lists what is waiting, once per report (the outbox is keyed by the
//   clientKey), each with when it was last tried and what it waits for; its texts come from its data attributes.
// - The clientKey belongs to the draft, not to the page: what is typed into the new-report form is kept in this
//   browser (localStorage, per user) with its key until it is sent, so a reload or a return to the form shows the
//   same draft with the same key; after a submission, Back to the form keeps that key, so that sending it again
//   answers with the report already made instead of making a second one. A new form after a sent report starts a
//   new draft with a new key.
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

	var shown = { notice: null, tone: null };

	function show(items, notice, tone) {
		if (!status) {
			return;
		}
		shown = { notice: notice, tone: tone };
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
				var line = append(list, 'li', null, 'outbox-item');
				line.setAttribute('data-client-key', item.clientKey || '');
				append(line, 'span', item.names || '-', 'outbox-name');
				var why = append(line, 'div', null, 'outbox-why text-body-secondary');
				append(why, 'span', reason(item), 'outbox-reason');
				append(why, 'span', ' \u00b7 ' + (item.triedAt ? text('last-tried').replace('{0}', when(item.triedAt))
					: text('not-tried')), 'outbox-tried');
				if (item.rejected && newReportForm()) {
					var button = append(line, 'button', text('restore'), 'btn btn-sm btn-outline-primary mt-1 outbox-restore');
					button.type = 'button';
					button.addEventListener('click', function () { restore(item); });
				}
			});
		}
		status.classList.remove('alert-info', 'alert-success', 'alert-warning', 'alert-danger');
		status.classList.add('alert-' + (tone || 'info'));
		status.classList.toggle('d-none', !notice && !items.length);
	}

	function reason(item) {
		if (item.rejected) {
			return item.refusal ? text('why-rejected').replace('{0}', item.refusal) : text('rejected');
		}
		return text('why-' + (item.waitingFor || 'network')) || text('why-network');
	}

	function when(instant) {
		var date = new Date(instant);
		var today = new Date().toDateString() === date.toDateString();
		var options = today ? { hour: '2-digit', minute: '2-digit' }
			: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
		try {
			return date.toLocaleString(document.documentElement.lang || undefined, options);
		}
		catch (e) {
			return date.toLocaleString();
		}
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

	function submitButtons(form, enabled) {
		Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'), function (button) {
			button.disabled = !enabled;
		});
	}

	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.matches('form[data-offline-outbox]')) {
			return;
		}
		// a second tap while the first is on its way (a slow link) or being kept is the same report: it is not sent twice
		if (form.getAttribute('data-sending') === 'true') {
			event.preventDefault();
			return;
		}
		var key = form.querySelector('input[name="clientKey"]');
		if (navigator.onLine) {
			form.setAttribute('data-sending', 'true');
			if (key) {
				draft.save(form, true);
			}
			return;
		}
		event.preventDefault();
		if (!key) {
			show([], text('edit-offline'), 'warning');
			return;
		}
		form.setAttribute('data-sending', 'true');
		submitButtons(form, false);
		// a phone short of space may clear a site's storage unless asked not to: the outbox may have to wait for days
		if (navigator.storage && typeof navigator.storage.persist === 'function') {
			navigator.storage.persist().catch(function () {});
		}
		outbox.add(outbox.entry(submission(form, event.submitter), user)).then(function () {
			form.reset();
			key.value = uuid();
			draft.forget();
			var photo = form.querySelector('#photo-remove');
			if (photo) {
				photo.click(); // the preview of the photo just kept goes with the rest of the form
			}
			return refresh(text('stored'));
		}, function () {
			show([], text('failed'), 'danger');
		}).then(function () {
			form.removeAttribute('data-sending');
			submitButtons(form, true);
		});
	});

	// A page shown again from the browser's memory (Back) may still say it is sending.
	window.addEventListener('pageshow', function () {
		var form = document.querySelector('form[data-offline-outbox][data-sending]');
		if (form) {
			form.removeAttribute('data-sending');
			submitButtons(form, true);
		}
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
				transfer.items.add(field[1] instanceof File ? field[1] : new File([field[1]], 'foto.jpg', { type: field[1].type }));
				control.files = transfer.files;
				control.dispatchEvent(new Event('change', { bubbles: true })); // js/photo.js shows it again
			}
		});
		draft.save(form, false);
		outbox.remove(item.id).then(function () {
			return refresh(text('restored').replace('{0}', item.refusal || text('rejected')), 'warning');
		});
		form.scrollIntoView();
	}

	// The unsent content of the new-report form with its clientKey, for this user, in this browser.
	var draft = (function () {
		var NAME = 'pantau-draft';
		function read() {
			try {
				var kept = JSON.parse(window.localStorage.getItem(NAME) || 'null');
				return kept && kept.user === user ? kept : null;
			}
			catch (e) {
				return null;
			}
		}
		return {
			read: read,
			save: function (form, submitted) {
				var key = form.querySelector('input[name="clientKey"]');
				if (!user || !key || !key.value) {
					return;
				}
				var fields = {};
				Array.prototype.forEach.call(form.elements, function (control) {
					if (control.name && control.name !== '_csrf' && control.name !== 'clientKey'
							&& control.type !== 'file' && control.type !== 'submit' && control.type !== 'hidden') {
						fields[control.name] = control.value;
					}
				});
				try {
					window.localStorage.setItem(NAME, JSON.stringify({ user: user, key: key.value, fields: fields,
						submitted: !!submitted, at: Date.now() }));
				}
				catch (e) {
					// private mode or full: the draft lives only in the page
				}
			},
			forget: function () {
				try {
					window.localStorage.removeItem(NAME);
				}
				catch (e) {
					// nothing kept
				}
			}
		};
	})();

	function navigationType() {
		var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation') : [];
		return entries.length ? entries[0].type : 'navigate';
	}

	function filled(form) {
		return Array.prototype.some.call(form.querySelectorAll('input[type="text"], input:not([type]), textarea'),
			function (control) { return control.value.trim() !== ''; });
	}

	// The form's clientKey on loading: the draft's when it is the same draft, a new one for a new report.
	function keyTheDraft() {
		var form = newReportForm();
		if (!form) {
			return;
		}
		var key = form.querySelector('input[name="clientKey"]');
		var kept = draft.read();
		if (key.getAttribute('data-renew') !== 'true') {
			draft.save(form, false); // the server showed it again with errors: its key is the draft's
		}
		else if (kept && !kept.submitted) {
			key.value = kept.key;
			Object.keys(kept.fields).forEach(function (name) {
				var control = form.elements.namedItem(name);
				if (control && !control.value && kept.fields[name]) {
					control.value = kept.fields[name];
				}
			});
			if (filled(form)) {
				show([], text('draft-kept'));
			}
		}
		else if (kept && kept.submitted && navigationType() === 'back_forward') {
			key.value = kept.key; // Back after sending: sending again answers with the same report
			Object.keys(kept.fields).forEach(function (name) {
				var control = form.elements.namedItem(name);
				if (control && !control.value) {
					control.value = kept.fields[name];
				}
			});
		}
		else {
			draft.forget();
			key.value = uuid();
		}
		// typing is kept as it goes, but never after the form was sent: that would make the sent draft look unsent
		var timer = null;
		function keep() {
			if (form.getAttribute('data-sending') !== 'true') {
				draft.save(form, false);
			}
		}
		form.addEventListener('input', function () {
			window.clearTimeout(timer);
			timer = window.setTimeout(keep, 300);
		});
		form.addEventListener('change', keep);
		form.addEventListener('submit', function () { window.clearTimeout(timer); });
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
				if (response.ok && path === FORM_PATH) {
					return response.text().then(function (html) {
						return { refusal: refusal(html) };
					}, function () {
						return { refusal: null };
					});
				}
				return 'retry';
			}, function () {
				return 'network';
			});
	}

	// Why the server refused a report: the messages at its fields in the form it answered with.
	function refusal(html) {
		var page = new DOMParser().parseFromString(html, 'text/html');
		var found = [];
		Array.prototype.forEach.call(page.querySelectorAll('#report-form .invalid-feedback, #photo-error, main .alert-danger'),
			function (element) {
				var words = element.textContent.replace(/\s+/g, ' ').trim();
				if (words && found.indexOf(words) < 0 && element.id !== 'form-errors') {
					found.push(words);
				}
			});
		if (!found.length) {
			var general = page.getElementById('form-errors');
			return general ? general.textContent.trim() : null;
		}
		return found.join('; ');
	}

	// What each report not sent in this round waits for, and when it was tried.
	function note(items, outcome) {
		var now = Date.now();
		return Promise.all(items.map(function (item) {
			item.triedAt = now;
			item.waitingFor = outcome;
			return outbox.update(item);
		}));
	}

	function sendAll() {
		var sent = 0;
		return outbox.all().then(function (items) {
			var waiting = mine(items).filter(function (item) { return !item.rejected; });
			if (!waiting.length) {
				return null;
			}
			var left = waiting.slice();
			return freshToken().then(function (csrf) {
				return waiting.reduce(function (previous, item) {
					return previous.then(function () {
						return send(item, csrf).then(function (result) {
							if (result === 'saved') {
								sent++;
								left.splice(left.indexOf(item), 1);
								return outbox.remove(item.id);
							}
							if (typeof result === 'object') {
								left.splice(left.indexOf(item), 1);
								item.rejected = true;
								item.waitingFor = 'rejected';
								item.refusal = result.refusal;
								item.triedAt = Date.now();
								return outbox.update(item);
							}
							throw result;
						});
					});
				}, Promise.resolve());
			}).then(function () {
				return 'done';
			}, function (problem) {
				var outcome = problem === 'login' || problem === 'network' ? problem : 'retry';
				return note(left, outcome).then(function () {
					return outcome;
				}, function () {
					return outcome;
				});
			});
		}).then(function (outcome) {
			if (outcome === null) {
				return null; // nothing changed: what is shown stays
			}
			if (outcome === 'network' && sent === 0) {
				return refresh(shown.notice, shown.tone); // the same notice, the time of this try
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

	keyTheDraft();
	if (user) {
		outbox.rememberUser(user);
	}
	var kept = new URLSearchParams(window.location.search).get('queue');
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
