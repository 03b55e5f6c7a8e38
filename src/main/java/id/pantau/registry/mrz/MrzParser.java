package id.pantau.registry.mrz;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the machine-readable zone of ICAO Doc 9303 travel documents as a person pastes it or a scanner types it:
 * TD3 passports and MRV-A visas (2 lines of 44), TD2 cards and MRV-B visas (2 lines of 36), TD1 identity cards
 * (3 lines of 30). The text may have blank lines, surrounding and inner spaces, lowercase letters, {@code «} or
 * {@code ‹} for the filler {@code <}, and may even come as one line of 88, 72 or 90 characters.
 * <p>
 * A failing check digit is reported in the result, never thrown; only text that is not a zone at all is refused
 * with a {@link NotAnMrzException}. Stateless and thread-safe.
 */
public final class MrzParser {

	private static final String EXPECTED = "diharapkan 2 baris 44 karakter (paspor), 2 baris 36 atau 3 baris 30 karakter (kartu)";

	private static final char FILLER = '<';

	private MrzParser() {
	}

	/** Reads {@code text} with today's date of the system clock deciding the century of two-digit years. */
	public static MrzResult parse(String text) {
		return parse(text, Clock.systemDefaultZone());
	}

	public static MrzResult parse(String text, Clock clock) {
		return parse(text, LocalDate.now(clock));
	}

	/**
	 * @param today decides the century of the dates: a birth date is the latest one not after today, an expiry date
	 *              the earliest one not before 2000 nor before 50 years ago (so within 50 years of today until 2050)
	 * @throws NotAnMrzException when the text has not the shape of a machine-readable zone
	 */
	public static MrzResult parse(String text, LocalDate today) {
		Objects.requireNonNull(today, "today");
		List<String> lines = lines(text);
		return lines.size() == 3 ? td1(lines.get(0), lines.get(1), lines.get(2), today)
				: twoLines(lines.get(0), lines.get(1), today);
	}

