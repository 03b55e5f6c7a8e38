package id.pantau.crossings.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

import id.pantau.crossings.Direction;
import org.junit.jupiter.api.Test;

class CrossingRowsTests {

	private static final List<String> HEADER = List.of("Arah", "Waktu", "TPI", "Nomor Dokumen", "Kewarganegaraan",
			"Nama", "Tanggal Lahir", "Jenis Kelamin", "Jenis Izin", "Izin Berlaku Sampai", "Alat Angkut");
	private static final Map<String, String> COUNTRIES = Map.of("MMR", "MMR", "BURMA", "MMR", "THAILAND", "THA");

	private final CrossingRows rows = new CrossingRows(CrossingRows.columnsOf(HEADER),
			text -> COUNTRIES.get(text.toUpperCase()), port -> port.equals("PELABUHAN LAUT TUAL") ? "TUAL-LAUT" : null,
			permit -> Map.of("VOA", "VOA", "ITAS", "ITAS").get(permit), ZoneId.of("Asia/Jayapura"),
			LocalDate.of(2026, 11, 27));

	@Test
	void recognisesIndonesianAndEnglishHeadersWhateverTheirCase() {
		assertThat(CrossingRows.columnsOf(HEADER)).containsEntry(CrossingColumn.DOCUMENT_NUMBER, 3)
				.containsEntry(CrossingColumn.STAY_UNTIL, 9).hasSize(11);
		assertThat(CrossingRows.columnsOf(List.of("direction", "crossed_at", "port", "document_number", "nationality",
				"full_name"))).hasSize(6);
	}

