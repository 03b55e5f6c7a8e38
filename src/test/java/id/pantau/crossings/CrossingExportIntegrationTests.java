package id.pantau.crossings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
import org.apache.poi.ss.usermodel.Sheet;
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

/** Crossings exported for partner agencies: the rows of the filter, nothing that runs as a formula, audited. */
@PantauIntegrationTest
class CrossingExportIntegrationTests {

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

	private String tpi;

	@BeforeEach
	void threeCrossingsAtAPortOfTheirOwn() {
		tpi = "EKSPOR-" + System.nanoTime();
		insert("ENTRY", "2031-05-02 08:00:00+09", "EA1", "MMR", "KYAW MIN HTUN", "1979-03-15", null, "M");
		insert("EXIT", "2031-05-20 17:45:00+09", "EA1", "MMR", "=HYPERLINK(\"http://x\",\"klik\")", null, 1980, "F");
		insert("ENTRY", "2031-06-01 09:00:00+09", "EA2", "THA", "SOMCHAI SRISUK", null, null, null);
	}

	@Test
	void anOfficerExportsAPeriodAsCsvWithNothingThatRunsAsAFormula() throws Exception {
		MockHttpServletResponse response = export("imigrasi", "csv");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("perlintasan_2031-05-01_2031-05-31.csv");
		Path file = folder.resolve("ekspor.csv");
		Files.write(file, response.getContentAsByteArray());
		List<List<String>> rows = new ArrayList<>();
		try (DelimitedRows csv = DelimitedRows.open(file)) {
			List<String> row;
			while ((row = csv.next()) != null) {
				rows.add(row);
			}
		}
		assertThat(rows.get(0)).startsWith("arah", "waktu", "tpi", "nomor_dokumen", "kewarganegaraan", "nama")
				.endsWith("id_orang");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1)).startsWith("MASUK", "2031-05-02 08:00:00", tpi, "EA1", "MMR", "KYAW MIN HTUN",
				"1979-03-15", "L");
		assertThat(rows.get(2).get(5)).isEqualTo("'=HYPERLINK(\"http://x\",\"klik\")");
		assertThat(rows.get(2).get(6)).isEqualTo("1980");
		assertThat(lastAudit()).contains("\"rows\":\"2\"").contains("\"port\":\"" + tpi + "\"")
				.contains("\"from\":\"2031-05-01\"").contains("\"format\":\"csv\"").contains("\"complete\":\"true\"");
	}

	@Test
	void anOfficerExportsAPeriodAsXlsxWithTextCellsThatNeverRunAsFormulas() throws Exception {
		MockHttpServletResponse response = export("kesbangpol", "xlsx");
		assertThat(response.getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo("KELUAR");
			assertThat(second.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2031, 5, 20, 17, 45));
			assertThat(second.getCell(5).getCellType()).isEqualTo(CellType.STRING);
			assertThat(second.getCell(5).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"klik\")");
			assertThat(second.getCell(6).getNumericCellValue()).isEqualTo(1980);
		}
		assertThat(lastAudit()).contains("\"rows\":\"2\"").contains("\"format\":\"xlsx\"");
	}

	@Test
	void onlyTheCitysAgenciesWithARegencyWideScopeExport() throws Exception {
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").get("/perlintasan/ekspor?format=csv").statusCode())
				.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "bpmpd").get("/perlintasan/ekspor?format=csv").statusCode())
				.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "timpora.polres").get("/perlintasan/ekspor?format=csv&port=" + tpi)
				.statusCode()).isEqualTo(200);
		PantauUser district = new PantauUser(999_001, "timpora.kecamatan", null, "TIMPORA Kecamatan", Role.TIMPORA,
				Agency.POLRES, Scope.of("81.72.01"), true, false);
		assertThat(mvc.perform(get("/perlintasan/ekspor").param("format", "csv").with(user(district))).andReturn()
				.getResponse().getStatus()).isEqualTo(403);
		assertThat(export("imigrasi", "pdf").getStatus()).isEqualTo(404);
	}

	@Test
	void theListLinksToTheExportWithItsFilters() {
		String page = WebSession.loggedIn(port, "kesbangpol").get("/perlintasan?port=" + tpi).body();
		assertThat(page).contains("id=\"crossings-export-csv\"").contains("formaction=\"/perlintasan/ekspor\"");
	}

	private MockHttpServletResponse export(String username, String format) throws Exception {
		PantauUser officer = (PantauUser) users.loadUserByUsername(username);
		return mvc.perform(get("/perlintasan/ekspor").param("format", format).param("from", "2031-05-01")
				.param("to", "2031-05-31").param("port", tpi).with(user(officer))).andReturn().getResponse();
	}

	private void insert(String direction, String crossedAt, String document, String nationality, String name,
			String birthDate, Integer birthYear, String sex) {
		jdbc.sql("""
				insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
				  full_name, name_key, birth_date, birth_year, sex, created_at)
				values (:direction, :crossedAt::timestamptz, :port, :document, :document, :nationality, :name, :name,
				  :birthDate::date, coalesce(:birthYear, extract(year from :birthDate::date)::int), :sex, now())""")
				.param("direction", direction).param("crossedAt", crossedAt).param("port", tpi)
				.param("document", document).param("nationality", nationality).param("name", name)
				.param("birthDate", birthDate, java.sql.Types.VARCHAR).param("birthYear", birthYear, java.sql.Types.INTEGER)
				.param("sex", sex, java.sql.Types.VARCHAR).update();
	}

	private String lastAudit() {
		return jdbc.sql("select details from audit_event where action = 'CROSSINGS_EXPORTED' order by id desc limit 1")
				.query(String.class).single();
	}
}
