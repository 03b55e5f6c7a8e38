package id.pantau.reports.domain;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.ShownIds;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import id.pantau.platform.tables.ExportQueries;
import id.pantau.platform.tables.TableExport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The village reports decided in a period (validated or rejected) within a user's scope, as a CSV or XLSX file for
 * the partner agencies: read with a cursor (a JDBC fetch size inside a read-only transaction) and written as they
 * come. Reports still in the chain are not exported: what they say is not yet established. Every export is audited
 * with its period, scope and how many reports it held, also one that broke off.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReportExports {

	static final List<String> HEADER = List.of("nomor", "kode_desa", "desa", "nama_dilaporkan", "kode_kewarganegaraan",
			"kewarganegaraan", "status", "hasil_validasi", "id_orang", "dilaporkan", "diputuskan");

	private final ExportQueries reads;
	private final AuditTrail audit;

	/**
	 * Writes the reports decided from {@code from} to {@code to} (days in WIT, either open), in the order they were
	 * decided, and returns how many. The stream stays open.
	 *
	 * @param labels a message key ({@code reportState.*}, {@code outcome.*}) to its text in the user's language
	 */
	public long export(Scope scope, LocalDate from, LocalDate to, TableExport.Format format, OutputStream out,
			Function<String, String> labels) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		StringBuilder where = new StringBuilder(" where r.state in ('VALIDATED', 'REJECTED') and ")
				.append(scope.sqlCondition("r.village_code"));
		if (from != null) {
			where.append(" and r.state_since >= :from");
			params.put("from", Timestamp.from(from.atStartOfDay(DisplayTime.ZONE).toInstant()));
		}
		if (to != null) {
			where.append(" and r.state_since < :to");
			params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(DisplayTime.ZONE).toInstant()));
		}
		ShownIds shown = new ShownIds();
		return TableExport.stream(format, out, "Laporan desa", HEADER,
				handler -> reads.query("""
						select r.id, r.number, r.village_code, v.name as village_name, r.names_as_heard, r.nationality,
						  coalesce(c.name_id, r.nationality_text) as nationality_name, r.state, r.outcome, r.person_id,
						  r.created_at, r.state_since
						from village_report r
						join region_read v on v.code = r.village_code
						left join country_read c on c.alpha3 = r.nationality""" + where + " order by r.state_since, r.id",
						params, handler),
				rs -> {
					shown.add(rs.getLong("id"));
					String outcome = rs.getString("outcome");
					return Arrays.asList(rs.getString("number"), rs.getString("village_code"),
										rs.getString("village_name"), rs.getString("names_as_heard"),
										rs.getString("nationality"), rs.getString("nationality_name"),
										labels.apply("reportState." + rs.getString("state")),
										outcome == null ? null : labels.apply("outcome." + outcome),
										(Long) rs.getObject("person_id"), local(rs.getTimestamp("created_at")),
										local(rs.getTimestamp("state_since")));
				},
				written -> audit.record(AuditEntry.of("REPORTS_EXPORTED").region(scope.regionCode())
					.detail("format", format.extension()).detail("from", from).detail("to", to)
					.detail("rows", written.rows()).detail("complete", written.complete()).shown("REPORT", shown)));
	}

	private static LocalDateTime local(Timestamp time) {
		return time == null ? null : time.toInstant().atZone(DisplayTime.ZONE).toLocalDateTime();
	}
}
