// The outbox of reports written without a connection: an IndexedDB database on this device, shared by the pages
// (outbox.js) and the service worker (sw.js), which both keep submissions in it. Each entry belongs to the user who
// wrote it and is sent only in that user's session.
(function (global) {
	'use strict';

	var DATABASE = 'pantau-outbox';
	var REPORTS = 'reports';
	var META = 'meta';

	// Version 2 indexes the entries by their clientKey: one entry per report, however often it was stored (an offline
	// double tap, the service worker and the page both keeping it); duplicates a version 1 outbox holds are dropped.
	function open() {
		return new Promise(function (resolve, reject) {
			var request = global.indexedDB.open(DATABASE, 2);
			request.onupgradeneeded = function (event) {
				var db = request.result;
				var reports;
				if (event.oldVersion < 1) {
					reports = db.createObjectStore(REPORTS, { keyPath: 'id', autoIncrement: true });
					db.createObjectStore(META);
				}
				else {
					reports = request.transaction.objectStore(REPORTS);
				}
				if (event.oldVersion < 2) {
					reports.createIndex('clientKey', 'clientKey', { unique: false });
					var seen = {};
					reports.openCursor().onsuccess = function (found) {
						var cursor = found.target.result;
						if (!cursor) {
							return;
						}
						var key = cursor.value.clientKey;
						if (key && seen[key]) {
							cursor.delete();
						}
						seen[key] = true;
						cursor.continue();
					};
				}
			};
			request.onsuccess = function () {
				resolve(request.result);
			};
			request.onerror = function () {
				reject(request.error);
			};
		});
	}

	// One request in its own transaction; resolves with the request's result once the transaction is committed.
	function run(storeName, mode, operation) {
		return open().then(function (db) {
			return new Promise(function (resolve, reject) {
				var transaction = db.transaction(storeName, mode);
				var request = operation(transaction.objectStore(storeName));
				transaction.oncomplete = function () {
					db.close();
					resolve(request.result);
				};
				transaction.onerror = transaction.onabort = function () {
					db.close();
					reject(transaction.error);
				};
			});
		});
	}

	// What is kept of a submitted form: every field except the CSRF token (a fresh one is used when sending), the
	// pressed button's value, and the photo as a Blob when one was chosen.
	function entry(formData, user) {
		var fields = [];
		formData.forEach(function (value, name) {
			if (name === '_csrf' || (typeof value !== 'string' && value.size === 0)) {
				return;
			}
			fields.push([name, value]);
		});
		function field(name) {
			var found = fields.filter(function (f) { return f[0] === name; })[0];
			return found && typeof found[1] === 'string' ? found[1] : '';
		}
		return {
			user: user || null,
			clientKey: field('clientKey'),
			names: field('namesAsHeard'),
			savedAt: Date.now(),
			// when it was last tried to send, and what it waits for: network, login, retry (a server error) or
			// rejected (the server refused it, refusal says why; it is not sent again until restored into the form)
			triedAt: null,
			waitingFor: 'network',
			refusal: null,
			rejected: false,
			fields: fields
		};
	}

	global.PantauOutbox = {
		entry: entry,
		// Keeps the entry, in place of the one with the same clientKey if there is one.
		add: function (item) {
			if (!item.clientKey) {
				return run(REPORTS, 'readwrite', function (store) { return store.add(item); });
			}
			return run(REPORTS, 'readwrite', function (store) {
				var result = { result: undefined };
				store.index('clientKey').getAllKeys(item.clientKey).onsuccess = function (found) {
					var ids = found.target.result;
					if (ids.length) {
						item.id = ids[0];
						ids.slice(1).forEach(function (id) { store.delete(id); });
					}
					else {
						delete item.id;
					}
					store.put(item).onsuccess = function (put) {
						result.result = put.target.result;
					};
				};
				return result;
			});
		},
		update: function (item) {
			return run(REPORTS, 'readwrite', function (store) { return store.put(item); });
		},
		remove: function (id) {
			return run(REPORTS, 'readwrite', function (store) { return store.delete(id); });
		},
		all: function () {
			return run(REPORTS, 'readonly', function (store) { return store.getAll(); });
		},
		// The user of the last page loaded, for the service worker, which has no session of its own to ask.
		rememberUser: function (user) {
			return run(META, 'readwrite', function (store) { return store.put(user, 'user'); });
		},
		rememberedUser: function () {
			return run(META, 'readonly', function (store) { return store.get('user'); });
		}
	};
})(self);
