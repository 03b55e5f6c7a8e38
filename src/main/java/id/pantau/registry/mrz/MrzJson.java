package id.pantau.registry.mrz;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes an {@link MrzResult} as one line of JSON: its components in declaration order, dates as
 * {@code yyyy-mm-dd}, {@code null} for absent values. Written by hand so that the command needs no JSON library
 * and no Spring; Jackson writes the record the same way (see the {@code JsonPropertyOrder} on it).
 */
public final class MrzJson {

	private MrzJson() {
	}

	public static String write(MrzResult result) {
		StringBuilder json = new StringBuilder(320).append('{');
		member(json, "documentCode", result.documentCode());
		member(json, "issuingState", result.issuingState());
		member(json, "lastName", result.lastName());
		member(json, "firstName", result.firstName());
		member(json, "documentNumber", result.documentNumber());
		member(json, "nationality", result.nationality());
		member(json, "birthDate", iso(result.birthDate()));
		member(json, "sex", result.sex());
		member(json, "expiryDate", iso(result.expiryDate()));
		member(json, "personalNumber", result.personalNumber());
		json.append(",\"valid\":").append(result.valid());
		json.append(",\"invalidFields\":[");
		List<String> invalid = result.invalidFields();
		for (int i = 0; i < invalid.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			string(json, invalid.get(i));
		}
		return json.append("]}").toString();
	}

	private static String iso(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static void member(StringBuilder json, String name, String value) {
		if (json.length() > 1) {
			json.append(',');
		}
		string(json, name);
		json.append(':');
		if (value == null) {
			json.append("null");
		}
		else {
			string(json, value);
		}
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}
}
