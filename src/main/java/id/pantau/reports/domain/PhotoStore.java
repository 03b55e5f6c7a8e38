package id.pantau.reports.domain;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import id.pantau.platform.InvalidInput;
import id.pantau.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Photos attached to reports, kept outside the web root under {@code pantau.storage.dir} and named by a random id.
 * A photo is accepted only when its first bytes say JPEG, PNG or WebP, whatever the file's name or declared type, and
 * its structure can be walked; what it says besides the picture (GPS position, time, phone) is removed before it is
 * stored ({@link PhotoMetadata}); a JPEG the camera marked as turned is first turned upright ({@link #upright}). A photo is {@linkplain #prepare checked} before anything is saved, so that a refused
 * photo leaves nothing behind, and {@linkplain #store(Prepared) stored} once the report it belongs to is saved.
 * Photos show persons and their homes: each file is 0600 from its creation and the folders 0700, also those (and the
 * photos in them) an earlier version left readable by every local account, which are closed at start.
 */
@Component
public class PhotoStore {

	public static final long MAX_BYTES = 5 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(PhotoStore.class);

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
			byte[] clean = PhotoMetadata.strip(type.equals("image/jpeg") ? upright(bytes) : bytes, type).orElseThrow(() -> InvalidInput.of("photo", "photo.damaged"));
			return new Prepared(clean, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A JPEG whose Exif says the camera was held otherwise than upright, turned upright: the Exif tag that says so is
	 * removed with the rest of the metadata, so a viewer would show the picture on its side. Phones that use Pantau's
	 * form turn and shrink the photo themselves; this is for photos that arrive as the camera wrote them (the API, a
	 * browser without JavaScript). A picture larger than {@value #UPRIGHT_MAX_SIDE} pixels on its longest side is read at
	 * a fraction of its size (whole-number subsampling), which bounds the memory a photo can ask for. A JPEG ImageIO
	 * cannot read (CMYK, damaged), or whose header claims more pixels than a phone takes, is kept as it came, for the
	 * structural check that follows.
	 */
	static byte[] upright(byte[] jpeg) {
		int orientation = PhotoMetadata.orientation(jpeg);
		if (orientation == 1) {
			return jpeg;
		}
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return jpeg;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > UPRIGHT_MAX_PIXELS) {
					return jpeg; // a header that claims more than any phone takes: not worth decoding at all
				}
				int longest = Math.max(width, height);
				int step = Math.max(1, (longest + UPRIGHT_MAX_SIDE - 1) / UPRIGHT_MAX_SIDE);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage picture = reader.read(0, param);
				return jpeg(turned(picture, orientation));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return jpeg;
		}
	}

	static final int UPRIGHT_MAX_SIDE = 3200;

	/** More pixels than a 108-megapixel phone camera makes: such a picture is kept as it came, not decoded. */
	static final long UPRIGHT_MAX_PIXELS = 120_000_000L;

	/** The picture as Exif orientation {@code orientation} (2 to 8) says it is to be seen. */
	private static BufferedImage turned(BufferedImage picture, int orientation) {
		int w = picture.getWidth();
		int h = picture.getHeight();
		boolean sideways = orientation >= 5;
		AffineTransform transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		BufferedImage upright = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_3BYTE_BGR);
		Graphics2D graphics = upright.createGraphics();
		try {
			graphics.drawImage(picture, transform, null);
		}
		finally {
			graphics.dispose();
		}
		return upright;
	}

	private static byte[] jpeg(BufferedImage picture) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(picture, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
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


	/**
	 * Deletes the photo's file, if it is there; a file that cannot be deleted is logged, not thrown, so that the
	 * erasure that asked for it (already committed) is not undone.
	 */
	public void delete(UUID id) {
		try {
			Files.deleteIfExists(folder.resolve(id.toString()));
		}
		catch (IOException e) {
			log.warn("Foto laporan {} tidak dapat dihapus: {}", id, e.getMessage());
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
