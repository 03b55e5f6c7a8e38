package id.pantau.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.domain.AlertStatus;
import id.pantau.followup.Severity;
import id.pantau.registry.Registry.PersonRef;
import org.junit.jupiter.api.Test;

class AgendaPickerTests {

	static final Instant NOW = Instant.parse("2026-02-10T00:00:00Z");

	static final AgendaPicker.Names NAMES = new AgendaPicker.Names(
			Map.of(1L, new PersonRef(1, "ZAW MIN HTET", "MMR", "81.72.01.2001"),
					2L, new PersonRef(2, "NGUYỄN VĂN HÙNG", "VNM", "81.72.02.2002"),
					3L, new PersonRef(3, "ANAN SRISUK", "THA", null)),
			code -> Map.of("81.72.01.2001", "Fiditan", "81.72.02.2002", "Taar").getOrDefault(code, code),
			Map.of("MMR", "Myanmar", "VNM", "Vietnam", "THA", "Thailand"),
			rule -> Map.of("OVERSTAY", "Izin tinggal lewat", "NO_PERMIT", "Tanpa izin tinggal", "SILENT_VILLAGE",
					"Ohoi tidak melapor").get(rule),
			alert -> "ringkasan " + alert.id());

	@Test
	void groupsByRuleMostSevereGroupFirstWithEachPersonsAlertsTogether() {
		List<Alert> alerts = List.of(alert(10, "OVERSTAY", Severity.MEDIUM, 2L, "81.72.02.2002", 3),
				alert(11, "OVERSTAY", Severity.HIGH, 3L, null, 1), alert(12, "OVERSTAY", Severity.LOW, 2L,
						"81.72.02.2002", 9),
				alert(13, "OVERSTAY", Severity.MEDIUM, 1L, "81.72.01.2001", 5),
				alert(20, "NO_PERMIT", Severity.CRITICAL, 2L, "81.72.02.2002", 2),
				alert(30, "SILENT_VILLAGE", Severity.LOW, null, "81.72.01.2001", 40));

		AgendaPicker picker = AgendaPicker.of(alerts, 6, NOW, Set.of(), NAMES);

		assertThat(picker.groups()).extracting(AgendaPicker.Group::label).containsExactly("Tanpa izin tinggal",
				"Izin tinggal lewat", "Ohoi tidak melapor");
		AgendaPicker.Group overstay = picker.groups().get(1);
		assertThat(overstay.count()).isEqualTo(4);
		assertThat(overstay.rows()).as("the HIGH person first, then by name; one person's alerts together")
				.extracting(r -> r.alert().id()).containsExactly(11L, 10L, 12L, 13L);
		AgendaPicker.Row nguyen = overstay.rows().get(1);
		assertThat(nguyen.person()).isEqualTo("NGUYỄN VĂN HÙNG");
		assertThat(nguyen.country()).isEqualTo("Vietnam");
		assertThat(nguyen.village()).isEqualTo("Taar");
		assertThat(nguyen.opened()).isEqualTo("07-02-2026");
		assertThat(nguyen.ageDays()).isEqualTo(3);
		assertThat(nguyen.caseSize()).as("two overstays and one missing permit").isEqualTo(3);
		assertThat(nguyen.otherRules()).containsExactly("Tanpa izin tinggal");
		assertThat(nguyen.search()).as("found without diacritics").contains("nguyen van hung", "taar", "vietnam",
				"izin tinggal lewat", "#10");
		AgendaPicker.Row anan = overstay.rows().get(0);
		assertThat(anan.village()).as("no alert region and no residence").isNull();
		assertThat(anan.otherRules()).isEmpty();
		AgendaPicker.Row silent = picker.groups().get(2).rows().get(0);
		assertThat(silent.person()).isNull();
		assertThat(silent.village()).isEqualTo("Fiditan");
		assertThat(silent.caseSize()).isEqualTo(1);
	}

	@Test
	void marksAPersonWhoseOtherAlertIsOnTheAgendaAlready() {
		AgendaPicker picker = AgendaPicker.of(List.of(alert(10, "OVERSTAY", Severity.MEDIUM, 2L, null, 3),
				alert(11, "OVERSTAY", Severity.MEDIUM, 1L, null, 3)), 2, NOW, Set.of(2L), NAMES);

		assertThat(picker.groups().get(0).rows()).filteredOn(AgendaPicker.Row::personOnAgenda)
				.extracting(r -> r.alert().id()).containsExactly(10L);
	}

	@Test
	void foldsCaseAndDiacriticsAsTheSearchBoxDoes() {
		assertThat(AgendaPicker.fold("NGUYỄN Văn HÙNG Ohoi Fiditan")).isEqualTo("nguyen van hung ohoi fiditan");
	}

	static Alert alert(long id, String rule, Severity severity, Long person, String region, int daysOpen) {
		Instant opened = NOW.minus(daysOpen, ChronoUnit.DAYS);
		return new Alert(id, rule, severity, "PERSON", "k" + id, person, region, List.of(), List.of(), null,
				AlertStatus.OPEN, null, null, opened, opened, null, null, null, List.of(), null, null, null, null, null, 0);
	}
}
