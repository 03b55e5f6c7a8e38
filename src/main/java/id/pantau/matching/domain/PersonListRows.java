package id.pantau.matching.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.HeaderNames;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Sex;
import id.pantau.registry.names.NameNormalizer;

/**
 * Reads the rows of a list of foreigners (Kesbangpol's existing list) or says why a row is refused. The columns are
 * those of the {@code link} command's persons file, {@code id,full_name,sex,birth_date,nationality,document_number}
 * (so the same file can be tried with {@code link} first), plus the optional {@code village_code},
 * {@code permit_type} and {@code permit_until}; Indonesian headers (nama, jenis_kelamin, tanggal_lahir, ...) are
 * recognised too. Formats as {@code link} takes them: birth_date yyyy-mm-dd, yyyy or empty (dd-mm-yyyy too), sex M
 * or F (L or P) or empty, nationality an ISO code or a country's name.
 */
final class PersonListRows {

	static final int MAX_ROWS = 20_000;

	enum Column {

		ID(true, "id", "no_id", "nomor_induk"),
		FULL_NAME(true, "full_name", "nama", "nama_lengkap", "name"),
		SEX(true, "sex", "jenis_kelamin", "jk"),
		BIRTH_DATE(true, "birth_date", "tanggal_lahir", "tgl_lahir"),
		NATIONALITY(true, "nationality", "kewarganegaraan", "warga_negara"),
		DOCUMENT_NUMBER(true, "document_number", "nomor_dokumen", "nomor_paspor", "no_paspor"),
		VILLAGE_CODE(false, "village_code", "kode_desa", "kode_wilayah"),
		PERMIT_TYPE(false, "permit_type", "jenis_izin"),
		PERMIT_UNTIL(false, "permit_until", "izin_berlaku_sampai", "izin_sampai");

		private final boolean required;
		private final List<String> headers;

		Column(boolean required, String... headers) {
			this.required = required;
			this.headers = List.of(headers);
		}

		String header() {
			return headers.get(0);
		}
	}

	/** A row as the list gives it, checked and normalised. */
	record Row(int rowNumber, String externalId, String fullName, Sex sex, BirthDate birth, String nationality,
			String documentNumber, String villageCode, String permitType, LocalDate permitUntil, List<String> cells) {

		Refusal refused(String reasonKey, String argument) {
			return new Refusal(rowNumber, reasonKey, argument, cells);
		}
	}

	/** A row that is not taken, with the reason as a message key and its argument, and the cells as they came. */
	record Refusal(int rowNumber, String reasonKey, String argument, List<String> cells) {
	}

	/** Either a row or a refusal: exactly one is non-null. */
	record Result(Row row, Refusal refusal) {
	}

	/** What a row is checked against: reference data, and today for birth dates. */
	record Checks(Function<String, String> nationalities, Predicate<String> villages, Predicate<String> permitTypes,
			LocalDate today) {
	}

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

	private final Map<Column, Integer> columns;
	private final Checks checks;

	PersonListRows(Map<Column, Integer> columns, Checks checks) {
		this.columns = new EnumMap<>(columns);
		this.checks = checks;
	}

	static Map<Column, Integer> columnsOf(List<String> header) {
		return HeaderNames.columns(header, Column.class, column -> column.headers);
	}

