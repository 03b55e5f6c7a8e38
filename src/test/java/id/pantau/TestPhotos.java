package id.pantau;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Small real photos for tests, with what a phone writes into them besides the picture. */
public final class TestPhotos {

	/** What a phone's Exif block says about where the officer stood (Tual, Kei Kecil). */
	public static final String GPS = "GPSLatitude S 5 37 52.3 GPSLongitude E 132 44 6.1";

	private TestPhotos() {
	}

	/** A 24 x 16 PNG without text. */
	public static byte[] png() {
		return encode("png");
	}

	/** A 24 x 16 JPEG. */
	public static byte[] jpeg() {
		return encode("jpg");
	}

	/** The JPEG with an Exif segment (APP1) holding {@link #GPS} and a comment, as a phone's camera writes them. */
	public static byte[] jpegWithExif() {
		byte[] plain = jpeg();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		segment(out, 0xE1, ("Exif\0\0MM\0*" + GPS).getBytes(StandardCharsets.ISO_8859_1));
		segment(out, 0xFE, ("phone serial 358240051111110 " + GPS).getBytes(StandardCharsets.ISO_8859_1));
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** The PNG with a text chunk holding {@link #GPS}, before its picture data. */
	public static byte[] pngWithText() {
		byte[] plain = png();
		int afterHeader = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, afterHeader);
		byte[] text = ("Comment\0" + GPS).getBytes(StandardCharsets.ISO_8859_1);
		byte[] chunk = new byte[4 + text.length];
		System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 0, 4);
		System.arraycopy(text, 0, chunk, 4, text.length);
		CRC32 crc = new CRC32();
		crc.update(chunk);
		writeInt(out, text.length);
		out.write(chunk, 0, chunk.length);
		writeInt(out, (int) crc.getValue());
		out.write(plain, afterHeader, plain.length - afterHeader);
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		out.write(0xFF);
		out.write(marker);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.write(payload, 0, payload.length);
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write((value >>> 16) & 0xFF);
		out.write((value >>> 8) & 0xFF);
		out.write(value & 0xFF);
	}

	private static byte[] encode(String format) {
		BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(20, 90, 160));
		graphics.fillRect(0, 0, 24, 16);
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(4, 4, 10, 6);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
