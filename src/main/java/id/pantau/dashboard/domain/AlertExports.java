package id.pantau.dashboard.domain;

import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.ShownIds;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.Scope;
import id.pantau.platform.tables.ExportQueries;
import id.pantau.platform.tables.TableExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Alerts within a scope as a CSV or XLSX file, with the alert list's filters ({@code severity}, {@code rule},
 * {@code village}, {@code status}): read with a cursor and written as they come, every text cell safe against formula
 * injection. Audited with the filter and the row count, also when the download broke off. Rule, severity, status,
 * subject type, outcome and agency are written as words in the reader's language; the rule's code stays beside its
 * name ({@code kode_aturan}) for those who filter or join by it.
 */
@Service
public class AlertExports {

	static final List<String> HEADER = List.of("id", "aturan", "kode_aturan", "tingkat", "status", "jenis_subjek",
			"subjek",
			"id_orang", "kode_wilayah", "desa", "dibuka", "terakhir_terlihat", "ditutup", "hasil", "instansi",
			"petugas");
	private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
	private static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "CLOSED", "DISMISSED");

	/** The list's filters; an unknown severity or status is ignored, as the list ignores it. */
	public record Filter(String severity, String rule, String village, String status) {

		public Filter {
			severity = known(severity, SEVERITIES);
			status = known(status, STATUSES);
			rule = rule == null || rule.isBlank() ? null : rule.strip().toUpperCase(Locale.ROOT);
			village = Scope.isRegionCode(village) ? village : null;
		}

		private static String known(String value, Set<String> allowed) {
			if (value == null) {
				return null;
			}
			String upper = value.strip().toUpperCase(Locale.ROOT);
			return allowed.contains(upper) ? upper : null;
		}

		@Override
		public String toString() {
			return "severity=" + (severity == null ? "" : severity) + "&rule=" + (rule == null ? "" : rule)
					+ "&region=" + (village == null ? "" : village) + "&status=" + (status == null ? "" : status);
		}
	}

	private final ExportQueries reads;
	private final AuditTrail audit;
	private final MessageSource messages;

	AlertExports(ExportQueries reads, AuditTrail audit, MessageSource messages) {
		this.messages = messages;
		this.reads = reads;
		this.audit = audit;
	}

	/** Writes the alerts, newest first, and returns how many. The stream stays open. */
	public long export(Scope scope, Filter filter, TableExport.Format format, OutputStream out) {
		Map<String, Object> params = new HashMap<>(scope.sqlParameters());
		StringBuilder where = new StringBuilder(" where ").append(scope.sqlVisibility("a.region_code"));
		if (filter.severity() != null) {
			where.append(" and a.severity = :severity");
			params.put("severity", filter.severity());
		}
		if (filter.rule() != null) {
			where.append(" and a.rule = :rule");
			params.put("rule", filter.rule());
		}
		if (filter.village() != null) {
			where.append(" and (a.region_code = :village or a.region_code like :villagePrefix)");
			params.put("village", filter.village());
			params.put("villagePrefix", filter.village() + ".%");
		}
		if (filter.status() != null) {
			where.append(" and a.status = :status");
			params.put("status", filter.status());
		}
		Locale locale = LocaleContextHolder.getLocale();
		ShownIds shown = new ShownIds();
		return TableExport.stream(format, out, "Peringatan", HEADER,
				handler -> reads.query("""
						select a.id, a.rule, a.severity, a.status, a.subject_type, a.subject_key, a.person_id,
						  a.region_code, v.name as village_name, a.opened_at, a.last_seen_at, a.closed_at, a.outcome,
						  a.assigned_agency, a.assigned_to
						from alert_read a left join region_read v on v.code = a.region_code""" + where
						+ " order by a.opened_at desc, a.id desc", params, handler),
				rs -> Arrays.asList(shown.addAndGet(rs.getLong("id")), label("alert.rule.", rs.getString("rule"), ".name", locale),
										rs.getString("rule"), label("followup.severity.", rs.getString("severity"), "", locale),
										label("followup.status.", rs.getString("status"), "", locale),
										label("followup.evidence.", rs.getString("subject_type"), "", locale),
										rs.getString("subject_key"),
										(Long) rs.getObject("person_id"), rs.getString("region_code"),
										rs.getString("village_name"), local(rs.getTimestamp("opened_at")),
										local(rs.getTimestamp("last_seen_at")), local(rs.getTimestamp("closed_at")),
										label("followup.outcome.", rs.getString("outcome"), "", locale),
										label("agency.", rs.getString("assigned_agency"), "", locale),
										rs.getString("assigned_to")),
				written -> audit.record(AuditEntry.of("ALERTS_EXPORTED").region(scope.regionCode())
					.detail("format", format.extension()).detail("filter", filter.toString())
					.detail("rows", written.rows()).detail("complete", written.complete()).shown("ALERT", shown)));
	}

	/** The word for a code, or the code itself where there is no message; null stays an empty cell. */
	private String label(String prefix, String code, String suffix, Locale locale) {
		return code == null ? null : messages.getMessage(prefix + code + suffix, null, code, locale);
	}

	private static LocalDateTime local(Timestamp time) {
		return time == null ? null : time.toInstant().atZone(DisplayTime.ZONE).toLocalDateTime();
	}
}