	@Test
	void readsARowIntoANormalisedRecordWithLocalTimeAtThePort() {
		CrossingRow row = rows.read(2, List.of("Masuk", "2026-03-01 14:30", "Pelabuhan Laut Tual", "mb 123-456",
				"Burma", "U Kyaw  Min", "15-03-1979", "L", "voa", "2026-03-31", "KM Sirimau")).row();
		assertThat(row.direction()).isEqualTo(Direction.ENTRY);
		assertThat(row.crossedAt()).isEqualTo(Instant.parse("2026-03-01T05:30:00Z"));
		assertThat(row.portCode()).isEqualTo("TUAL-LAUT");
		assertThat(row.documentNumber()).isEqualTo("MB123456");
		assertThat(row.nationality()).isEqualTo("MMR");
		assertThat(row.fullName()).isEqualTo("U Kyaw Min");
		assertThat(row.nameKey()).isEqualTo("KYAW MIN");
		assertThat(row.birthDate()).isEqualTo(LocalDate.of(1979, 3, 15));
		assertThat(row.sex()).isEqualTo("M");
		assertThat(row.permitType()).isEqualTo("VOA");
		assertThat(row.stayUntil()).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void keepsAPortAndAPermitTypeItDoesNotKnowAsWrittenAndSaysTheyAreNotKnown() {
		CrossingRow row = rows.read(2, List.of("Masuk", "2026-03-01 14:30", " TPI  Tual ", "A1", "MMR", "AUNG",
				"", "", "ITK Awak Kapal", "", "")).row();
		assertThat(row.portCode()).as("the written port's key: part of the natural key").isEqualTo("TPI TUAL");
		assertThat(row.portWritten()).isEqualTo("TPI  Tual");
		assertThat(row.portKnown()).isFalse();
		assertThat(row.permitType()).isEqualTo("ITK Awak Kapal");
		assertThat(row.permitWritten()).isEqualTo("ITK Awak Kapal");
		assertThat(row.permitKnown()).isFalse();

		CrossingRow known = rows.read(3, List.of("Masuk", "2026-03-01 14:30", "pelabuhan laut\u00a0tual", "A1", "MMR",
				"AUNG", "", "", "itas", "", "")).row();
		assertThat(known.portCode()).isEqualTo("TUAL-LAUT");
		assertThat(known.portKnown()).isTrue();
		assertThat(known.permitType()).isEqualTo("ITAS");
		assertThat(known.permitWritten()).isEqualTo("itas");
		assertThat(known.permitKnown()).isTrue();
	}

	@Test
	void aWrittenValuesKeyIgnoresCaseAndSpacesAndNothingElse() {
		assertThat(WrittenValues.key("  Pelabuhan\tlaut \u00a0 Tual ")).isEqualTo("PELABUHAN LAUT TUAL");
		assertThat(WrittenValues.key("TPI-Tual")).isNotEqualTo(WrittenValues.key("TPI Tual"));
		assertThat(WrittenValues.key(" ")).isEmpty();
		assertThat(WrittenValues.key(null)).isEmpty();
	}

	@Test
	void takesATimeWithItsOwnZoneAsWritten() {
		CrossingRow row = rows.read(2, List.of("EXIT", "2026-03-01T14:30:00+08:00", "TPI X", "A1", "Thailand", "SOMCHAI",
				"", "", "", "", "")).row();
		assertThat(row.direction()).isEqualTo(Direction.EXIT);
		assertThat(row.crossedAt()).isEqualTo(Instant.parse("2026-03-01T06:30:00Z"));
		assertThat(row.portCode()).isEqualTo("TPI X");
	}

	@Test
	void refusesARowWithTheReasonAndKeepsItAsItCame() {
		RowProblem problem = rows.read(7, List.of("masuk", "kemarin", "TUAL", "A1", "MMR", "X", "", "", "", "", ""))
				.problem();
		assertThat(problem.rowNumber()).isEqualTo(7);
		assertThat(problem.reasonKey()).isEqualTo("import.row.dateTime");
		assertThat(problem.argument()).isEqualTo("kemarin");
		assertThat(problem.raw()).isEqualTo("masuk,kemarin,TUAL,A1,MMR,X,,,,,");
		assertThat(rows.read(3, List.of("masuk", "2026-03-01 10:00", "TUAL", "A1", "Narnia", "X", "", "", "", "", ""))
				.problem().reasonKey()).isEqualTo("import.row.nationality");
		assertThat(rows.read(4, List.of("naik", "2026-03-01 10:00", "TUAL", "A1", "MMR", "X", "", "", "", "", ""))
				.problem().reasonKey()).isEqualTo("import.row.direction");
		assertThat(rows.read(5, List.of("masuk", "2026-03-01 10:00", "TUAL", "", "MMR", "X", "", "", "", "", ""))
				.problem().reasonKey()).isEqualTo("import.row.required");
	}

	/** Issue 16: a refused row is kept, but a hostile cell in it is kept cut, and so is a value its reason names. */
	@Test
	void aRefusedRowKeepsItsCellsAndItsReasonShort() {
		String huge = "9".repeat(9_000);
		RowProblem problem = rows.read(8, List.of("masuk", huge, "TUAL", "A1", "MMR", "N".repeat(9_000), "", "", "",
				"", "")).problem();
		assertThat(problem.reasonKey()).isEqualTo("import.row.dateTime");
		assertThat(problem.argument()).hasSize(CrossingRows.MAX_ARGUMENT + 1).endsWith("…");
		assertThat(problem.raw()).hasSizeLessThan(3 * CrossingRows.MAX_KEPT_CELL).startsWith("masuk,999")
				.contains("NNN…,");
	}

	/**
	 * The shortcut for {@code yyyy-MM-dd[ HH:mm[:ss]]} must give what the formatters give, or nothing (then the
	 * formatters decide, as before). Both refuse a day the month does not have.
	 */
	@Test
	void theShortcutForTheUsualLayoutsAgreesWithTheFormatters() {
		DateTimeFormatter[] local = { strict("uuuu-M-d H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"),
				strict("uuuu-M-d'T'H:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]") };
		DateTimeFormatter date = strict("uuuu-M-d");
		int shortcuts = 0;
		for (String year : List.of("0999", "1000", "1900", "2024", "2025", "2100", "9999")) {
			for (String month : List.of("00", "01", "02", "04", "12", "13", "1")) {
				for (String day : List.of("00", "01", "28", "29", "30", "31", "32", "7")) {
					for (String time : List.of("", " 00:00", " 23:59", " 24:00", " 08:15:00", "T08:15:59", " 08:60",
							" 08:15:60", " 8:15", "T23:59:59", " 12:30:00.5")) {
						String value = year + "-" + month + "-" + day + time;
						LocalDateTime expected = null;
						for (DateTimeFormatter format : time.isEmpty() ? new DateTimeFormatter[] { date } : local) {
							try {
								expected = time.isEmpty() ? LocalDate.parse(value, format).atStartOfDay()
										: LocalDateTime.parse(value, format);
								break;
							}
							catch (DateTimeParseException next) {
								// the next layout
							}
						}
						LocalDateTime shortcut = CrossingRows.usualDateTime(value);
						if (shortcut != null) {
							shortcuts++;
							assertThat(shortcut).as(value).isEqualTo(expected);
						}
						LocalDate usualDate = CrossingRows.usualDate(value);
						if (usualDate != null && time.isEmpty()) {
							assertThat(usualDate.atStartOfDay()).as(value).isEqualTo(expected);
						}
					}
				}
			}
		}
		assertThat(shortcuts).as("values the shortcut read").isGreaterThan(500);
		assertThat(CrossingRows.usualDateTime("2025-02-30 10:00")).as("left to the formatters").isNull();
	}

	@Test
	void refusesADayTheMonthDoesNotHaveInsteadOfMovingIt() {
		for (String time : List.of("2025-02-30 10:00", "30/02/2025 10:00", "31-04-2026", "29.02.2025 08:00")) {
			assertThat(rows.read(2, List.of("MASUK", time, "TUAL", "A1", "MMR", "X", "", "", "", "", "")).problem())
					.as(time).isNotNull().extracting(RowProblem::reasonKey).isEqualTo("import.row.dateTime");
		}
		assertThat(rows.read(2, List.of("MASUK", "2026-03-01", "TUAL", "A1", "MMR", "X", "31/02/1980", "", "", "",
				"")).problem().reasonKey()).isEqualTo("import.row.date");
		assertThat(rows.read(2, List.of("MASUK", "29/02/2024 10:00", "TUAL", "A1", "MMR", "X", "", "", "", "", ""))
				.row().crossedAt()).isEqualTo(Instant.parse("2024-02-29T01:00:00Z"));
	}

	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
	}

