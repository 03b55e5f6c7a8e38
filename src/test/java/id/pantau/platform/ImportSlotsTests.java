package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.platform.tables.UnreadableFile;
import org.junit.jupiter.api.Test;

class ImportSlotsTests {

	private final ImportSlots slots = new ImportSlots(1, 2);

	@Test
	void aUserHasOneImportAtATimeAndGetsTheSlotBackWhenItEnds() {
		ImportSlots.Slot first = slots.take("bpmpd");
		assertThatThrownBy(() -> slots.take("bpmpd")).isInstanceOf(UnreadableFile.class)
				.hasMessage("import.busyUser");
		first.close();
		first.close();
		slots.take("bpmpd").close();
	}

	@Test
	void theServerTakesAsManyImportsAsItHasSlotsAndNoMore() {
		ImportSlots.Slot a = slots.take("imigrasi");
		ImportSlots.Slot b = slots.take("kesbangpol");
		assertThatThrownBy(() -> slots.take("bpmpd")).isInstanceOf(UnreadableFile.class).hasMessage("import.busy");
		a.close();
		try (ImportSlots.Slot c = slots.take("bpmpd")) {
			assertThat(c).isNotNull();
		}
		b.close();
		// a refusal gives back what it took: both users can import again
		slots.take("bpmpd").close();
		slots.take("kesbangpol").close();
	}
}
