package id.pantau.reports.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Removes what a photo says besides its picture: an officer's phone writes the place (GPS), the time, the phone's make
 * and serial number and sometimes a thumbnail of the uncropped picture into the file. Only what a viewer needs to
 * draw the picture is kept, by walking the file's own structure without decoding it (no quality lost, no decoder's
 * attack surface):
 * <ul>
 * <li>JPEG: every APPn segment but JFIF (APP0), the colour profile (APP2 {@code ICC_PROFILE}) and Adobe's colour
 * transform (APP14) is dropped, with comments (COM); Exif (APP1, with its GPS and thumbnail), XMP, IPTC (APP13) and
 * makers' segments go.</li>
 * <li>PNG: only the chunks that define the picture are kept (IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM, sRGB, iCCP,
 * sBIT, pHYs, bKGD); text (tEXt, zTXt, iTXt), eXIf, tIME and unknown chunks go.</li>
 * <li>WebP: the EXIF and XMP chunks go and the extended header no longer announces them.</li>
 * </ul>
 * What follows the end of the picture is dropped too. Exif also says how the camera was held ({@link #orientation}):
 * {@link PhotoStore} turns such a JPEG upright before this removes the tag. A file whose structure cannot be walked to its end is not a
 * photo Pantau keeps: empty is returned.
 */
final class PhotoMetadata {

	private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
			"iCCP", "sBIT", "pHYs", "bKGD");
	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private PhotoMetadata() {
	}

	static Optional<byte[]> strip(byte[] photo, String type) {
		try {
			return Optional.ofNullable(switch (type) {
				case "image/jpeg" -> jpeg(photo);
				case "image/png" -> png(photo);
				case "image/webp" -> webp(photo);
				default -> null;
			});
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * The Exif orientation of a JPEG (1 to 8; 1 is upright), read from the first Exif APP1 segment before the picture
	 * data: the camera stores the sensor's pixels as they came and says in this tag how to turn them. 1 when there is
	 * no such tag or the structure cannot be walked. Reads only within the segment's own bounds.
	 */
	static int orientation(byte[] in) {
		try {
			if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
				return 1;
			}
			int at = 2;
			while (at + 4 <= in.length && (in[at] & 0xFF) == 0xFF) {
				int marker = in[at + 1] & 0xFF;
				if (marker == 0xDA || marker == 0xD9) {
					return 1; // the picture starts: an Exif segment comes before it or not at all
				}
				int length = ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
				int payload = at + 4;
				int end = at + 2 + length;
				if (length < 2 || end > in.length) {
					return 1;
				}
				if (marker == 0xE1 && startsWith(in, payload, length - 2, "Exif\0\0")) {
					return exifOrientation(in, payload + 6, end);
				}
				at = end;
			}
			return 1;
		}
		catch (IndexOutOfBoundsException e) {
			return 1;
		}
	}

	/** The orientation tag (0x0112) of the first image directory of the TIFF structure in {@code in[tiff, end)}. */
	private static int exifOrientation(byte[] in, int tiff, int end) {
		if (tiff + 8 > end) {
			return 1;
		}
		ByteOrder order;
		if (in[tiff] == 'I' && in[tiff + 1] == 'I') {
			order = ByteOrder.LITTLE_ENDIAN;
		}
		else if (in[tiff] == 'M' && in[tiff + 1] == 'M') {
			order = ByteOrder.BIG_ENDIAN;
		}
		else {
			return 1;
		}
		ByteBuffer tiffData = ByteBuffer.wrap(in, tiff, end - tiff).slice().order(order);
		if (tiffData.getShort(2) != 42) {
			return 1;
		}
		long directory = tiffData.getInt(4) & 0xFFFFFFFFL;
		if (directory + 2 > tiffData.limit()) {
			return 1;
		}
		int entries = tiffData.getShort((int) directory) & 0xFFFF;
		for (int i = 0; i < entries; i++) {
			int entry = (int) directory + 2 + 12 * i;
			if (entry + 12 > tiffData.limit()) {
				return 1;
			}
			if ((tiffData.getShort(entry) & 0xFFFF) == 0x0112) {
				int type = tiffData.getShort(entry + 2) & 0xFFFF;
				int value = type == 3 ? tiffData.getShort(entry + 8) & 0xFFFF : type == 4 ? tiffData.getInt(entry + 8) : 1;
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	private static byte[] jpeg(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int at = 2;
		while (true) {
			if ((in[at] & 0xFF) != 0xFF) {
				return null;
			}
			while ((in[at] & 0xFF) == 0xFF) {
				at++; // fill bytes before a marker
			}
			int marker = in[at] & 0xFF;
			at++;
			if (marker == 0xD9) {
				out.write(0xFF);
				out.write(0xD9);
				return out.toByteArray();
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				continue; // markers without a length
			}
			int length = ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
			if (length < 2 || at + length > in.length) {
				return null;
			}
			if (marker == 0xDA) {
				// start of scan: its header, then the compressed data up to the next marker that is neither a
				// stuffed 0xFF nor a restart (a progressive photo has several scans); what follows the end of the
				// picture (EOI) is dropped, as some phones append a second picture or a video there
				int data = at + length;
				int next = data;
				while (!isMarker(in, next)) {
					next++;
				}
				out.write(0xFF);
				out.write(marker);
				out.write(in, at, next - at);
				at = next;
				continue;
			}
			if (keptJpegSegment(marker, in, at + 2, length - 2)) {
				out.write(0xFF);
				out.write(marker);
				out.write(in, at, length);
			}
			at += length;
		}
	}

	/** 0xFF followed by neither a stuffed 0x00 nor a restart marker, within compressed data. */
	private static boolean isMarker(byte[] in, int at) {
		int next = in[at + 1] & 0xFF;
		return (in[at] & 0xFF) == 0xFF && next != 0 && (next < 0xD0 || next > 0xD7);
	}

	private static boolean keptJpegSegment(int marker, byte[] in, int payload, int size) {
		if (marker == 0xFE) {
			return false; // a comment
		}
		if (marker < 0xE0 || marker > 0xEF) {
			return true; // tables, frame headers: the picture itself
		}
		return switch (marker) {
			case 0xE0 -> startsWith(in, payload, size, "JFIF\0"); // not JFXX, a thumbnail
			case 0xE2 -> startsWith(in, payload, size, "ICC_PROFILE\0");
			case 0xEE -> startsWith(in, payload, size, "Adobe");
			default -> false;
		};
	}

	private static byte[] png(byte[] in) {
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (in[i] != PNG_SIGNATURE[i]) {
				return null;
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, PNG_SIGNATURE.length);
		int at = PNG_SIGNATURE.length;
		while (true) {
			long length = ByteBuffer.wrap(in, at, 4).getInt() & 0xFFFFFFFFL;
			if (at + 12 + length > in.length) {
				return null;
			}
			String chunk = new String(in, at + 4, 4, StandardCharsets.ISO_8859_1);
			int size = (int) (12 + length);
			if (PNG_KEPT.contains(chunk)) {
				out.write(in, at, size);
			}
			at += size;
			if (chunk.equals("IEND")) {
				return out.toByteArray();
			}
		}
	}

	private static byte[] webp(byte[] in) {
		if (!startsWith(in, 0, in.length, "RIFF") || !startsWith(in, 8, in.length - 8, "WEBP")) {
			return null;
		}
		long riffSize = ByteBuffer.wrap(in, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
		if (riffSize + 8 > in.length || riffSize < 4) {
			return null;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
		int at = 12;
		int end = (int) (riffSize + 8);
		while (at < end) {
			String chunk = new String(in, at, 4, StandardCharsets.ISO_8859_1);
			long length = ByteBuffer.wrap(in, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
			long padded = length + (length & 1);
			if (at + 8 + padded > end) {
				return null;
			}
			int size = (int) (8 + padded);
			if (chunk.equals("VP8X") && length >= 10) {
				byte[] header = java.util.Arrays.copyOfRange(in, at, at + size);
				header[8] &= (byte) ~(0x08 | 0x04); // the EXIF and XMP flags
				body.write(header, 0, header.length);
			}
			else if (!chunk.equals("EXIF") && !chunk.equals("XMP ")) {
				body.write(in, at, size);
			}
			at += size;
		}
		byte[] chunks = body.toByteArray();
		ByteBuffer out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
		out.put(in, 0, 4).putInt(4 + chunks.length).put(in, 8, 4).put(chunks);
		return out.array();
	}

	private static boolean startsWith(byte[] in, int at, int size, String prefix) {
		if (size < prefix.length() || at + prefix.length() > in.length) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (in[at + i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}
}
