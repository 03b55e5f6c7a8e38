package id.pantau.platform.web;

import java.time.LocalDate;

import id.pantau.platform.NotFoundException;
import id.pantau.platform.tables.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.modulith.NamedInterface;

/**
 * How a page hands out a file it writes straight into the response (a list's CSV or XLSX export, a recap): its type,
 * a name to save it under, and never kept by a browser or a proxy, since such files hold personal data.
 */
@NamedInterface("downloads")
public final class Downloads {

	private Downloads() {
	}

	/**
	 * Starts a table download in the format asked for ({@code csv} or {@code xlsx}), saved as {@code name.csv} or
	 * {@code name.xlsx}; any other format is a page that does not exist (404), answered before anything is written.
	 */
	public static TableExport.Format startTable(HttpServletResponse response, String format, String name) {
		TableExport.Format chosen = TableExport.Format.of(format)
				.orElseThrow(() -> new NotFoundException("format " + format));
		start(response, chosen.contentType(), name + "." + chosen.extension());
		return chosen;
	}

	/** Starts a download of a file of the given type, saved under {@code fileName}, never stored. */
	public static void start(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
	}

	/** A period in a file's name: {@code 2026-05-01_2026-05-31}, an open end written {@code awal} or {@code akhir}. */
	public static String period(LocalDate from, LocalDate to) {
		return (from == null ? "awal" : from.toString()) + "_" + (to == null ? "akhir" : to.toString());
	}
}
