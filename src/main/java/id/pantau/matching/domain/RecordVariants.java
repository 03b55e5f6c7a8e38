package id.pantau.matching.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.crossings.CrossingRecords.CrossingRecord;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.platform.DisplayTime;
import id.pantau.registry.BirthDate;
import id.pantau.reports.ReportRecords.ReportRecord;

/**
 * A crossing or a village report as the linker reads it. A village may write several names ("KYAW MIN / KO KYAW")
 * or documents in one field, and an age instead of a birth date ("± 35 tahun"): each name and document becomes a
 * variant of the record, and an age becomes a birth year.
 */
final class RecordVariants {

	private static final Pattern SEPARATORS = Pattern.compile("\\s*[/;|]\\s*|\\s+(?:alias|als\\.?|atau)\\s+",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern DOCUMENT_SEPARATORS = Pattern.compile("\\s*[,/;|]\\s*");
	private static final Pattern AGE = Pattern.compile("\\D*?(\\d{1,3})\\s*(?:th|thn|tahun|tahunan|years?|yrs?|y)?\\.?\\s*",
			Pattern.CASE_INSENSITIVE);

	private RecordVariants() {
	}

	static List<LinkageRecord> of(CrossingRecord crossing) {
		BirthDate birth = crossing.birthDate() != null ? BirthDate.of(crossing.birthDate())
				: crossing.birthYear() != null ? BirthDate.ofYear(crossing.birthYear()) : BirthDate.UNKNOWN;
		return List.of(new LinkageRecord(id(MatchCase.Kind.CROSSING, crossing.id()), crossing.fullName(),
				crossing.sex(), birth, crossing.nationality(), crossing.documentNumber()));
	}

	static List<LinkageRecord> of(ReportRecord report) {
		String id = id(MatchCase.Kind.REPORT, report.id());
		LocalDate reported = report.createdAt().atZone(DisplayTime.ZONE).toLocalDate();
		BirthDate birth = birth(report.ageOrBirth(), reported);
		String nationality = report.nationality() != null ? report.nationality() : report.nationalityText();
		List<String> names = split(SEPARATORS, report.namesAsHeard());
		List<String> documents = split(DOCUMENT_SEPARATORS, report.documentNumbers());
		if (names.isEmpty()) {
			names = List.of("");
		}
		String firstDocument = documents.isEmpty() ? null : documents.get(0);
		List<LinkageRecord> variants = new ArrayList<>();
		for (String name : names) {
			variants.add(new LinkageRecord(id, name, report.sex(), birth, nationality, firstDocument));
		}
		for (String document : documents.subList(Math.min(1, documents.size()), documents.size())) {
			variants.add(new LinkageRecord(id, names.get(0), report.sex(), birth, nationality, document));
		}
		return variants;
	}

	static String id(MatchCase.Kind kind, long recordId) {
		return kind.name().charAt(0) + Long.toString(recordId);
	}

	/** A birth date or year as written, or an age in years at the time of the report; unknown for anything else. */
	static BirthDate birth(String text, LocalDate reported) {
		if (text == null || text.isBlank()) {
			return BirthDate.UNKNOWN;
		}
		try {
			return BirthDate.parse(text.strip(), reported);
		}
		catch (IllegalArgumentException notADate) {
			Matcher age = AGE.matcher(text.strip());
			if (age.matches()) {
				int years = Integer.parseInt(age.group(1));
				if (years < 120) {
					return BirthDate.ofYear(reported.getYear() - years);
				}
			}
			return BirthDate.UNKNOWN;
		}
	}

	private static List<String> split(Pattern separators, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(separators.split(text.strip())).map(String::strip).filter(part -> !part.isEmpty())
				.toList();
	}
}
