package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestPhotos;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A village official's photo, sent as the report form sends it: what the phone wrote besides the picture (the GPS
 * position of the officer, the phone) is gone before it is stored, the picture is intact, and a photo that is refused
 * leaves no draft behind while the form keeps what was typed.
 */
@PantauIntegrationTest
class ReportPhotoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGpsPositionAndCommentsOfAJpegAreNotKept() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		byte[] sent = TestPhotos.jpegWithExif();
		assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains(TestPhotos.GPS);

		byte[] kept = photoOf(village, report(village, "FOTO GPS " + UUID.randomUUID(), "foto.jpg", sent));

		String text = new String(kept, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("GPSLatitude").doesNotContain("Exif").doesNotContain("358240051111110");
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
		assertThat(picture).as("still a photo").isNotNull();
		assertThat(picture.getWidth()).isEqualTo(24);
		assertThat(picture.getHeight()).isEqualTo(16);
	}

	/**
	 * A photo that arrives as the camera wrote it (from the API, or a browser without JavaScript): the Exif tag that
	 * says how the phone was held goes with the rest of the metadata, so the picture is turned upright first.
	 */
	@Test
	void aJpegTakenWithThePhoneHeldUprightIsStoredUpright() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");

		byte[] kept = photoOf(village, report(village, "FOTO TEGAK " + UUID.randomUUID(), "foto.jpg",
				TestPhotos.jpegWithOrientation(6, false)));

		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPSLatitude");
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
		assertThat(picture.getWidth()).as("a quarter turn clockwise: 40 x 20 becomes 20 x 40").isEqualTo(20);
		assertThat(picture.getHeight()).isEqualTo(40);
		assertThat(colour(picture, 10, 5)).as("the left half is on top").isEqualTo("red");
		assertThat(colour(picture, 10, 35)).isEqualTo("blue");
	}

	@Test
	void aJpegTakenUpsideDownIsStoredTheRightWayUp() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");

		byte[] kept = photoOf(village, report(village, "FOTO TERBALIK " + UUID.randomUUID(), "foto.jpg",
				TestPhotos.jpegWithOrientation(3, true)));

		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
		assertThat(picture.getWidth()).isEqualTo(40);
		assertThat(picture.getHeight()).isEqualTo(20);
		assertThat(colour(picture, 5, 10)).as("half a turn: the right half is now on the left").isEqualTo("blue");
		assertThat(colour(picture, 35, 10)).isEqualTo("red");
	}

	private static String colour(BufferedImage picture, int x, int y) {
		int rgb = picture.getRGB(x, y);
		int red = (rgb >> 16) & 0xFF;
		int blue = rgb & 0xFF;
		return red > 200 && blue < 60 ? "red" : blue > 200 && red < 60 ? "blue" : String.format("#%06x", rgb & 0xFFFFFF);
	}

	@Test
	void theTextChunksOfAPngAreNotKept() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");

		byte[] kept = photoOf(village, report(village, "FOTO BERTEKS " + UUID.randomUUID(), "foto.png",
				TestPhotos.pngWithText()));

		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude").doesNotContain("tEXt");
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
		assertThat(picture.getWidth()).isEqualTo(24);
	}

	@Test
	void aRefusedPhotoCreatesNoDraftAndTheFormKeepsWhatWasTyped() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		String name = "FOTO DITOLAK " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		HttpResponse<String> answer = send(village, name, "foto.jpg", "<script>alert(1)</script>".getBytes());

		assertThat(answer.statusCode()).as("the form again").isEqualTo(200);
		assertThat(answer.body()).contains(name)
				.as("the reason at the photo field").containsPattern("id=\"photo-error\"[^>]*>berkas ini bukan foto JPEG, PNG atau WebP<");
		assertThat(jdbc.sql("select count(*) from village_report where names_as_heard = :n").param("n", name)
				.query(Long.class).single()).as("no draft left behind").isZero();
	}

	@Test
	void aPhotoCutShortIsRefusedAsDamaged() {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");
		byte[] whole = TestPhotos.png();
		byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
		String name = "FOTO TERPOTONG " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		HttpResponse<String> answer = send(village, name, "foto.png", cut);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("rusak atau terpotong");
		assertThat(jdbc.sql("select count(*) from village_report where names_as_heard = :n").param("n", name)
				.query(Long.class).single()).isZero();
	}

	private long report(WebSession village, String name, String filename, byte[] photo) {
		HttpResponse<String> created = send(village, name, filename, photo);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = WebSession.location(created);
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static byte[] photoOf(WebSession village, long report) {
		HttpResponse<byte[]> photo = village.getBytes("/laporan/" + report + "/foto");
		assertThat(photo.statusCode()).isEqualTo(200);
		return photo.body();
	}

	private static HttpResponse<String> send(WebSession village, String name, String filename, byte[] photo) {
		String boundary = "----pantau" + UUID.randomUUID();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("namesAsHeard", name);
		fields.put("clientKey", UUID.randomUUID().toString());
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((key, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ key + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(photo);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return village.postBody("/laporan/baru", "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}
}
