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

	@Test
	void theTextChunksOfAPngAreNotKept() throws Exception {
		WebSession village = WebSession.loggedIn(port, "ohoi.fiditan");

		byte[] kept = photoOf(village, report(village, "FOTO PNG " + UUID.randomUUID(), "foto.png",
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
		assertThat(answer.body()).contains("bukan foto JPEG, PNG atau WebP").contains(name);
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
