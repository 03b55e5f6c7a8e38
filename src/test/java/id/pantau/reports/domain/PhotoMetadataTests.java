package id.pantau.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import id.pantau.TestPhotos;
import org.junit.jupiter.api.Test;

class PhotoMetadataTests {

	@Test
	void aWebpLosesItsExifAndXmpChunksAndTheHeaderNoLongerAnnouncesThem() {
		byte[] vp8x = new byte[10];
		vp8x[0] = 0x08 | 0x04;
		byte[] webp = riff(chunk("VP8X", vp8x), chunk("VP8L", new byte[] { 0x2F, 1, 2, 3, 4 }),
				chunk("EXIF", ("MM\0*" + TestPhotos.GPS).getBytes(StandardCharsets.ISO_8859_1)),
				chunk("XMP ", "<x:xmpmeta>Tual</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)));

		byte[] kept = PhotoMetadata.strip(webp, "image/webp").orElseThrow();

		String text = new String(kept, StandardCharsets.ISO_8859_1);
		assertThat(text).startsWith("RIFF").contains("WEBPVP8X").contains("VP8L").doesNotContain("GPS")
				.doesNotContain("xmpmeta");
		assertThat(kept[20] & 0x0C).as("EXIF and XMP flags").isZero();
		assertThat(ByteBuffer.wrap(kept, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(kept.length - 8);
	}

	@Test
	void theExifOrientationOfAJpegIsReadInEitherByteOrder() {
		assertThat(PhotoMetadata.orientation(TestPhotos.jpegWithOrientation(6, false))).isEqualTo(6);
		assertThat(PhotoMetadata.orientation(TestPhotos.jpegWithOrientation(3, true))).isEqualTo(3);
		assertThat(PhotoMetadata.orientation(TestPhotos.jpegWithOrientation(8, true))).isEqualTo(8);
		assertThat(PhotoMetadata.orientation(TestPhotos.jpeg())).as("no Exif: upright").isEqualTo(1);
		assertThat(PhotoMetadata.orientation(TestPhotos.jpegWithExif())).as("Exif without the tag").isEqualTo(1);
		assertThat(PhotoMetadata.orientation(TestPhotos.jpegWithOrientation(42, false))).as("no such orientation")
				.isEqualTo(1);
	}

	@Test
	void aDamagedExifSegmentReadsAsUprightNotAnException() {
		byte[] photo = TestPhotos.jpegWithOrientation(6, false);
		Random random = new Random(17);
		for (int i = 0; i < 500; i++) {
			byte[] damaged = Arrays.copyOf(photo, 3 + random.nextInt(80));
			damaged[2 + random.nextInt(damaged.length - 2)] = (byte) random.nextInt(256);
			assertThat(PhotoMetadata.orientation(damaged)).isBetween(1, 8);
		}
	}

	@Test
	void aJpegWithoutMetadataIsKeptByteForByte() {
		byte[] plain = TestPhotos.jpeg();
		assertThat(PhotoMetadata.strip(plain, "image/jpeg")).hasValueSatisfying(
				kept -> assertThat(kept).isEqualTo(plain));
	}

	@Test
	void whatFollowsTheEndOfAJpegIsDropped() {
		byte[] plain = TestPhotos.jpeg();
		byte[] appended = Arrays.copyOf(plain, plain.length + 20);
		System.arraycopy("GPS of a second image".getBytes(StandardCharsets.ISO_8859_1), 0, appended, plain.length, 20);
		assertThat(PhotoMetadata.strip(appended, "image/jpeg")).hasValueSatisfying(
				kept -> assertThat(kept).isEqualTo(plain));
	}

	@Test
	void damagedOrRandomBytesAreRefusedNotThrown() {
		Random random = new Random(16);
		for (String type : new String[] { "image/jpeg", "image/png", "image/webp" }) {
			byte[] photo = type.equals("image/png") ? TestPhotos.png() : TestPhotos.jpeg();
			for (int i = 0; i < 300; i++) {
				byte[] damaged = Arrays.copyOf(photo, random.nextInt(photo.length));
				if (damaged.length > 4) {
					damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
				}
				PhotoMetadata.strip(damaged, type); // empty or a result, never an exception
			}
		}
	}

	private static byte[] chunk(String name, byte[] payload) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + payload.length + (payload.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(name.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length).put(payload);
		return chunk.array();
	}

	private static byte[] riff(byte[]... chunks) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
		for (byte[] chunk : chunks) {
			body.writeBytes(chunk);
		}
		ByteBuffer riff = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(body.size()).put(body.toByteArray());
		return riff.array();
	}
}
