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

	/**
	 * A 40 x 20 JPEG, red on its left half and blue on its right, with an Exif segment whose orientation tag says how
	 * to turn it (6: a quarter turn clockwise, a phone held upright; 3: half a turn), in big- or little-endian TIFF
	 * order as cameras write either.
	 */
	public static byte[] jpegWithOrientation(int orientation, boolean littleEndian) {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, 20, 20);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(20, 0, 20, 20);
		graphics.dispose();
		return withOrientation(write(image, 0.95f), orientation, littleEndian);
	}

	/**
	 * What a cheap phone's camera makes: 4000 x 3000 pixels of fine detail (noise, which compresses badly) at high
	 * quality, at least 10 MB, stored on its side with Exif orientation 6 and a GPS position. Upright, it is 3000 wide
	 * and 4000 high.
	 */
	public static byte[] largePhonePhoto() {
		BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(17);
		int[] row = new int[4000];
		for (int y = 0; y < 3000; y++) {
			for (int x = 0; x < 4000; x++) {
				int base = x < 2000 ? 0xB04030 : 0x3060B0; // a left and a right half, to see which way it turned
				row[x] = base ^ (random.nextInt() & 0x3F3F3F);
			}
			image.setRGB(0, y, 4000, 1, row, 0, 4000);
		}
		return withOrientation(write(image, 0.99f), 6, false);
	}

	/** The JPEG with an Exif APP1 segment holding an orientation tag and a GPS text, right after its start. */
	public static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
		java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 2 + 12 + 4)
				.order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
		tiff.put((byte) (littleEndian ? 'I' : 'M')).put((byte) (littleEndian ? 'I' : 'M')).putShort((short) 42).putInt(8);
		tiff.putShort((short) 1); // one entry
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0); // no next directory
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		payload.writeBytes(tiff.array());
		payload.writeBytes(GPS.getBytes(StandardCharsets.ISO_8859_1));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		segment(out, 0xE1, payload.toByteArray());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] write(BufferedImage image, float quality) {
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
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
