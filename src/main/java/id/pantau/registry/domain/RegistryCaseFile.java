package id.pantau.registry.domain;

import static id.pantau.platform.CaseFile.day;
import static id.pantau.platform.CaseFile.label;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import id.pantau.platform.CaseFile;
import id.pantau.platform.CaseFile.Entry;
import id.pantau.platform.CaseFile.Kind;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's part of a case file: residences, documents, permits and status changes as they were recorded. A
 * village official sees residences in its own village only.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RegistryCaseFile implements CaseFile.Part {

	private final JdbcClient jdbc;
	private final ReferenceData reference;

	@Override
	public List<Entry> entries(CaseFile.Viewer viewer, long personId) {
		String page = "/orang-asing/" + personId;
		List<Entry> entries = new ArrayList<>();
		jdbc.sql("select region_code, address, since, until, added_at from residence where person_id = :p")
				.param("p", personId).query((rs, n) -> {
					String region = rs.getString("region_code");
					if (viewer.scope().covers(region)) {
						String name = reference.region(region).map(r -> r.name()).orElse(region);
						LocalDate until = rs.getObject("until", LocalDate.class);
						entries.add(new Entry(Kind.RESIDENCE, instant(rs.getTimestamp("added_at")),
								until == null ? "casefile.residenceCurrent" : "casefile.residence",
								List.of(name, day(rs.getObject("since", LocalDate.class)), day(until)),
								"/wilayah/" + region));
					}
					return null;
				}).list();
		jdbc.sql("""
				select document_type, number, issuing_state, expiry_date, added_at from travel_document
				where person_id = :p""").param("p", personId).query((rs, n) -> entries.add(new Entry(Kind.DOCUMENT,
						instant(rs.getTimestamp("added_at")), "casefile.document",
						List.of(label("documentType.", rs.getString("document_type")), rs.getString("number"),
								country(rs.getString("issuing_state")),
								day(rs.getObject("expiry_date", LocalDate.class))),
						page + "#dokumen"))).list();
		jdbc.sql("""
				select permit_type, number, valid_from, valid_until, added_at from stay_permit where person_id = :p""")
				.param("p", personId).query((rs, n) -> entries.add(new Entry(Kind.PERMIT,
						instant(rs.getTimestamp("added_at")), "casefile.permit",
						List.of(permit(rs.getString("permit_type")), rs.getString("number") == null ? "-"
								: rs.getString("number"), day(rs.getObject("valid_from", LocalDate.class)),
								day(rs.getObject("valid_until", LocalDate.class))),
						page + "#izin"))).list();
		jdbc.sql("select status, changed_at, changed_by, reason from person_status_change where person_id = :p")
				.param("p", personId).query((rs, n) -> {
					String reason = rs.getString("reason");
					return entries.add(new Entry(Kind.STATUS, instant(rs.getTimestamp("changed_at")),
							reason == null ? "casefile.statusWithoutReason" : "casefile.status",
							reason == null ? List.of(label("status.", rs.getString("status")), rs.getString("changed_by"))
									: List.of(label("status.", rs.getString("status")), rs.getString("changed_by"), reason),
							page + "#status"));
				}).list();
		return entries;
	}

	private String permit(String code) {
		return reference.permitTypes().stream().filter(t -> t.code().equals(code)).map(t -> t.nameId()).findFirst()
				.orElse(code);
	}

	private String country(String alpha3) {
		return alpha3 == null ? "-"
				: reference.countries().stream().filter(c -> c.alpha3().equals(alpha3)).map(c -> c.nameId())
						.findFirst().orElse(alpha3);
	}

	private static Instant instant(java.sql.Timestamp at) {
		return at == null ? null : at.toInstant();
	}
}
