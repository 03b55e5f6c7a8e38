package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Multipart requests beyond the limits are refused with a client error and a page without internals. */
@PantauIntegrationTest
class UploadLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aMultipartRequestWithMorePartsThanAnyFormHasIsRefusedWithoutAServerError() {
		WebSession session = WebSession.loggedIn(port, "bpmpd");
		HttpResponse<String> response = session.postBody("/perlintasan/impor", "multipart/form-data; boundary=B",
				multipart(200, 10));
		assertThat(response.statusCode()).isIn(400, 413);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aPartWithAnOversizedHeaderIsRefusedWithoutAServerError() {
		WebSession session = WebSession.loggedIn(port, "bpmpd");
		HttpResponse<String> response = session.postBody("/perlintasan/impor", "multipart/form-data; boundary=B",
				multipart(2, 4000));
		assertThat(response.statusCode()).isIn(400, 413);
		assertThat(response.body()).doesNotContain("Exception");
	}

	private static byte[] multipart(int parts, int nameLength) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int i = 0; i < parts; i++) {
			String name = "f" + i + "x".repeat(nameLength);
			body.writeBytes(("--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\nnilai\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		}
		body.writeBytes("--B--\r\n".getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}
}
