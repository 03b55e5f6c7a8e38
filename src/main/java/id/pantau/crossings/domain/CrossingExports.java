package id.pantau.crossings.domain;

import java.io.OutputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.ShownIds;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.Direction;
import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.tables.ExportQueries;
import id.pantau.platform.tables.TableExport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Crossings of a period, with the list's filters, as a CSV or XLSX file for a partner agency. The rows are read with
 * a cursor (a JDBC fetch size inside a read-only transaction) and written to the file as they come, so an export of a
 * million crossings needs no more memory than one of ten. The columns are those the import recognises, so an export
 * can be imported elsewhere. Every export is audited with its filter and how many rows it held, also one that broke
 * off (a closed connection): those rows left the application all the same.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CrossingExports {

	private final ExportQueries reads;
	private final AuditTrail audit;

	/** The header: the import's first name for each column, and the registry's person. */
	static List<String> header() {
		List<String> header = new ArrayList<>(Arrays.stream(CrossingColumn.values()).map(c -> c.headers().get(0))
				.toList());
		header.add("id_orang");
		return header;
	}

	/** Writes the crossings the filter selects, oldest first, and returns how many. The stream stays open. */
	public long export(CrossingQueries.Filter filter, TableExport.Format format, OutputStream out) {
		Map<String, Object> params = new HashMap<>();
		String where = CrossingQueries.where(filter, params);
		ShownIds shown = new ShownIds();
		return TableExport.stream(format, out, "Perlintasan", header(),
				handler -> reads.query("""
						select id, direction, crossed_at, port_code, document_number, nationality, full_name, birth_date,
						  birth_year, sex, permit_type, stay_until, transport, person_id
						from crossing""" + where + " order by crossed_at, id", params, handler),
				rs -> {
					shown.add(rs.getLong("id"));
					Date birthDate = rs.getDate("birth_date");
					Date stayUntil = rs.getDate("stay_until");
					Timestamp crossedAt = rs.getTimestamp("crossed_at");
					return Arrays.asList(
								Direction.valueOf(rs.getString("direction")) == Direction.ENTRY ? "MASUK" : "KELUAR",
								crossedAt.toInstant().atZone(DisplayTime.ZONE).toLocalDateTime(),
								rs.getString("port_code"), rs.getString("document_number"), rs.getString("nationality"),
								rs.getString("full_name"),
								birthDate != null ? birthDate.toLocalDate() : (Integer) rs.getObject("birth_year"),
								sex(rs.getString("sex")), rs.getString("permit_type"),
								stayUntil == null ? null : stayUntil.toLocalDate(), rs.getString("transport"),
								(Long) rs.getObject("person_id"));
				},
				written -> audit.record(AuditEntry.of("CROSSINGS_EXPORTED").detail("format", format.extension())
					.detail("from", filter.from()).detail("to", filter.to()).detail("direction", filter.direction())
					.detail("port", filter.port()).detail("nationality", filter.nationality())
					.detail("linked", filter.linked()).detail("rows", written.rows()).detail("complete", written.complete())
					.shown("CROSSING", shown)));
	}

	/** The sex as Indonesian forms write it (the import reads it back). */
	private static String sex(String code) {
		if (code == null) {
			return null;
		}
		return switch (code) {
			case "M" -> "L";
			case "F" -> "P";
			default -> code;
		};
	}
}
