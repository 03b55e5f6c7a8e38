package id.pantau.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import id.pantau.PantauIntegrationTest;
import id.pantau.platform.PantauCommand;
import id.pantau.platform.Scope;
import id.pantau.reference.domain.BundledCountries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PantauIntegrationTest
class ReferenceDataIntegrationTests {

	@Autowired
	ReferenceData reference;

	@Autowired
	List<PantauCommand> commands;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void kotaTualHasItsFiveKecamatanAndThirtyVillages() {
		Scope tual = Scope.of("81.72");
		assertThat(reference.lineage("81.72").stream().map(Region::name)).containsExactly("Maluku", "Kota Tual");
		assertThat(reference.regionsWithin(tual, RegionLevel.DISTRICT)).extracting(Region::name).containsExactly(
				"Pulau Dullah Utara", "Pulau Dullah Selatan", "Tayando Tam", "Pulau-Pulau Kur", "Kur Selatan");
		List<Region> villages = reference.regionsWithin(tual, RegionLevel.VILLAGE);
		assertThat(villages).hasSize(30);
		assertThat(villages).filteredOn(v -> "DESA".equals(v.villageType())).hasSize(27);
		assertThat(villages).filteredOn(v -> "KELURAHAN".equals(v.villageType())).extracting(Region::name)
				.containsExactlyInAnyOrder("Ketsoblak", "Masrum", "Lodar El");
	}

	@Test
	void villagesTakeTheirIslandsPointAndIslandsHaveCoordinates() {
		assertThat(reference.islands()).hasSize(65).allSatisfy(i -> assertThat(i.lat()).isNotNull());
		Region fiditan = reference.region("81.72.01.2001").orElseThrow();
		assertThat(fiditan.islandCode()).isEqualTo("81.72.40008");
		assertThat(fiditan.lat().doubleValue()).isBetween(-6.0, -5.0);
		assertThat(fiditan.lon().doubleValue()).isBetween(132.0, 133.0);
	}

	@Test
	void countriesHaveIsoCodesIndonesianNamesAndTheMrzOnlyCodes() {
		List<Country> countries = reference.countries();
		assertThat(countries).filteredOn(c -> !c.mrzOnly()).hasSizeGreaterThanOrEqualTo(249);
		assertThat(countries).filteredOn(c -> c.alpha3().equals("MMR")).singleElement()
				.satisfies(c -> assertThat(c.nameId()).isEqualTo("Myanmar"));
		assertThat(countries).filteredOn(c -> c.alpha3().equals("THA")).singleElement()
				.satisfies(c -> assertThat(c.alpha2()).isEqualTo("TH"));
		assertThat(countries).filteredOn(Country::mrzOnly).extracting(Country::alpha3).contains("D", "GBD", "UNO",
				"XXA", "XXB", "XXC", "XXX", "EUE", "XOM", "XPO");
	}

	@Test
	void theBundledCountriesForWorkWithoutADatabaseEqualTheCountryTable() {
		assertThat(BundledCountries.load()).containsExactlyInAnyOrderElementsOf(reference.countries());
	}

	@Test
	void portsOfEntryAndPermitTypesArePresent() {
		assertThat(reference.portsOfEntry()).extracting(PortOfEntry::code).contains("TUAL-LAUT", "AMBON-UDARA");
		assertThat(reference.permitTypes()).filteredOn(PermitType::skttRequired).extracting(PermitType::code)
				.containsExactly("ITAS");
	}

	@Test
	void anotherRegencyIsLoadedFromAFolderInIdnAreaDataLayoutWithoutCodeChanges(@TempDir Path folder)
			throws Exception {
		Files.writeString(folder.resolve("provinces.csv"), "code,name\n81,Maluku\n");
		Files.writeString(folder.resolve("regencies.csv"), "code,province_code,name\n81.02,81,Kabupaten Maluku Tenggara\n");
		Files.writeString(folder.resolve("districts.csv"), "code,regency_code,name\n81.02.01,81.02,Kei Kecil\n");
		Files.writeString(folder.resolve("villages.csv"),
				"code,district_code,name\n81.02.01.2001,81.02.01,Ohoijang Watdek\n81.02.01.1001,81.02.01,Langgur\n");
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
			int code = commands.stream().filter(c -> c.name().equals("import-regions")).findFirst().orElseThrow()
					.run(List.of("--source", folder.toString(), "--regency", "81.02"),
							printed, printed);
			assertThat(code).isZero();
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 kecamatan, 2 desa/kelurahan");
			assertThat(reference.region("81.02.01.1001")).hasValueSatisfying(
					r -> assertThat(r.villageType()).isEqualTo("KELURAHAN"));
			assertThat(reference.deployedRegencies()).extracting(Region::code).contains("81.72", "81.02");
		}
		finally {
			jdbc.update("delete from region where code like '81.02.%'");
			jdbc.update("delete from region where code = '81.02'");
		}
	}

	@Test
	void aMissingRegencyIsReportedPlainly(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("provinces.csv"), "code,name\n81,Maluku\n");
		Files.writeString(folder.resolve("regencies.csv"), "code,province_code,name\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
		int code = commands.stream().filter(c -> c.name().equals("import-regions")).findFirst().orElseThrow()
				.run(List.of("--source", folder.toString(), "--regency", "81.09"),
						printed, printed);
		assertThat(code).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Gagal: Kabupaten/kota [81.09] tidak ditemukan");
	}
}