	@Test
	void runsOfWhitespaceInANameBecomeOneSpace() {
		assertThat(rows.read(2, List.of("MASUK", "2026-03-01 10:00", "TUAL", "A1", "MMR", "KYAW \t MIN\u00a0 HTUN  X",
				"", "", "", "", "")).row().fullName()).isEqualTo("KYAW MIN\u00a0 HTUN X");
		assertThat(rows.read(2, List.of("MASUK", "2026-03-01 10:00", "TUAL", "A1", "MMR", "KYAW MIN", "", "", "", "",
				"")).row().fullName()).isEqualTo("KYAW MIN");
	}

	@Test
	void refusesAFormulaAndNeutralisesItInTheRefusedRow() {
		RowProblem problem = rows.read(2, List.of("masuk", "2026-03-01 10:00", "TUAL", "A1", "MMR",
				"=HYPERLINK(\"http://x\",\"y\")", "", "", "", "", "")).problem();
		assertThat(problem.reasonKey()).isEqualTo("import.row.formula");
		assertThat(problem.raw()).contains("'=HYPERLINK");
		assertThat(rows.read(3, List.of("masuk", "2026-03-01 10:00", "TUAL", "A1", "MMR", "X", "", "", "", "",
				"=1+cmd|' /C calc'!A0")).problem().reasonKey()).as("a formula that begins with a digit")
				.isEqualTo("import.row.formula");
		assertThat(rows.read(4, List.of("masuk", "2026-03-01 10:00", "TUAL", "A1", "MMR", "X", "", "", "", "",
				"+62 812 0000")).row()).as("a phone number").isNotNull();
	}
}
