package id.pantau.crossings.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import id.pantau.crossings.Direction;
import id.pantau.platform.tables.Csv;
import id.pantau.registry.names.DocumentNumbers;
import id.pantau.registry.names.NameNormalizer;

/**
 * Reads the rows of a crossing file into {@link CrossingRow}s, or says why a row is refused. Nationalities come in any
 * common form and are stored as ISO alpha-3; times without a zone are taken as local time at the port (WIT by
 * default); document numbers and names get the keys matching uses. A port or a permit type that is not known is no
 * reason to refuse a row: it is kept as written, and the row says it is not known.
 */
public final class CrossingRows {

	private static final Pattern DATE_TIME = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T]\\d{1,2}[:.]\\d{2}([:.]\\d{2}(\\.\\d+)?)?)?([zZ]|[+-]\\d{2}:?\\d{2})?");
	private static final DateTimeFormatter[] LOCAL_FORMATS = {
			strict("uuuu-M-d H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"),
			strict("uuuu-M-d'T'H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"),
			strict("d/M/uuuu H:mm[:ss]"), strict("d-M-uuuu H:mm[:ss]"),
			strict("d.M.uuuu H:mm[:ss]"), strict("d/M/uuuu H.mm[.ss]") };
	private static final DateTimeFormatter[] DATE_FORMATS = { strict("uuuu-M-d"),
			strict("d/M/uuuu"), strict("d-M-uuuu"),
			strict("d.M.uuuu") };
	// Compiled once: String.matches and replaceAll compile their pattern on every call, that is on every row.
	private static final Pattern ZONE_SUFFIX = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");
	private static final Pattern ZONE_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private final Map<CrossingColumn, Integer> columns;
	private final Function<String, String> nationalities;
	private final Function<String, String> ports;
	private final Function<String, String> permits;
	private final ZoneId localZone;
	private final LocalDate today;

	/**
	 * @param columns where each column is in a row
	 * @param nationalities a nationality as written to its alpha-3 code, or null when unknown
	 * @param ports a written port's {@link WrittenValues#key key} to the known port's code, or null when not known
	 * @param permits a written permit type's {@link WrittenValues#key key} to the known type's code, or null
	 */
	public CrossingRows(Map<CrossingColumn, Integer> columns, Function<String, String> nationalities,
			Function<String, String> ports, Function<String, String> permits, ZoneId localZone, LocalDate today) {
		this.columns = new EnumMap<>(columns);
		this.nationalities = nationalities;
		this.ports = ports;
		this.permits = permits;
		this.localZone = localZone;
		this.today = today;
	}

	/** The columns a header row names; columns it does not name are absent. */
	public static Map<CrossingColumn, Integer> columnsOf(List<String> header) {
		Map<CrossingColumn, Integer> columns = new EnumMap<>(CrossingColumn.class);
		for (int i = 0; i < header.size(); i++) {
			int index = i;
			CrossingColumn.of(header.get(i)).ifPresent(column -> columns.putIfAbsent(column, index));
		}
		return columns;
	}

	/** Either a row or a problem: exactly one of the two is non-null. */
	public record Result(CrossingRow row, RowProblem problem) {
	}

	public Result read(int rowNumber, List<String> cells) {
		try {
			Direction direction = direction(cell(cells, CrossingColumn.DIRECTION));
			Instant crossedAt = instant(cell(cells, CrossingColumn.CROSSED_AT));
			String port = required(cells, CrossingColumn.PORT, 60);
			String portKey = WrittenValues.key(port);
			String portCode = ports.apply(portKey);
			String document = DocumentNumbers.normalize(required(cells, CrossingColumn.DOCUMENT_NUMBER, 40));
			if (document.isEmpty()) {
				throw new Refused("import.row.required", "nomor_dokumen");
			}
			String nationalityText = required(cells, CrossingColumn.NATIONALITY, 60);
			String nationality = nationalities.apply(nationalityText);
			if (nationality == null) {
				throw new Refused("import.row.nationality", nationalityText);
			}
			String name = singleSpaced(required(cells, CrossingColumn.FULL_NAME, 200));
			String nameKey = NameNormalizer.normalize(name).sortedKey();
			if (nameKey.isEmpty()) {
				throw new Refused("import.row.name", name);
			}
			LocalDate birthDate = null;
			Integer birthYear = null;
			String birth = cell(cells, CrossingColumn.BIRTH_DATE);
			if (!birth.isEmpty()) {
				if (YEAR.matcher(birth).matches()) {
					birthYear = Integer.parseInt(birth);
				}
				else {
					birthDate = date(birth, "tanggal_lahir");
					birthYear = birthDate.getYear();
				}
				if (birthYear < 1880 || birthYear > today.getYear()) {
					throw new Refused("import.row.birthDate", birth);
				}
			}
			String stay = cell(cells, CrossingColumn.STAY_UNTIL);
			String permit = optional(cells, CrossingColumn.PERMIT_TYPE, 40);
			String permitCode = permit == null ? null : permits.apply(WrittenValues.key(permit));
			return new Result(new CrossingRow(rowNumber, direction, crossedAt,
					portCode != null ? portCode : portKey, port, portCode != null, document,
					DocumentNumbers.searchKey(document), nationality, name, nameKey, birthDate, birthYear,
					sex(cell(cells, CrossingColumn.SEX)), permitCode != null ? permitCode : permit, permit,
					permit == null || permitCode != null, stay.isEmpty() ? null : date(stay, "izin_berlaku_sampai"),
					optional(cells, CrossingColumn.TRANSPORT, 120)), null);
		}
		catch (Refused refused) {
			return new Result(null, new RowProblem(rowNumber, refused.key, shortened(refused.argument, MAX_ARGUMENT),
					Csv.safeLine(cells.stream().map(cell -> shortened(cell, MAX_KEPT_CELL)).toList())));
		}
	}

	/**
	 * A refused row is kept to be shown and fixed: a cell longer than any real one ({@value #MAX_KEPT_CELL}
	 * characters, five times the longest column) is kept cut, and a value named in the reason at most
	 * {@value #MAX_ARGUMENT} characters, so that a hostile row cannot fill the database (issue 16).
	 */
	static final int MAX_KEPT_CELL = 1_000;
	static final int MAX_ARGUMENT = 100;

	private static String shortened(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
	}

	private String cell(List<String> cells, CrossingColumn column) {
		Integer index = columns.get(column);
		if (index == null || index >= cells.size()) {
			return "";
		}
		String value = cells.get(index).strip();
		// "=" begins a formula whatever follows (=1+cmd|...); "+" and "@" only before a letter, as "+62..." is a phone
		if (value.length() > 1 && (value.charAt(0) == '='
				|| ("+@".indexOf(value.charAt(0)) >= 0 && !Character.isDigit(value.charAt(1))))) {
			throw new Refused("import.row.formula", column.headers().get(0));
		}
		return value;
	}

	private String required(List<String> cells, CrossingColumn column, int max) {
		String value = cell(cells, column);
		if (value.isEmpty()) {
			throw new Refused("import.row.required", column.headers().get(0));
		}
		if (value.length() > max) {
			throw new Refused("import.row.tooLong", column.headers().get(0));
		}
		return value;
	}

	private String optional(List<String> cells, CrossingColumn column, int max) {
		String value = cell(cells, column);
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > max) {
			throw new Refused("import.row.tooLong", column.headers().get(0));
		}
		return value;
	}

	private static Direction direction(String value) {
		return switch (value.strip().toUpperCase(Locale.ROOT)) {
			case "ENTRY", "MASUK", "KEDATANGAN", "DATANG", "IN", "ARRIVAL", "M", "I", "A" -> Direction.ENTRY;
			case "EXIT", "KELUAR", "KEBERANGKATAN", "BERANGKAT", "OUT", "DEPARTURE", "K", "O", "D" -> Direction.EXIT;
			default -> throw new Refused(value.isBlank() ? "import.row.required" : "import.row.direction",
					value.isBlank() ? "arah" : value);
		};
	}

	private Instant instant(String value) {
		if (value.isEmpty()) {
			throw new Refused("import.row.required", "waktu");
		}
		LocalDateTime usual = usualDateTime(value);
		if (usual != null) {
			return usual.atZone(localZone).toInstant();
		}
		if (!DATE_TIME.matcher(value).matches()) {
			throw new Refused("import.row.dateTime", value);
		}
		try {
			if (value.endsWith("Z") || value.endsWith("z") || ZONE_SUFFIX.matcher(value).matches()) {
				return OffsetDateTime.parse(ZONE_WITHOUT_COLON.matcher(value.replace(' ', 'T')).replaceAll("$1:$2"))
						.toInstant();
			}
		}
		catch (DateTimeParseException e) {
			throw new Refused("import.row.dateTime", value);
		}
		for (DateTimeFormatter format : LOCAL_FORMATS) {
			try {
				return LocalDateTime.parse(value, format).atZone(localZone).toInstant();
			}
			catch (DateTimeParseException next) {
				// try the next layout
			}
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(value, format).atStartOfDay(localZone).toInstant();
			}
			catch (DateTimeParseException next) {
				// try the next layout
			}
		}
		throw new Refused("import.row.dateTime", value);
	}

	private static LocalDate date(String value, String column) {
		String datePart = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value;
		if (datePart.length() == 10) {
			LocalDate usual = usualDate(datePart);
			if (usual != null) {
				return usual;
			}
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(datePart, format);
			}
			catch (DateTimeParseException next) {
				// try the next layout
			}
		}
		throw new Refused("import.row.date", column + ": " + value);
	}

	/** A layout that refuses a day the month does not have (2025-02-30), where the default would make it the 28th. */
	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

	/**
	 * The layouts exports use nearly always, read without a {@link DateTimeFormatter} (which costs more than the rest
	 * of the row): {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm} and {@code yyyy-MM-dd HH:mm:ss}, with a space or a
	 * {@code T}, every field with all its digits and within range. Null for anything else, which then goes through the
	 * formatters as before; so this changes no result, only the time it takes.
	 */
	static LocalDateTime usualDateTime(String value) {
		int length = value.length();
		if (length != 10 && length != 16 && length != 19) {
			return null;
		}
		LocalDate date = usualDate(value);
		if (date == null) {
			return null;
		}
		if (length == 10) {
			return date.atStartOfDay();
		}
		char separator = value.charAt(10);
		if ((separator != ' ' && separator != 'T') || value.charAt(13) != ':') {
			return null;
		}
		int hour = digits(value, 11);
		int minute = digits(value, 14);
		int second = 0;
		if (length == 19) {
			if (value.charAt(16) != ':') {
				return null;
			}
			second = digits(value, 17);
		}
		if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		return date.atTime(hour, minute, second);
	}

	/** {@code yyyy-MM-dd} at the start of {@code value}, a real day of a year from 1000 on; else null. */
	static LocalDate usualDate(String value) {
		if (value.length() < 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			return null;
		}
		int high = digits(value, 0);
		int low = digits(value, 2);
		int month = digits(value, 5);
		int day = digits(value, 8);
		if (high < 10 || low < 0 || month < 1 || month > 12 || day < 1) {
			return null;
		}
		int year = high * 100 + low;
		if (day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** The two ASCII digits at {@code at} as a number, or -1. */
	private static int digits(String value, int at) {
		char tens = value.charAt(at);
		char units = value.charAt(at + 1);
		if (tens < '0' || tens > '9' || units < '0' || units > '9') {
			return -1;
		}
		return (tens - '0') * 10 + (units - '0');
	}

	/** Runs of whitespace as one space, as {@code replaceAll("\\s+", " ")} does, without a copy when there are none. */
	private static String singleSpaced(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
					|| (c == ' ' && i + 1 < value.length() && Character.isWhitespace(value.charAt(i + 1)))) {
				return WHITESPACE.matcher(value).replaceAll(" ");
			}
		}
		return value;
	}

	private static String sex(String value) {
		return switch (value.strip().toUpperCase(Locale.ROOT)) {
			case "" -> null;
			case "M", "L", "LAKI-LAKI", "LAKI", "PRIA", "MALE" -> "M";
			case "F", "P", "PEREMPUAN", "WANITA", "FEMALE", "W" -> "F";
			case "X" -> "X";
			default -> throw new Refused("import.row.sex", value);
		};
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
