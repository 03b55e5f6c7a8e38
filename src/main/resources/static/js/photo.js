// The photo of a village report, chosen from the camera or the gallery, shrunk on the phone before it is sent or kept
// in the outbox: a cheap phone's photo is 5 to 12 MB, which a slow link takes minutes to upload and the server
// refuses anyway above 5 MB.
//
// - Two buttons: "Ambil foto" (a file input with capture, which opens the camera on Android) and "Pilih dari galeri"
//   (the form's own input named "photo", without capture, so a photo received on WhatsApp can be chosen).
// - The chosen picture is decoded (createImageBitmap, else an <img>), turned upright by its Exif orientation, scaled
//   to at most 1,600 px on its longest side and encoded again as JPEG through a canvas (which writes no Exif: the GPS
//   position goes too). The result replaces the chosen file in the input named "photo" (DataTransfer), so the form's
//   post and the outbox (js/outbox.js, which reads the form) both carry the small photo.
// - A picture the browser cannot decode (HEIC on most Android browsers) is not attached: the field says so, and the
//   rest of the report stays as typed.
// Without JavaScript, or where a file input cannot be given a file (no DataTransfer), the plain input stays: the
// server keeps its own limits, turns a JPEG upright and removes its metadata.
(function () {
	'use strict';

	var LONGEST = 1600;
	var TARGET_BYTES = 500 * 1024;
	var QUALITIES = [0.8, 0.65, 0.5];

	var field = document.getElementById('photo-field');
	var input = document.getElementById('photo');
	var camera = document.getElementById('photo-camera');
	if (!field || !input || !camera || !canReplaceFiles() || !window.HTMLCanvasElement
			|| !HTMLCanvasElement.prototype.toBlob) {
		return;
	}
	var form = input.form;
	var preview = document.getElementById('photo-preview');
	var thumb = document.getElementById('photo-thumb');
	var info = document.getElementById('photo-info');
	var error = document.getElementById('photo-error');
	var remove = document.getElementById('photo-remove');
	var working = 0;

	function canReplaceFiles() {
		try {
			return typeof DataTransfer === 'function' && !!new DataTransfer().items;
		}
		catch (e) {
			return false;
		}
	}

	function text(name) {
		return field.getAttribute('data-' + name) || '';
	}

	field.classList.add('photo-picker');

	// --- what the browser does by itself with the Exif orientation ---------------------------------------------------

	// A 2 x 1 JPEG whose Exif says "turn a quarter clockwise": a browser that applies the orientation decodes it 1 x 2.
	var TURNED = '/9j/4QAiRXhpZgAATU0AKgAAAAgAAQESAAMAAAABAAYAAAAAAAD/4AAQSkZJRgABAgAAAQABAAD/2wBDABsSFBcUERsXFhceHBsgKEMrKCUlKFI6PjBDYVVmZF9VXVxreJmCa3GRc1xdhbaHkZ6jrK2sZ4C8yrunyJmorKX/2wBDARweHigjKE4rK06lbl1upaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaWlpaX/wAARCAABAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDDk/1jfU0UUV9DT+BehE/iZ//Z';
	var browserTurns = null;

	function turnsByItself() {
		if (!browserTurns) {
			var binary = window.atob(TURNED);
			var bytes = new Uint8Array(binary.length);
			for (var i = 0; i < binary.length; i++) {
				bytes[i] = binary.charCodeAt(i);
			}
			browserTurns = decode(new Blob([bytes], { type: 'image/jpeg' })).then(function (picture) {
				var turned = picture.width === 1 && picture.height === 2;
				release(picture);
				return turned;
			}, function () {
				return false;
			});
		}
		return browserTurns;
	}

	// The Exif orientation (1 to 8) of a JPEG, from its first 128 KB; 1 when there is none.
	function orientationOf(file) {
		return file.slice(0, 131072).arrayBuffer().then(function (buffer) {
			var view = new DataView(buffer);
			if (view.byteLength < 4 || view.getUint16(0) !== 0xFFD8) {
				return 1;
			}
			var at = 2;
			while (at + 4 <= view.byteLength && view.getUint8(at) === 0xFF) {
				var marker = view.getUint8(at + 1);
				var length = view.getUint16(at + 2);
				if (marker === 0xDA || length < 2) {
					return 1;
				}
				if (marker === 0xE1 && at + 18 <= view.byteLength && view.getUint32(at + 4) === 0x45786966) {
					return exifOrientation(view, at + 10, Math.min(view.byteLength, at + 2 + length));
				}
				at += 2 + length;
			}
			return 1;
		}).catch(function () {
			return 1;
		});
	}

	function exifOrientation(view, tiff, end) {
		var little = view.getUint16(tiff) === 0x4949;
		var directory = tiff + view.getUint32(tiff + 4, little);
		if (directory + 2 > end) {
			return 1;
		}
		var entries = view.getUint16(directory, little);
		for (var i = 0; i < entries; i++) {
			var entry = directory + 2 + 12 * i;
			if (entry + 12 > end) {
				return 1;
			}
			if (view.getUint16(entry, little) === 0x0112) {
				var value = view.getUint16(entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	// --- decoding, turning, shrinking ------------------------------------------------------------------------------

	function decode(file) {
		if (typeof window.createImageBitmap === 'function') {
			return window.createImageBitmap(file, { imageOrientation: 'from-image' }).catch(function () {
				return decodeInImage(file);
			});
		}
		return decodeInImage(file);
	}

	// An <img> from a data: URL (the page's content security policy allows data: images, not blob:).
	function decodeInImage(file) {
		return new Promise(function (resolve, reject) {
			var reader = new FileReader();
			reader.onload = function () {
				var image = new Image();
				image.onload = function () {
					resolve(image);
				};
				image.onerror = reject;
				image.src = reader.result;
			};
			reader.onerror = reject;
			reader.readAsDataURL(file);
		});
	}

	function release(picture) {
		if (picture && typeof picture.close === 'function') {
			picture.close();
		}
	}

	function sizeOf(picture) {
		return { width: picture.naturalWidth || picture.width, height: picture.naturalHeight || picture.height };
	}

	// Draws the picture turned by orientation (when the browser has not done so) into a canvas of at most longest px.
	function draw(picture, orientation, longest) {
		var size = sizeOf(picture);
		var scale = Math.min(1, longest / Math.max(size.width, size.height));
		var width = Math.max(1, Math.round(size.width * scale));
		var height = Math.max(1, Math.round(size.height * scale));
		var sideways = orientation >= 5;
		var canvas = document.createElement('canvas');
		canvas.width = sideways ? height : width;
		canvas.height = sideways ? width : height;
		var context = canvas.getContext('2d');
		context.imageSmoothingEnabled = true;
		context.imageSmoothingQuality = 'high';
		context.fillStyle = '#fff'; // a transparent PNG becomes white, not black, in a JPEG
		context.fillRect(0, 0, canvas.width, canvas.height);
		switch (orientation) {
			case 2: context.transform(-1, 0, 0, 1, width, 0); break;
			case 3: context.transform(-1, 0, 0, -1, width, height); break;
			case 4: context.transform(1, 0, 0, -1, 0, height); break;
			case 5: context.transform(0, 1, 1, 0, 0, 0); break;
			case 6: context.transform(0, 1, -1, 0, height, 0); break;
			case 7: context.transform(0, -1, -1, 0, height, width); break;
			case 8: context.transform(0, -1, 1, 0, 0, width); break;
			default: break;
		}
		context.drawImage(picture, 0, 0, width, height);
		return canvas;
	}

	function encode(canvas, quality) {
		return new Promise(function (resolve, reject) {
			canvas.toBlob(function (blob) {
				if (blob) {
					resolve(blob);
				}
				else {
					reject(new Error('encode'));
				}
			}, 'image/jpeg', quality);
		});
	}

	// The smallest effort that gets under TARGET_BYTES: lower quality first, then fewer pixels.
	function compress(picture, orientation, longest) {
		var canvas = draw(picture, orientation, longest);
		var attempt = 0;
		function next() {
			return encode(canvas, QUALITIES[attempt]).then(function (blob) {
				if (blob.size <= TARGET_BYTES || longest <= 400) {
					return { blob: blob, canvas: canvas };
				}
				attempt++;
				if (attempt < QUALITIES.length) {
					return next();
				}
				return compress(picture, orientation, Math.round(longest * 0.75));
			});
		}
		return next();
	}

	function shrink(file) {
		return Promise.all([decode(file), turnsByItself(), orientationOf(file)]).then(function (found) {
			var picture = found[0];
			var orientation = found[1] ? 1 : found[2];
			return compress(picture, orientation, LONGEST).then(function (result) {
				release(picture);
				var name = (file.name || 'foto').replace(/\.[^.]*$/, '') + '.jpg';
				result.file = new File([result.blob], name, { type: 'image/jpeg', lastModified: Date.now() });
				return result;
			}, function (problem) {
				release(picture);
				throw problem;
			});
		});
	}

	// --- the field ---------------------------------------------------------------------------------------------------

	function buttons(enabled) {
		if (!form) {
			return;
		}
		Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'), function (button) {
			button.disabled = !enabled;
		});
	}

	function showError(message) {
		error.textContent = message || '';
		error.classList.toggle('d-none', !message);
	}

	function showPreview(result) {
		if (!result) {
			preview.classList.add('d-none');
			info.textContent = '';
			return;
		}
		var canvas = result.canvas;
		var scale = Math.min(1, 160 / Math.max(canvas.width, canvas.height));
		thumb.width = Math.max(1, Math.round(canvas.width * scale));
		thumb.height = Math.max(1, Math.round(canvas.height * scale));
		thumb.getContext('2d').drawImage(canvas, 0, 0, thumb.width, thumb.height);
		info.textContent = text('ready').replace('{0}', canvas.width + ' \u00d7 ' + canvas.height)
			.replace('{1}', Math.max(1, Math.round(result.file.size / 1024)) + ' KB');
		preview.classList.remove('d-none');
	}

	function set(file) {
		var transfer = new DataTransfer();
		if (file) {
			transfer.items.add(file);
		}
		input.files = transfer.files;
	}

	function clear() {
		set(null);
		camera.value = '';
		showPreview(null);
	}

	function chosen(source) {
		var file = source.files && source.files[0];
		if (!file) {
			return; // the picker was closed without a choice: what was attached stays
		}
		working++;
		buttons(false);
		showError(null);
		info.textContent = text('shrinking');
		preview.classList.remove('d-none');
		shrink(file).then(function (result) {
			set(result.file);
			camera.value = '';
			showPreview(result);
			field.setAttribute('data-photo-bytes', String(result.file.size));
		}, function () {
			clear();
			showError(text('undecodable'));
		}).then(function () {
			working--;
			if (!working) {
				buttons(true);
			}
			field.dispatchEvent(new CustomEvent('pantau:photo', { bubbles: true }));
		});
	}

	camera.addEventListener('change', function () { chosen(camera); });
	input.addEventListener('change', function () { chosen(input); });
	remove.addEventListener('click', function () {
		clear();
		showError(null);
		field.removeAttribute('data-photo-bytes');
	});
	// the server's reason for a refused photo stays until another photo is chosen
	showError(error.textContent.trim());
})();
