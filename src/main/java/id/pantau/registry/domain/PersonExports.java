package id.pantau.registry.domain;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.ShownIds;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.Scope;
import id.pantau.platform.tables.ExportQueries;
import id.pantau.platform.tables.TableExport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The persons the registry's list selects (the same filters, text included, the same order, every page) as a CSV or
 * XLSX file: read with a cursor and written as they come, every text cell safe against formula injection. Audited
 * with the filter and the row count, also when the download broke off.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonExports {

	static final List<String> HEADER = List.of("id", "nama", "kode_kewarganegaraan", "kewarganegaraan", "kategori",
			"status", "kode_wilayah", "desa", "kecamatan");

	private final PersonQueries queries;
	private final ExportQueries reads;
	private final AuditTrail audit;

	/**
	 * @param labels a message key ({@code category.*}, {@code status.*}) to its text in the user's language
	 */
	public long export(Scope scope, PersonQueries.Filter filter, PersonQueries.Sort sort, TableExport.Format format,
			OutputStream out, Function<String, String> labels) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		String sql = queries.exportSql(scope, filter, sort, params);
		ShownIds shown = new ShownIds();
		return TableExport.stream(format, out, "Orang asing", HEADER,
				handler -> reads.query(sql, params, handler),
				rs -> Arrays.asList(shown.addAndGet(rs.getLong("id")), rs.getString("primary_name"),
								rs.getString("nationality"), rs.getString("nationality_name"),
								labels.apply("category." + rs.getString("category")),
								labels.apply("status." + rs.getString("status")), rs.getString("region_code"),
								rs.getString("village_name"), rs.getString("district_name")),
				written -> audit.record(AuditEntry.of("PERSONS_EXPORTED").region(scope.regionCode())
					.detail("format", format.extension()).detail("filter", describe(filter))
					.detail("rows", written.rows()).detail("complete", written.complete()).shown("PERSON", shown)));
	}

	/** The filter without the text searched for (a name or a document number): only whether there was one. */
	private static String describe(PersonQueries.Filter f) {
		return "q=" + (f.text() == null || f.text().isBlank() ? "" : "yes") + "&nationality=" + nz(f.nationality())
				+ "&region=" + nz(f.regionCode()) + "&category=" + nz(f.category()) + "&status=" + nz(f.status())
				+ "&permitEndingWithinDays=" + nz(f.permitEndingWithinDays());
	}

	private static String nz(Object value) {
		return value == null ? "" : value.toString();
	}
}
