package id.pantau.matching.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.platform.tables.DelimitedRows;
import id.pantau.platform.tables.HeaderNames;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.registry.BirthDate;

/**
 * Reads the input files of {@code link}: header {@code id,full_name,sex,birth_date,nationality,document_number} (in any
 * order, case and spacing ignored, other columns ignored), UTF-8 or Windows-1252, commas or semicolons.
 */
final class LinkageCsv {

	static final List<String> COLUMNS = List.of("id", "full_name", "sex", "birth_date", "nationality",
			"document_number");

	static final int MAX_ERRORS = 10;

	private LinkageCsv() {
	}

	/**
	 * Streams the rows to {@code chunks} in lists of {@code chunkSize}, and {@code rowsRead} the count now and then.
	 *
	 * @throws BadInput when the file is missing or unreadable, the header lacks a column, or rows are wrong (up to
	 * {@value #MAX_ERRORS} of them are named)
	 */
	static long read(Path file, int chunkSize, Consumer<List<LinkageRecord>> chunks, Consumer<Long> rowsRead)
			throws BadInput {
		String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
		if (!Files.isRegularFile(file)) {
			throw new BadInput("Berkas tidak ditemukan (file not found): " + file);
		}
		LocalDate today = LocalDate.now();
		List<String> errors = new ArrayList<>();
		long rows = 0;
		try (DelimitedRows source = DelimitedRows.open(file)) {
			List<String> header = source.next();
			if (header == null) {
				throw new BadInput(name + ": berkas kosong, tanpa kepala kolom (empty file). Diharapkan: "
						+ String.join(",", COLUMNS));
			}
			int[] at = columns(name, header);
			List<LinkageRecord> chunk = new ArrayList<>(chunkSize);
			List<String> row;
			long line = 1;
			while ((row = source.next()) != null) {
				line++;
				if (row.size() == 1 && row.get(0).isBlank()) {
					continue;
				}
				LinkageRecord record = record(name, line, row, header.size(), at, today, errors);
				if (errors.size() >= MAX_ERRORS) {
					break;
				}
				if (record != null && errors.isEmpty()) {
					chunk.add(record);
					rows++;
					if (chunk.size() == chunkSize) {
						chunks.accept(chunk);
						chunk = new ArrayList<>(chunkSize);
					}
					if ((rows & 0xFFFF) == 0) {
						rowsRead.accept(rows);
					}
				}
			}
			if (!errors.isEmpty()) {
				throw new BadInput(errors);
			}
			if (!chunk.isEmpty()) {
				chunks.accept(chunk);
			}
			rowsRead.accept(rows);
			return rows;
		}
		catch (UnreadableFile unreadable) {
			throw new BadInput(name + ": berkas tidak dapat dibaca sebagai CSV (unreadable file: "
					+ unreadable.messageKey() + (unreadable.argument() == null ? "" : " " + unreadable.argument())
					+ ")");
		}
		catch (NoSuchFileException missing) {
			throw new BadInput("Berkas tidak ditemukan (file not found): " + file);
		}
		catch (IOException io) {
			throw new BadInput(name + ": berkas tidak dapat dibaca (cannot read file): " + io.getMessage());
		}
	}

	/** Reads the whole file into a list. */
	static List<LinkageRecord> readAll(Path file) throws BadInput {
		List<LinkageRecord> all = new ArrayList<>();
		read(file, 10_000, all::addAll, rows -> {
		});
		return all;
	}

	private static int[] columns(String name, List<String> header) throws BadInput {
		List<String> keys = header.stream().map(HeaderNames::key).toList();
		int[] at = new int[COLUMNS.size()];
		List<String> missing = new ArrayList<>();
		for (int c = 0; c < COLUMNS.size(); c++) {
			at[c] = keys.indexOf(COLUMNS.get(c));
			if (at[c] < 0) {
				missing.add(COLUMNS.get(c));
			}
		}
		if (!missing.isEmpty()) {
			throw new BadInput(name + ": kepala kolom tidak sesuai (wrong header), kolom tidak ada: "
					+ String.join(", ", missing) + ". Diharapkan: " + String.join(",", COLUMNS));
		}
		return at;
	}

	private static LinkageRecord record(String name, long line, List<String> row, int width, int[] at,
			LocalDate today, List<String> errors) {
		String where = name + " baris " + line + ": ";
		if (row.size() != width) {
			errors.add(where + "ada " + row.size() + " kolom, diharapkan " + width + " (" + row.size() + " fields, expected "
					+ width + ")");
			return null;
		}
		String id = row.get(at[0]).trim();
		if (id.isEmpty()) {
			errors.add(where + "id kosong (empty id)");
			return null;
		}
		String sex = row.get(at[2]).trim().toUpperCase(Locale.ROOT);
		if (!sex.isEmpty() && !sex.equals("M") && !sex.equals("F")) {
			errors.add(where + "jenis kelamin '" + row.get(at[2]).trim() + "' tidak dikenal: M, F atau kosong (sex must"
					+ " be M, F or empty)");
			return null;
		}
		BirthDate birthDate;
		try {
			birthDate = BirthDate.parse(row.get(at[3]), today);
		}
		catch (IllegalArgumentException invalid) {
			errors.add(where + "tanggal lahir '" + row.get(at[3]).trim() + "' tidak valid: yyyy-mm-dd, yyyy atau kosong"
					+ " (birth_date must be yyyy-mm-dd, yyyy or empty, not in the future)");
			return null;
		}
		return new LinkageRecord(id, blankToNull(row.get(at[1])), sex.isEmpty() ? null : sex, birthDate,
				blankToNull(row.get(at[4])), blankToNull(row.get(at[5])));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
