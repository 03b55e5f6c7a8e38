package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.Scope;
import id.pantau.platform.tables.DelimitedRows;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Decided village reports exported for the agencies of the chain, within each user's scope. */
@PantauIntegrationTest
class ReportExportIntegrationTests {

	private static final String FIDITAN = "81.72.01.2001";
	private static final String TAAR = "81.72.02.2002";

	@TempDir
	Path folder;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	private String tag;

	@BeforeEach
	void reportsDecidedInAMonthOfTheirOwn() {
		tag = Long.toString(System.nanoTime());
		insert("VALIDATED", FIDITAN, "=cmd|' /C calc'!A0", "MMR", "KNOWN_IN_ORDER", "2032-07-03 10:00:00+09");
		insert("REJECTED", TAAR, "BUDI SANTOSO", null, "NOT_A_FOREIGNER", "2032-07-20 16:00:00+09");
		insert("FORWARDED", FIDITAN, "MASIH DIPERIKSA", "THA", null, "2032-07-21 09:00:00+09");
		insert("VALIDATED", FIDITAN, "BULAN LAIN", "THA", "KNOWN_IN_ORDER", "2032-08-01 09:00:00+09");
	}

	@Test
	void anAgencyExportsTheReportsDecidedInAPeriodAsCsv() throws Exception {
		MockHttpServletResponse response = export(officer("kesbangpol"), "csv");
		assertThat(response.getStatus()).isEqualTo(200);
		List<List<String>> rows = csv(response.getContentAsByteArray());
		assertThat(rows.get(0)).containsExactly("nomor", "kode_desa", "desa", "nama_dilaporkan",
				"kode_kewarganegaraan", "kewarganegaraan", "status", "hasil_validasi", "id_orang", "dilaporkan",
				"diputuskan");
		List<List<String>> mine = rows.stream().filter(r -> r.get(0).startsWith("EKS-" + tag)).toList();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0)).startsWith("EKS-" + tag + "-1", FIDITAN).contains("'=cmd|' /C calc'!A0", "MMR",
				"Tervalidasi", "Sudah terdaftar dan sesuai aturan", "2032-07-03 10:00:00");
		assertThat(mine.get(1)).startsWith("EKS-" + tag + "-2", TAAR).contains("BUDI SANTOSO", "Ditolak",
				"Bukan orang asing");
		assertThat(lastAudit()).contains("\"rows\":\"" + (rows.size() - 1) + "\"").contains("\"from\":\"2032-07-01\"")
				.contains("\"complete\":\"true\"");
	}

	@Test
	void anExportHoldsOnlyTheReportsOfTheUsersScopeAndXlsxCellsAreText() throws Exception {
		PantauUser district = new PantauUser(999_002, "kesbangpol.kecamatan", null, "Kesbangpol Kecamatan",
				Role.KESBANGPOL, Agency.KESBANGPOL, Scope.of("81.72.01"), true, false);
		MockHttpServletResponse response = export(district, "xlsx");
		assertThat(response.getStatus()).isEqualTo(200);
		List<String> numbers = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			for (Row row : workbook.getSheetAt(0)) {
				numbers.add(row.getCell(0).getStringCellValue());
				if (row.getCell(0).getStringCellValue().equals("EKS-" + tag + "-1")) {
					assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
					assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
				}
			}
		}
		assertThat(numbers).contains("EKS-" + tag + "-1").doesNotContain("EKS-" + tag + "-2", "EKS-" + tag + "-3",
				"EKS-" + tag + "-4");
		assertThat(lastAudit()).contains("\"format\":\"xlsx\"");
		assertThat(jdbc.sql("select region_code from audit_event where action = 'REPORTS_EXPORTED' order by id desc "
				+ "limit 1").query(String.class).single()).isEqualTo("81.72.01");
	}

	@Test
	void villagesDoNotExportAndTheOtherAgenciesDo() {
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/laporan/ekspor?format=csv").statusCode())
				.isEqualTo(403);
		for (String agency : List.of("bpmpd", "imigrasi", "timpora.polres")) {
			assertThat(WebSession.loggedIn(port, agency).get("/laporan/ekspor?format=csv&from=2032-07-01")
					.statusCode()).as(agency).isEqualTo(200);
		}
		assertThat(WebSession.loggedIn(port, "bpmpd").get("/laporan").body()).contains("id=\"report-export\"");
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/laporan").body())
				.doesNotContain("id=\"report-export\"");
	}

	private MockHttpServletResponse export(PantauUser officer, String format) throws Exception {
		return mvc.perform(get("/laporan/ekspor").param("format", format).param("from", "2032-07-01")
				.param("to", "2032-07-31").with(user(officer))).andReturn().getResponse();
	}

	private PantauUser officer(String username) {
		return (PantauUser) users.loadUserByUsername(username);
	}

	private List<List<String>> csv(byte[] bytes) throws Exception {
		Path file = Files.createTempFile(folder, "laporan", ".csv");
		Files.write(file, bytes);
		List<List<String>> rows = new ArrayList<>();
		try (DelimitedRows reader = DelimitedRows.open(file)) {
			List<String> row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}

	private String lastAudit() {
		return jdbc.sql("select details from audit_event where action = 'REPORTS_EXPORTED' order by id desc limit 1")
				.query(String.class).single();
	}

	private int count;

	private void insert(String state, String village, String names, String nationality, String outcome,
			String decidedAt) {
		jdbc.sql("""
				insert into village_report (number, village_code, state, names_as_heard, nationality, outcome,
				  created_at, created_by, state_since, updated_at, version)
				values (:number, :village, :state, :names, :nationality, :outcome, :decided::timestamptz - interval '2 days',
				  'ohoi.fiditan', :decided::timestamptz, :decided::timestamptz, 0)""")
				.param("number", "EKS-" + tag + "-" + ++count).param("village", village).param("state", state)
				.param("names", names).param("nationality", nationality, java.sql.Types.VARCHAR)
				.param("outcome", outcome, java.sql.Types.VARCHAR).param("decided", decidedAt).update();
	}
}
