// The outbox of reports written without a connection: an IndexedDB database on this device, shared by the pages
// (outbox.js) and the service worker (sw.js), which both keep submissions in it. Each entry belongs to the user who
// wrote it and is sent only in that user's session.
(function (global) {
	'use strict';

	var DATABASE = 'pantau-outbox';
	var REPORTS = 'reports';
	var META = 'meta';

	function open() {
		return new Promise(function (resolve, reject) {
			var request = global.indexedDB.open(DATABASE, 1);
			request.onupgradeneeded = function () {
				var db = request.result;
				db.createObjectStore(REPORTS, { keyPath: 'id', autoIncrement: true });
				db.createObjectStore(META);
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
			rejected: false,
			fields: fields
		};
	}

	global.PantauOutbox = {
		entry: entry,
		add: function (item) {
			return run(REPORTS, 'readwrite', function (store) { return store.add(item); });
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
