package id.pantau.reference.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the small, well-formed RFC 4180 files of reference data (quoted fields, doubled quotes) into header maps. */
final class Csv {

	private Csv() {
	}

	static List<Map<String, String>> read(BufferedReader reader) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		List<String> header = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = split(line.startsWith("\uFEFF") ? line.substring(1) : line);
			if (header == null) {
				header = fields;
				continue;
			}
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
			}
			rows.add(row);
		}
		return rows;
	}

	static List<String> split(String line) {
		return id.pantau.platform.tables.Csv.fields(line).stream().map(String::trim).toList();
	}
}