	/** The header name of each required column the header does not have. */
	static List<String> missing(Map<Column, Integer> columns) {
		return Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c)).map(Column::header)
				.toList();
	}

	Result read(int rowNumber, List<String> cells) {
		try {
			for (Column column : Column.values()) {
				cell(cells, column);
			}
			String externalId = cell(cells, Column.ID);
			if (externalId.length() > 100) {
				throw new Refused("import.row.tooLong", Column.ID.header());
			}
			String name = cell(cells, Column.FULL_NAME).replaceAll("\\s+", " ");
			if (name.isEmpty()) {
				throw new Refused("import.row.required", Column.FULL_NAME.header());
			}
			if (name.length() > 200) {
				throw new Refused("import.row.tooLong", Column.FULL_NAME.header());
			}
			if (NameNormalizer.normalize(name).sortedKey().isEmpty()) {
				throw new Refused("import.row.name", name);
			}
			Sex sex = sex(cell(cells, Column.SEX));
			BirthDate birth;
			try {
				birth = BirthDate.parse(cell(cells, Column.BIRTH_DATE), checks.today());
			}
			catch (IllegalArgumentException e) {
				throw new Refused("personList.row.birthDate", cell(cells, Column.BIRTH_DATE));
			}
			String nationalityText = cell(cells, Column.NATIONALITY);
			String nationality = null;
			if (!nationalityText.isEmpty()) {
				nationality = checks.nationalities().apply(nationalityText);
				if (nationality == null) {
					throw new Refused("import.row.nationality", nationalityText);
				}
			}
			String document = cell(cells, Column.DOCUMENT_NUMBER);
			if (document.length() > 40) {
				throw new Refused("import.row.tooLong", Column.DOCUMENT_NUMBER.header());
			}
			String village = cell(cells, Column.VILLAGE_CODE);
			if (!village.isEmpty() && !checks.villages().test(village)) {
				throw new Refused("personList.row.village", village);
			}
			String permitType = cell(cells, Column.PERMIT_TYPE).toUpperCase(Locale.ROOT);
			if (!permitType.isEmpty() && !checks.permitTypes().test(permitType)) {
				throw new Refused("personList.row.permitType", cell(cells, Column.PERMIT_TYPE));
			}
			String untilText = cell(cells, Column.PERMIT_UNTIL);
			LocalDate until = untilText.isEmpty() ? null : date(untilText);
			if (until != null && permitType.isEmpty()) {
				throw new Refused("personList.row.permitTypeMissing", untilText);
			}
			return new Result(new Row(rowNumber, blankToNull(externalId), name, sex, birth, nationality,
					blankToNull(document), blankToNull(village), blankToNull(permitType), until, asRead(cells)), null);
		}
		catch (Refused refused) {
			return new Result(null, new Refusal(rowNumber, refused.key, refused.argument, asRead(cells)));
		}
	}

	/** A second row with an id already used in the list is refused: the id is meant to name one person. */
	static List<Result> refuseDuplicateIds(List<Result> results) {
		Map<String, Integer> seen = new java.util.HashMap<>();
		List<Result> checked = new ArrayList<>(results.size());
		for (Result result : results) {
			Row row = result.row();
			Integer first = row == null || row.externalId() == null ? null
					: seen.putIfAbsent(row.externalId(), row.rowNumber());
			checked.add(first == null ? result
					: new Result(null, row.refused("personList.row.duplicateId", row.externalId() + " (" + first + ")")));
		}
		return checked;
	}

	private String cell(List<String> cells, Column column) {
		Integer index = columns.get(column);
		if (index == null || index >= cells.size()) {
			return "";
		}
		String value = cells.get(index) == null ? "" : cells.get(index).strip();
		if (Csv.isFormula(value)) {
			throw new Refused("import.row.formula", column.header());
		}
		return value;
	}

	private static Sex sex(String value) {
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "" -> null;
			case "M", "L" -> Sex.M;
			case "F", "P" -> Sex.F;
			default -> throw new Refused("personList.row.sex", value);
		};
	}

	/** {@code yyyy-mm-dd} or {@code dd-mm-yyyy} (also with / or .). */
	private static LocalDate date(String text) {
		try {
			Matcher day = DAY_MONTH_YEAR.matcher(text);
			if (day.matches()) {
				return LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
						Integer.parseInt(day.group(1)));
			}
			return LocalDate.parse(text);
		}
		catch (DateTimeException | NumberFormatException e) {
			throw new Refused("personList.row.permitUntil", text);
		}
	}

	private static List<String> asRead(List<String> cells) {
		return cells.stream().map(c -> c == null ? "" : c).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static final class Refused extends RuntimeException {

		private final String key;
		private final String argument;

		Refused(String key, String argument) {
			super(key, null, false, false);
			this.key = key;
			this.argument = argument;
		}
	}
}
