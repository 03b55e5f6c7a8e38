// Pantau's service worker: the village report form keeps working without a connection.
//
// - Static files under an address with the hash of their content (/css/pantau-<hash>.css, as the pages link them)
//   never change: they are served from the cache first, kept the first time they load (and those of the page that
//   registered the worker, which pantau.js names), and an older hash of the same file is dropped when a new one is
//   kept. A second visit costs one small request, the page itself.
// - The app shell under plain addresses (Bootstrap, htmx, Pantau's scripts and styles, icons, the offline page), which
//   the offline page uses, is served from the cache: the offline page and the manifest are kept at install, the rest
//   is the copy kept under its hashed address (or kept the first time it loads), refreshed in the background.
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
var STATIC = 'pantau-static-' + VERSION;
var FORM = '/laporan/baru';
var OFFLINE = '/offline.html';
// The shell under plain addresses. Only the last three are fetched at install: the others are the files the pages
// load under their hashed addresses, which the worker keeps as they load (STATIC) and gives for the plain address
// too, so a phone on a slow link does not download Bootstrap and htmx twice on its first visit.
var SHELL_FILES = [
	'/webjars/bootstrap/css/bootstrap.min.css',
	'/webjars/bootstrap/js/bootstrap.bundle.min.js',
	'/webjars/htmx.org/dist/htmx.min.js',
	'/css/pantau.css',
	'/js/pantau.js',
	'/js/outbox-store.js',
	'/js/outbox.js',
	'/js/photo.js',
	'/img/pantau-192.png',
	'/img/pantau-512.png',
	'/img/pantau.svg',
	'/manifest.webmanifest',
	OFFLINE
];
var INSTALL_FILES = SHELL_FILES.slice(-3);

self.addEventListener('install', function (event) {
	event.waitUntil(caches.open(SHELL).then(function (cache) {
		return cache.addAll(INSTALL_FILES.map(function (url) {
			return new Request(url, { cache: 'reload' });
		}));
	}).then(function () {
		return self.skipWaiting();
	}));
});

self.addEventListener('activate', function (event) {
	event.waitUntil(caches.keys().then(function (names) {
		return Promise.all(names.filter(function (name) {
			return name.indexOf('pantau-') === 0 && name !== SHELL && name !== PAGES && name !== STATIC;
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
	else if (hashed(url)) {
		event.respondWith(immutable(request, url));
	}
	else if (shellKey(url)) {
		event.respondWith(shell(event, shellKey(url)));
	}
});

// The pages ask for the form to be kept before the user ever opens it (a link with data-offline-prefetch), and name
// the hashed files they loaded before the worker controlled them.
self.addEventListener('message', function (event) {
	if (event.data && event.data.type === 'keep-static' && Array.isArray(event.data.urls)) {
		event.waitUntil(caches.open(STATIC).then(function (cache) {
			return Promise.all(event.data.urls.map(function (address) {
				var url = new URL(address, self.location.origin);
				if (url.origin !== self.location.origin || !hashed(url)) {
					return undefined;
				}
				return cache.match(url.pathname).then(function (kept) {
					return kept || fetch(url.pathname).then(function (response) {
						return keepStatic(cache, url, response);
					});
				}).catch(function () {
					// offline: it is kept the next time it loads
				});
			}));
		}));
	}
	else if (event.data && event.data.type === 'keep-form') {
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

// A static file under the hash of its content: /css/pantau-<32 hex>.css, /webjars/bootstrap/5.3.8/css/bootstrap.min-<..>.css
var CONTENT_HASH = /-[0-9a-f]{32}(\.[A-Za-z0-9]+)$/;

function hashed(url) {
	return url.search === '' && CONTENT_HASH.test(url.pathname)
			&& /^\/(css|js|img|webjars)\//.test(url.pathname);
}

// Cache first: the address changes when the content does. Without a connection, a file never kept under this hash
// is taken from the shell's copy under its plain address, or the copy of another version of it.
function immutable(request, url) {
	return caches.open(STATIC).then(function (cache) {
		return cache.match(url.pathname).then(function (kept) {
			return kept || fetch(request).then(function (response) {
				return keepStatic(cache, url, response.clone()).then(function () {
					return response;
				});
			}, function (error) {
				var key = shellKey(new URL(url.pathname.replace(CONTENT_HASH, '$1'), url.origin));
				return (key ? shellCopy(key) : Promise.resolve(undefined)).then(function (copy) {
					if (copy) {
						return copy;
					}
					throw error;
				});
			});
		});
	});
}

// The shell's copy of a file under its plain address, else the copy kept under its hashed address.
function shellCopy(key) {
	return caches.match(key, { cacheName: SHELL, ignoreVary: true }).then(function (cached) {
		return cached || hashedCopy(key);
	});
}

function hashedCopy(key) {
	return caches.open(STATIC).then(function (cache) {
		return cache.keys().then(function (requests) {
			var found = requests.filter(function (kept) {
				return plainKey(new URL(kept.url).pathname) === key;
			})[0];
			return found ? cache.match(found) : undefined;
		});
	});
}

// Keeps a hashed file and drops the other hashes of the same file (older versions of the app).
function keepStatic(cache, url, response) {
	if (!response.ok || response.type !== 'basic') {
		return Promise.resolve();
	}
	var plain = url.pathname.replace(CONTENT_HASH, '$1');
	return cache.keys().then(function (requests) {
		return Promise.all(requests.filter(function (kept) {
			var path = new URL(kept.url).pathname;
			return path !== url.pathname && path.replace(CONTENT_HASH, '$1') === plain;
		}).map(function (old) {
			return cache.delete(old);
		}));
	}).then(function () {
		return cache.put(url.pathname, response);
	});
}

// The pages link WebJars with their version (/webjars/bootstrap/5.3.8/css/...); they are kept without it, as listed,
// so that the list need not change with each version.
function plainKey(path) {
	return path.replace(CONTENT_HASH, '$1').replace(/^\/webjars\/([^/]+)\/\d[^/]*\//, '/webjars/$1/');
}

function shellKey(url) {
	var path = plainKey(url.pathname);
	return url.search === '' && SHELL_FILES.indexOf(path) >= 0 ? path : null;
}

// A plain address: the shell's own copy, refreshed in the background; else the copy kept under the hashed address
// (replaced when the pages load a new one); else the network, kept for next time.
function shell(event, key) {
	return caches.open(SHELL).then(function (cache) {
		var fresh = function () {
			return fetch(event.request).then(function (response) {
				if (response.ok) {
					return cache.put(key, response.clone()).then(function () {
						return response;
					});
				}
				return response;
			});
		};
		return cache.match(key, { ignoreVary: true }).then(function (cached) {
			if (cached) {
				event.waitUntil(fresh().catch(function () {
					// offline: the cached copy stays
				}));
				return cached;
			}
			return hashedCopy(key).then(function (copy) {
				return copy || fresh();
			});
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
			return Response.redirect(FORM + '?queue=masuk', 303);
		});
	}, function () {
		return keep(copy).then(function () {
			return Response.redirect(FORM + '?queue=1', 303);
		});
	});
}

function keep(request) {
	return Promise.all([request.formData(), self.PantauOutbox.rememberedUser()]).then(function (found) {
		return self.PantauOutbox.add(self.PantauOutbox.entry(found[0], found[1]));
	});
}
