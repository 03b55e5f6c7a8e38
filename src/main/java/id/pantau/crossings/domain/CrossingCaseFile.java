package id.pantau.crossings.domain;

import static id.pantau.platform.CaseFile.day;
import static id.pantau.platform.CaseFile.label;

import java.time.LocalDate;
import java.util.List;

import id.pantau.platform.CaseFile;
import id.pantau.platform.CaseFile.Entry;
import id.pantau.platform.CaseFile.Kind;
import id.pantau.platform.DisplayTime;
import id.pantau.reference.ReferenceData;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The crossings linked to a person, for those who may read crossings (Immigration, Kesbangpol, TIMPORA, with a
 * regency-wide scope); each links to the day's list at its port, where it is.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CrossingCaseFile implements CaseFile.Part {

	private final JdbcClient jdbc;
	private final ReferenceData reference;

	@Override
	public List<Entry> entries(CaseFile.Viewer viewer, long personId) {
		if (!viewer.hasAnyRole("IMIGRASI", "KESBANGPOL", "TIMPORA") || !viewer.scope().coversUnplaced()) {
			return List.of();
		}
		return jdbc.sql("""
				select direction, crossed_at, port_code, document_number, permit_type, stay_until from crossing
				where person_id = :p order by crossed_at desc limit 500""").param("p", personId).query((rs, n) -> {
					var at = rs.getTimestamp("crossed_at").toInstant();
					String port = rs.getString("port_code");
					String direction = rs.getString("direction");
					LocalDate day = LocalDate.ofInstant(at, DisplayTime.ZONE);
					String link = UriComponentsBuilder.fromPath("/perlintasan").queryParam("from", day)
							.queryParam("to", day).queryParam("direction", direction).queryParam("port", port).build()
							.encode().toUriString();
					return new Entry(Kind.CROSSING, at, "casefile.crossing", List.of(label("direction.", direction),
							portName(port), rs.getString("document_number"),
							permitName(rs.getString("permit_type")),
							day(rs.getObject("stay_until", LocalDate.class))), link);
				}).list();
	}

	private String permitName(String code) {
		return code == null ? "-"
				: reference.permitTypes().stream().filter(t -> t.code().equals(code)).map(t -> t.nameId()).findFirst()
						.orElse(code);
	}

	private String portName(String code) {
		return reference.portsOfEntry().stream().filter(p -> p.code().equals(code)).map(p -> p.name()).findFirst()
				.orElse(code);
	}
}
