package id.pantau.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters are named in English on every route, as the JSON API always named them ({@code region},
 * {@code month}, {@code page}, ...). The pages once named theirs in Indonesian ({@code wilayah}, {@code bulan},
 * {@code halaman}, ...), and such addresses live on in bookmarks, in sent e-mails and notifications and in stored
 * evidence links: a page request that still carries an old name is answered with a permanent redirect to the same
 * address under the new names, the values and their order untouched. The API never had these names and is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LegacyQueryParameters extends OncePerRequestFilter {

	/** An old name and its new one, on the pages whose path starts with {@code under} ("" for every page). */
	record Rename(String under, String from, String to) {
	}

	static final List<Rename> RENAMES = List.of(
			new Rename("/peringatan", "umur", "minAgeDays"),
			new Rename("/rekap/peringatan/ekspor", "village", "region"),
			new Rename("/orang-asing/", "dengan", "mergedId"),
			new Rename("", "wilayah", "region"),
			new Rename("", "bulan", "month"),
			new Rename("", "halaman", "page"),
			new Rename("", "kewarganegaraan", "nationality"),
			new Rename("", "kategori", "category"),
			new Rename("", "izinBerakhir", "permitEndingWithinDays"),
			new Rename("", "urut", "sort"),
			new Rename("", "arah", "direction"),
			new Rename("", "tpi", "port"),
			new Rename("", "terhubung", "linked"),
			new Rename("", "dari", "from"),
			new Rename("", "sampai", "to"),
			new Rename("", "umur", "age"),
			new Rename("", "sumber", "source"),
			new Rename("", "skor", "score"),
			new Rename("", "antrean", "queue"),
			new Rename("", "penanggung", "assignee"),
			new Rename("", "aksi", "action"),
			new Rename("", "pelaku", "actor"),
			new Rename("", "sebelum", "before"),
			new Rename("", "peran", "role"),
			new Rename("", "aktif", "active"),
			new Rename("", "asal", "origin"),
			new Rename("", "jenis", "kind"),
			new Rename("", "semua", "all"),
			new Rename("", "sudah", "already"),
			new Rename("", "alasan", "reason"),
			new Rename("", "tunggu", "wait"),
			new Rename("", "keluar", "logout"),
			new Rename("", "berakhir", "expired"));

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return request.getQueryString() == null || !("GET".equals(method) || "HEAD".equals(method))
				|| path(request).startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> renamed = renamed(path(request), request.getQueryString());
		if (renamed.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		// leading slashes folded into one: "//host/..." would send the browser to another site
		String sameSite = "/" + request.getRequestURI().replaceFirst("^[/\\\\]+", "");
		response.setHeader(HttpHeaders.LOCATION, sameSite + "?" + renamed.get());
	}

	/** The query string under the new names, or empty when it carries no old name on this path. */
	static Optional<String> renamed(String path, String query) {
		StringJoiner result = new StringJoiner("&");
		boolean changed = false;
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			String rest = equals < 0 ? "" : pair.substring(equals);
			String newName = newName(path, name);
			changed |= !newName.equals(name);
			result.add(newName + rest);
		}
		return changed ? Optional.of(result.toString()) : Optional.empty();
	}

	private static String newName(String path, String name) {
		for (Rename rename : RENAMES) {
			if (rename.from().equals(name) && path.startsWith(rename.under())) {
				return rename.to();
			}
		}
		return name;
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
