package id.pantau.registry.mrz;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a machine-readable zone from field values, independently of the parser (its own check digit and layout),
 * so that tests can read back what they wrote.
 */
final class ZoneBuilder {

	enum Format {

		TD1(30, 3), TD2(31, 2), TD3(39, 2);

		/** Room for the name field. */
		final int nameWidth;

		final int lines;

		Format(int nameWidth, int lines) {
			this.nameWidth = nameWidth;
			this.lines = lines;
		}
	}

	/**
	 * One document's values as the parser should give them back.
	 *
	 * @param personalInSecondField TD1 only: put the personal number in optional data 2 instead of 1
	 * @param fillerCheckDigit      TD3 only: write {@code <} rather than {@code 0} as the check digit of an empty
	 *                              personal number
	 */
	record Document(Format format, String documentCode, String issuingState, String lastName, String firstName,
			String documentNumber, String nationality, LocalDate birthDate, String sex, LocalDate expiryDate,
			String personalNumber, boolean personalInSecondField, boolean fillerCheckDigit) {

		String nameField() {
			String name = lastName.replace(' ', '<');
			return firstName == null ? name : name + "<<" + firstName.replace(' ', '<');
		}

		MrzResult expected() {
			return new MrzResult(documentCode, issuingState, lastName, firstName, documentNumber, nationality,
					birthDate, sex, expiryDate, personalNumber, true, List.of());
		}

		String text() {
			return String.join("\n", lines());
		}

		List<String> lines() {
			return switch (format) {
				case TD3 -> td3(this);
				case TD2 -> td2(this);
				case TD1 -> td1(this);
			};
		}
	}

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	private ZoneBuilder() {
	}

	static int checkDigit(String characters) {
		int[] weights = { 7, 3, 1 };
		int sum = 0;
		for (int i = 0; i < characters.length(); i++) {
			char c = characters.charAt(i);
			int value = c == '<' ? 0 : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not an MRZ character: " + c);
			}
			sum += value * weights[i % 3];
		}
		return sum % 10;
	}

	static String pad(String value, int width) {
		String text = value == null ? "" : value;
		if (text.length() > width) {
			throw new IllegalArgumentException(text + " is longer than " + width);
		}
		return text + "<".repeat(width - text.length());
	}

	private static String date(LocalDate date) {
		String yymmdd = YYMMDD.format(date);
		return yymmdd + checkDigit(yymmdd);
	}

	private static char sex(String sex) {
		return sex.equals("X") ? '<' : sex.charAt(0);
	}

	/** The document number field and its check digit, or for a long one its first 9 characters and a filler. */
	private static String numberField(String number) {
		return number.length() <= 9 ? pad(number, 9) + checkDigit(pad(number, 9)) : number.substring(0, 9) + "<";
	}

	/** The optional data field: a long document number's rest and check digit come first. */
	private static String optionalField(String number, String data, int width) {
		if (number.length() <= 9) {
			return pad(data, width);
		}
		String overflow = number.substring(9) + checkDigit(number);
		return pad(data == null ? overflow : overflow + "<" + data.replace(' ', '<'), width);
	}

	private static List<String> td3(Document d) {
		String first = pad(d.documentCode(), 2) + pad(d.issuingState(), 3) + pad(d.nameField(), 39);
		String personal = pad(d.personalNumber(), 14);
		String personalCheck = d.personalNumber() == null && d.fillerCheckDigit() ? "<"
				: String.valueOf(checkDigit(personal));
		String second = numberField(d.documentNumber()) + pad(d.nationality(), 3) + date(d.birthDate())
				+ sex(d.sex()) + date(d.expiryDate()) + personal + personalCheck;
		second += checkDigit(second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 43));
		return List.of(first, second);
	}

	private static List<String> td2(Document d) {
		String first = pad(d.documentCode(), 2) + pad(d.issuingState(), 3) + pad(d.nameField(), 31);
		String second = numberField(d.documentNumber()) + pad(d.nationality(), 3) + date(d.birthDate())
				+ sex(d.sex()) + date(d.expiryDate()) + optionalField(d.documentNumber(), d.personalNumber(), 7);
		second += checkDigit(second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 35));
		return List.of(first, second);
	}

	private static List<String> td1(Document d) {
		String optional1 = d.personalInSecondField() ? null : d.personalNumber();
		String optional2 = d.personalInSecondField() ? d.personalNumber() : null;
		String first = pad(d.documentCode(), 2) + pad(d.issuingState(), 3) + numberField(d.documentNumber())
				+ optionalField(d.documentNumber(), optional1, 15);
		String second = date(d.birthDate()) + sex(d.sex()) + date(d.expiryDate()) + pad(d.nationality(), 3)
				+ pad(optional2, 11);
		second += checkDigit(first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
				+ second.substring(18, 29));
		List<String> lines = new ArrayList<>(List.of(first, second));
		lines.add(pad(d.nameField(), 30));
		return lines;
	}
}
