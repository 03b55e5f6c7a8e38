// Pantau's service worker: the village report form keeps working without a connection.
//
// - The app shell (Bootstrap, htmx, Pantau's scripts and styles, icons, the offline page) is kept at install and
//   served from the cache, refreshed in the background.
// - Pages are always asked of the network first. Only one page is ever kept: the empty new-report form, each time it
//   loads. Without a connection the form is shown from that copy, and any other page as the offline page. No page with
//   personal data is kept; the form's copy is dropped when someone logs in or out.
// - A new report sent while the network fails on the way (or refused because the session ended) is kept in the
//   outbox (js/outbox-store.js) and sent again by the pages (js/outbox.js) once they are online and logged in.
//
// Change VERSION when this list or the caching changes: the old caches are deleted when the new worker takes over.
'use strict';

importScripts('/js/outbox-store.js');

var VERSION = 'v2';
var SHELL = 'pantau-shell-' + VERSION;
var PAGES = 'pantau-pages-' + VERSION;
var FORM = '/laporan/baru';
var OFFLINE = '/offline.html';
var SHELL_FILES = [
	'/webjars/bootstrap/css/bootstrap.min.css',
	'/webjars/bootstrap/js/bootstrap.bundle.min.js',
	'/webjars/htmx.org/dist/htmx.min.js',
	'/css/pantau.css',
	'/js/pantau.js',
	'/js/outbox-store.js',
	'/js/outbox.js',
	'/js/photo.js',
	'/img/pantau.svg',
	'/img/pantau-192.png',
	'/img/pantau-512.png',
	'/manifest.webmanifest',
	OFFLINE
];

self.addEventListener('install', function (event) {
	event.waitUntil(caches.open(SHELL).then(function (cache) {
		return cache.addAll(SHELL_FILES.map(function (url) {
			return new Request(url, { cache: 'reload' });
		}));
	}).then(function () {
		return self.skipWaiting();
	}));
});

self.addEventListener('activate', function (event) {
	event.waitUntil(caches.keys().then(function (names) {
		return Promise.all(names.filter(function (name) {
			return name.indexOf('pantau-') === 0 && name !== SHELL && name !== PAGES;
		}).map(function (name) {
			return caches.delete(name);
		}));
	}).then(function () {
		// the page's request starts while the worker is still waking up
		return self.registration.navigationPreload ? self.registration.navigationPreload.enable() : undefined;
	}).then(function () {
		return self.clients.claim();
	}));
});

self.addEventListener('fetch', function (event) {
	var request = event.request;
	var url = new URL(request.url);
	if (url.origin !== self.location.origin) {
		return;
	}
	if (request.method === 'POST') {
		if (url.pathname === '/login' || url.pathname === '/logout') {
			event.waitUntil(forgetPages());
		}
		else if (request.mode === 'navigate' && url.pathname === FORM) {
			event.respondWith(submitOrKeep(request));
		}
		return;
	}
	if (request.method !== 'GET') {
		return;
	}
	if (request.mode === 'navigate') {
		event.respondWith(page(event, url));
	}
	else if (shellKey(url)) {
		event.respondWith(shell(event, shellKey(url)));
	}
});

// The pages ask for the form to be kept before the user ever opens it (a link with data-offline-prefetch).
self.addEventListener('message', function (event) {
	if (event.data && event.data.type === 'keep-form') {
		event.waitUntil(caches.open(PAGES).then(function (cache) {
			return cache.match(FORM).then(function (kept) {
				return kept || fetch(FORM, { credentials: 'same-origin' }).then(function (response) {
					return keepForm(cache, response);
				});
			});
		}).catch(function () {
			// offline or logged out: the form is kept the next time it loads
		}));
	}
});

function page(event, url) {
	return Promise.resolve(event.preloadResponse).then(function (preloaded) {
		return preloaded || fetch(event.request);
	}).then(function (response) {
		if (url.pathname === FORM) {
			var copy = response.clone();
			event.waitUntil(caches.open(PAGES).then(function (cache) {
				return keepForm(cache, copy);
			}));
		}
		return response;
	}).catch(function () {
		var kept = url.pathname === FORM ? caches.match(FORM, { cacheName: PAGES }) : Promise.resolve(undefined);
		return kept.then(function (form) {
			return form || caches.match(OFFLINE, { cacheName: SHELL });
		}).then(function (response) {
			return response || Response.error();
		});
	});
}

// Only an empty form answered to a logged-in user is kept: not a redirect to the login page, not an error page.
function keepForm(cache, response) {
	if (response.status === 200 && response.type === 'basic' && !response.redirected
			&& new URL(response.url).pathname === FORM) {
		return cache.put(FORM, response);
	}
	return undefined;
}

function forgetPages() {
	return caches.delete(PAGES);
}

// The pages link WebJars with their version (/webjars/bootstrap/5.3.8/css/...); they are kept without it, as listed,
// so that the list need not change with each version.
function shellKey(url) {
	var path = url.pathname.replace(/^\/webjars\/([^/]+)\/\d[^/]*\//, '/webjars/$1/');
	return url.search === '' && SHELL_FILES.indexOf(path) >= 0 ? path : null;
}

function shell(event, key) {
	return caches.open(SHELL).then(function (cache) {
		return cache.match(key, { ignoreVary: true }).then(function (cached) {
			var fresh = fetch(event.request).then(function (response) {
				if (response.ok) {
					return cache.put(key, response.clone()).then(function () {
						return response;
					});
				}
				return response;
			});
			if (cached) {
				event.waitUntil(fresh.catch(function () {
					// offline: the cached copy stays
				}));
				return cached;
			}
			return fresh;
		});
	});
}

// A new report posted by the form: it goes to the server as it is. When the network fails on the way, or the server
// refuses it because the session or its token expired (403), it is kept in the outbox and the user gets an empty
// form again (or, for an ended session, the login page); a retry with the same clientKey does not make a second one.
function submitOrKeep(request) {
	var copy = request.clone();
	return fetch(request).then(function (response) {
		if (response.status !== 403) {
			return response;
		}
		return keep(copy).then(function () {
			return Response.redirect(FORM + '?antrean=masuk', 303);
		});
	}, function () {
		return keep(copy).then(function () {
			return Response.redirect(FORM + '?antrean=1', 303);
		});
	});
}

function keep(request) {
	return Promise.all([request.formData(), self.PantauOutbox.rememberedUser()]).then(function (found) {
		return self.PantauOutbox.add(self.PantauOutbox.entry(found[0], found[1]));
	});
}