	/** The zone's lines, upper case, without spaces; refused unless they are 2 x 44, 2 x 36 or 3 x 30. */
	static List<String> lines(String text) {
		if (text == null || text.isBlank()) {
			throw new NotAnMrzException("Bukan MRZ: teksnya kosong; " + EXPECTED + ".");
		}
		List<String> lines = normalise(text, "<");
		if (!hasShape(lines) && text.indexOf('«') >= 0) {
			// some scanners write one guillemet for the two chevrons it looks like
			List<String> doubled = normalise(text, "<<");
			if (hasShape(doubled)) {
				lines = doubled;
			}
		}
		if (!hasShape(lines)) {
			throw new NotAnMrzException("Bukan MRZ: " + EXPECTED + "; yang diterima " + describe(lines) + ".");
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			for (int j = 0; j < line.length(); j++) {
				char c = line.charAt(j);
				if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == FILLER)) {
					throw new NotAnMrzException("Bukan MRZ: baris " + (i + 1) + " berisi " + describe(line, j)
							+ ", padahal MRZ hanya memakai huruf A-Z, angka 0-9 dan tanda <.");
				}
			}
		}
		char code = lines.get(0).charAt(0);
		if (code < 'A' || code > 'Z') {
			throw new NotAnMrzException("Bukan MRZ: baris pertama harus diawali kode dokumen berupa huruf "
					+ "(P untuk paspor, I, A atau C untuk kartu, V untuk visa).");
		}
		return lines;
	}

	private static List<String> normalise(String text, String guillemet) {
		List<String> lines = new ArrayList<>();
		for (String raw : text.toUpperCase(Locale.ROOT).split("\\R")) {
			StringBuilder line = new StringBuilder(raw.length());
			raw.codePoints().forEach(c -> {
				if (c == '«') {
					line.append(guillemet);
				}
				else if (c == '‹') {
					line.append(FILLER);
				}
				else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
					line.appendCodePoint(c);
				}
			});
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
		}
		if (lines.size() == 1) {
			// the line breaks were lost on the way (a PDF, a chat message): split where they must have been
			String only = lines.get(0);
			int width = switch (only.length()) {
				case 88 -> 44;
				case 72 -> 36;
				case 90 -> 30;
				default -> 0;
			};
			if (width > 0) {
				lines.clear();
				for (int start = 0; start < only.length(); start += width) {
					lines.add(only.substring(start, start + width));
				}
			}
		}
		return lines;
	}

	private static boolean hasShape(List<String> lines) {
		int width = lines.size() == 2 ? lines.get(0).length() : lines.size() == 3 ? 30 : -1;
		boolean knownWidth = lines.size() == 2 ? width == 44 || width == 36 : width == 30;
		return knownWidth && lines.stream().allMatch(line -> line.length() == width);
	}

	private static String describe(List<String> lines) {
		if (lines.size() > 3) {
			return lines.size() + " baris";
		}
		List<String> lengths = lines.stream().map(line -> String.valueOf(line.length())).toList();
		String joined = lengths.size() == 1 ? lengths.get(0)
				: String.join(", ", lengths.subList(0, lengths.size() - 1)) + " dan " + lengths.get(lengths.size() - 1);
		return lines.size() + " baris (" + joined + " karakter)";
	}

	private static String describe(String line, int index) {
		int c = line.codePointAt(index);
		String code = String.format("U+%04X", c);
		return Character.isISOControl(c) || !Character.isDefined(c) ? "karakter " + code
				: "karakter '" + new String(Character.toChars(c)) + "' (" + code + ")";
	}

	/** TD3 passports, MRV-A visas (44), TD2 cards and MRV-B visas (36): names on the first line, the rest below. */
	private static MrzResult twoLines(String first, String second, LocalDate today) {
		boolean passport = first.length() == 44;
		boolean visa = first.charAt(0) == 'V';
		Fields fields = new Fields(first, second, today);
		fields.names(first.substring(5));
		fields.nationality = trimFillers(second.substring(10, 13));
		fields.birthDate(second.substring(13, 19), second.charAt(19));
		fields.sex(second.charAt(20));
		fields.expiryDate(second.substring(21, 27), second.charAt(27));
		if (visa) {
			// MRV-A and MRV-B have neither a composite nor an optional data check digit
			fields.documentNumber(second.substring(0, 9), second.charAt(9), null);
			fields.personalNumber = text(second.substring(28));
		}
		else if (passport) {
			fields.documentNumber(second.substring(0, 9), second.charAt(9), null);
			String personalNumber = second.substring(28, 42);
			char checkDigit = second.charAt(42);
			fields.personalNumber = text(personalNumber);
			// Part 4: a personal number field of only fillers may have 0 or < as its check digit
			fields.personalNumberValid = CheckDigit.holds(personalNumber, checkDigit)
					|| checkDigit == FILLER && fields.personalNumber == null;
			fields.composite(second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 43),
					second.charAt(43));
		}
		else {
			String optional = fields.documentNumber(second.substring(0, 9), second.charAt(9), second.substring(28, 35));
			fields.personalNumber = text(optional);
			fields.composite(second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 35),
					second.charAt(35));
		}
		return fields.result();
	}

	/** TD1 identity cards: document number and optional data, then dates, then names. */
	private static MrzResult td1(String first, String second, String third, LocalDate today) {
		Fields fields = new Fields(first, second, today);
		String optional1 = fields.documentNumber(first.substring(5, 14), first.charAt(14), first.substring(15, 30));
		fields.birthDate(second.substring(0, 6), second.charAt(6));
		fields.sex(second.charAt(7));
		fields.expiryDate(second.substring(8, 14), second.charAt(14));
		fields.nationality = trimFillers(second.substring(15, 18));
		List<String> optional = new ArrayList<>(2);
		for (String data : List.of(optional1, second.substring(18, 29))) {
			String value = text(data);
			if (value != null) {
				optional.add(value);
			}
		}
		fields.personalNumber = optional.isEmpty() ? null : String.join(" ", optional);
		fields.composite(first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
				+ second.substring(18, 29), second.charAt(29));
		fields.names(third);
		return fields.result();
	}

	/** The fields of one zone as they are read, with the outcome of each check. */
	private static final class Fields {

		private final LocalDate today;

		private final String documentCode;

		private final String issuingState;

		private String lastName;

		private String firstName;

		private String documentNumber;

		private boolean documentNumberValid;

		private String nationality;

		private LocalDate birthDate;

		private boolean birthDateValid;

		private String sex;

		private LocalDate expiryDate;

		private boolean expiryDateValid;

		private String personalNumber;

		private boolean personalNumberValid = true;

		private boolean compositeValid = true;

		Fields(String first, String second, LocalDate today) {
			this.today = today;
			this.documentCode = trimFillers(first.substring(0, 2));
			this.issuingState = trimFillers(first.substring(2, 5));
		}

		/** Primary identifier before the first {@code <<}, secondary after it; single fillers separate words. */
		void names(String field) {
			String name = stripTrailingFillers(field);
			int separator = name.indexOf("<<");
			this.lastName = words(separator < 0 ? name : name.substring(0, separator));
			this.firstName = separator < 0 ? null : words(name.substring(separator + 2));
		}

		/**
		 * Reads a document number and its check digit. A filler in place of the check digit means the number goes on
		 * in the optional data (TD1, TD2): up to the next filler, its last character being the check digit.
		 *
		 * @param optional the optional data field that may hold the rest, {@code null} where the format has none
		 * @return the optional data that follows the document number
		 */
		String documentNumber(String principal, char checkDigit, String optional) {
			if (checkDigit == FILLER && optional != null && !optional.isEmpty() && optional.charAt(0) != FILLER) {
				int filler = optional.indexOf(FILLER);
				int end = filler < 0 ? optional.length() : filler;
				String rest = optional.substring(0, end - 1);
				char digit = optional.charAt(end - 1);
				// Doc 9303 computes it over the whole number; some issuers count the filler between the parts too
				this.documentNumberValid = CheckDigit.holds(principal + rest, digit)
						|| CheckDigit.holds(principal + FILLER + rest, digit);
				this.documentNumber = withoutFillers(principal + rest);
				return end < optional.length() ? optional.substring(end + 1) : "";
			}
			this.documentNumberValid = CheckDigit.holds(principal, checkDigit);
			this.documentNumber = withoutFillers(principal);
			return optional;
		}

		void birthDate(String yymmdd, char checkDigit) {
			this.birthDate = date(yymmdd, false);
			this.birthDateValid = this.birthDate != null && CheckDigit.holds(yymmdd, checkDigit);
		}

		void expiryDate(String yymmdd, char checkDigit) {
			this.expiryDate = date(yymmdd, true);
			this.expiryDateValid = this.expiryDate != null && CheckDigit.holds(yymmdd, checkDigit);
		}

		void sex(char sex) {
			this.sex = switch (sex) {
				case 'M' -> "M";
				case 'F' -> "F";
				case FILLER, 'X' -> "X";
				default -> null;
			};
		}

		void composite(String characters, char checkDigit) {
			this.compositeValid = CheckDigit.holds(characters, checkDigit);
		}

		private LocalDate date(String yymmdd, boolean expiry) {
			for (int i = 0; i < yymmdd.length(); i++) {
				if (yymmdd.charAt(i) < '0' || yymmdd.charAt(i) > '9') {
					return null;
				}
			}
			int yy = Integer.parseInt(yymmdd, 0, 2, 10);
			int month = Integer.parseInt(yymmdd, 2, 4, 10);
			int day = Integer.parseInt(yymmdd, 4, 6, 10);
			int year;
			if (expiry) {
				int earliest = Math.max(2000, this.today.getYear() - 50);
				year = earliest + Math.floorMod(yy - earliest, 100);
			}
			else {
				year = this.today.getYear() / 100 * 100 + yy;
				if (year * 10000 + month * 100 + day > this.today.getYear() * 10000 + this.today.getMonthValue() * 100
						+ this.today.getDayOfMonth()) {
					year -= 100;
				}
			}
			try {
				return LocalDate.of(year, month, day);
			}
			catch (DateTimeException noSuchDay) {
				return null;
			}
		}

		MrzResult result() {
			List<String> invalid = new ArrayList<>(5);
			if (!this.documentNumberValid) {
				invalid.add(MrzResult.DOCUMENT_NUMBER);
			}
			if (!this.birthDateValid) {
				invalid.add(MrzResult.BIRTH_DATE);
			}
			if (!this.expiryDateValid) {
				invalid.add(MrzResult.EXPIRY_DATE);
			}
			if (!this.personalNumberValid) {
				invalid.add(MrzResult.PERSONAL_NUMBER);
			}
			if (!this.compositeValid) {
				invalid.add(MrzResult.COMPOSITE);
			}
			return new MrzResult(this.documentCode, this.issuingState, this.lastName, this.firstName,
					this.documentNumber, this.nationality, this.birthDate, this.sex, this.expiryDate, this.personalNumber,
					invalid.isEmpty(), invalid);
		}
	}

	private static String stripTrailingFillers(String field) {
		int end = field.length();
		while (end > 0 && field.charAt(end - 1) == FILLER) {
			end--;
		}
		return field.substring(0, end);
	}

	/** Codes and states: {@code D<<} is {@code D}, only fillers is nothing. */
	private static String trimFillers(String field) {
		int start = 0;
		while (start < field.length() && field.charAt(start) == FILLER) {
			start++;
		}
		String value = stripTrailingFillers(field.substring(start));
		return value.isEmpty() ? null : value;
	}

	/** Optional data: fillers around it removed, fillers inside it become spaces. */
	private static String text(String field) {
		String value = trimFillers(field);
		return value == null ? null : value.replace(FILLER, ' ');
	}

	private static String words(String field) {
		String value = field.replace(FILLER, ' ').trim().replaceAll(" {2,}", " ");
		return value.isEmpty() ? null : value;
	}

	private static String withoutFillers(String field) {
		String value = field.replace(String.valueOf(FILLER), "");
		return value.isEmpty() ? null : value;
	}
}
