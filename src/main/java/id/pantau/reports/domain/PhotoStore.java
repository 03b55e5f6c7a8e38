package id.pantau.reports.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.PrivateFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Photos attached to reports, kept outside the web root under {@code pantau.storage.dir} and named by a random id.
 * A photo is accepted only when its first bytes say JPEG, PNG or WebP, whatever the file's name or declared type, and
 * its structure can be walked; what it says besides the picture (GPS position, time, phone) is removed before it is
 * stored ({@link PhotoMetadata}). A photo is {@linkplain #prepare checked} before anything is saved, so that a refused
 * photo leaves nothing behind, and {@linkplain #store(Prepared) stored} once the report it belongs to is saved.
 * Photos show persons and their homes: each file is 0600 from its creation and the folders 0700, also those (and the
 * photos in them) an earlier version left readable by every local account, which are closed at start.
 */
@Component
public class PhotoStore {

	public static final long MAX_BYTES = 5 * 1024 * 1024;

	private final Path folder;

	PhotoStore(@Value("${pantau.storage.dir:./data/files}") Path storage) {
		this.folder = storage.resolve("photos");
		try {
			PrivateFiles.folder(storage);
			PrivateFiles.folder(folder);
			PrivateFiles.restrictFiles(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Folder foto " + folder.toAbsolutePath() + " tidak dapat disiapkan", e);
		}
	}

	public record Stored(UUID id, String type) {
	}

	/** A photo that passed the checks, without its metadata, not yet stored. */
	public record Prepared(byte[] bytes, String type) {
	}

	/** @throws InvalidInput on the field {@code photo} when the file is too large or not a photo Pantau keeps */
	public Prepared prepare(InputStream content, long declaredSize) {
		if (declaredSize > MAX_BYTES) {
			throw InvalidInput.of("photo", "photo.tooLarge", MAX_BYTES / (1024 * 1024));
		}
		try {
			byte[] bytes = content.readNBytes((int) MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw InvalidInput.of("photo", "photo.tooLarge", MAX_BYTES / (1024 * 1024));
			}
			String type = typeOf(bytes).orElseThrow(() -> InvalidInput.of("photo", "photo.type"));
			byte[] clean = PhotoMetadata.strip(bytes, type).orElseThrow(() -> InvalidInput.of("photo", "photo.damaged"));
			return new Prepared(clean, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Stored store(Prepared photo) {
		try {
			UUID id = UUID.randomUUID();
			PrivateFiles.folder(folder);
			PrivateFiles.write(folder.resolve(id.toString()), photo.bytes());
			return new Stored(id, photo.type());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}


	public byte[] read(UUID id) {
		try {
			return Files.readAllBytes(folder.resolve(id.toString()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Optional<String> typeOf(byte[] bytes) {
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F')
				&& Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), "WEBP".getBytes())) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
