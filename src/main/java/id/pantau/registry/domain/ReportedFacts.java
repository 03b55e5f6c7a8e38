package id.pantau.registry.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.registry.DocumentType;
import id.pantau.registry.ReportedPerson;

/** What a village wrote, read into the registry's facts: names, documents with their kind, a date. */
final class ReportedFacts {

	record Document(DocumentType type, String number) {
	}

	/** Words a village writes before a nickname: "dipanggil Pak Min", "alias Ko Min". */
	private static final Pattern NICKNAME = Pattern.compile(
			"^(?i)(dipanggil|panggilan|biasa dipanggil|alias|a\\.?k\\.?a\\.?|juga dikenal sebagai)\\s+");
	private static final Pattern NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9./-]{3,}[A-Z0-9]");
	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d-M-uuuu");

	private ReportedFacts() {
	}

	/** Every name as heard, the first the main one: "Htun Htun Oo (Pak Htun), Ko Htun" gives three. */
	static List<String> names(String namesAsHeard) {
		Set<String> names = new LinkedHashSet<>();
		if (namesAsHeard != null) {
			for (String part : namesAsHeard.split("[,;/\\n()]")) {
				String name = NICKNAME.matcher(part.strip().replaceAll("\\s+", " ")).replaceFirst("").strip();
				if (!name.isEmpty() && name.chars().anyMatch(Character::isLetter)) {
					names.add(name);
				}
			}
		}
		return List.copyOf(names);
	}

	/** The documents named, each with the kind its words say (OTHER when they say none). */
	static List<Document> documents(String text) {
		List<Document> documents = new ArrayList<>();
		if (text == null) {
			return documents;
		}
		for (String part : text.split("[,;\\n]")) {
			String upper = part.toUpperCase(Locale.ROOT);
			DocumentType type = typeOf(upper);
			Matcher number = NUMBER.matcher(upper.replaceAll("\\b(NO|NOMOR|NR|NUMBER)\\b\\.?", " "));
			String best = null;
			while (number.find()) {
				String candidate = number.group();
				boolean longer = best == null || candidate.length() > best.length();
				if (candidate.chars().anyMatch(Character::isDigit) && longer) {
					best = candidate;
				}
			}
			String found = best;
			if (found != null && documents.stream().noneMatch(d -> d.number().equals(found))) {
				documents.add(new Document(type, found));
			}
		}
		return documents;
	}

	private static DocumentType typeOf(String upper) {
		if (upper.contains("PASPOR") || upper.contains("PASSPORT") || upper.contains("PASPORT")) {
			return DocumentType.PASSPORT;
		}
		if (upper.contains("PELAUT") || upper.contains("SEAMAN") || upper.contains("SEAFARER")) {
			return DocumentType.SEAMAN_BOOK;
		}
		if (upper.contains("PENGUNGSI") || upper.contains("REFUGEE") || upper.contains("UNHCR")) {
			return DocumentType.REFUGEE_CARD;
		}
		if (upper.contains("SPLP") || upper.contains("PERJALANAN") || upper.contains("TRAVEL")) {
			return DocumentType.TRAVEL_DOCUMENT;
		}
		if (upper.contains("KTP") || upper.contains("ID CARD") || upper.contains("IDENTITAS")) {
			return DocumentType.ID_CARD;
		}
		return DocumentType.OTHER;
	}

	/** A date written as a date (2024-06-01 or 1-6-2024); words and bare years give null and stay in the notes. */
	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip().replace('/', '-').replace('.', '-');
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException notIso) {
			try {
				return LocalDate.parse(value, DAY_MONTH_YEAR);
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	/** The village's words the registry has no field for, kept in the notes with the report they come from. */
	static String notes(ReportedPerson reported) {
		List<String> parts = new ArrayList<>();
		add(parts, "kewarganegaraan menurut pengakuan", reported.nationalityText());
		add(parts, "umur atau lahir", reported.ageOrBirth());
		add(parts, "kegiatan", reported.activity());
		add(parts, "bekerja pada / kapal", reported.employerOrVessel());
		add(parts, "berada di desa sejak", reported.presentSince());
		add(parts, "catatan desa", reported.note());
		return "Dari laporan desa " + reported.reportNumber() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
	}

	private static void add(List<String> parts, String label, String value) {
		if (value != null && !value.isBlank()) {
			parts.add(label + " " + value.strip());
		}
	}
}
