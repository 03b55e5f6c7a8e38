package id.pantau.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import id.pantau.PantauIntegrationTest;
import id.pantau.platform.tables.UnreadableFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The slots are rows in the database, so that their limits (here the defaults: one per user, two in all) hold over every
 * instance; another instance's slot is written here as that instance would.
 */
@PantauIntegrationTest
class ImportSlotsIntegrationTests {

	@Autowired
	ImportSlots slots;

	@Autowired
	JdbcClient jdbc;

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

	@Test
	void aSlotTakenOnAnotherInstanceCountsHereForTheUserAndForAll() {
		UUID elsewhere = otherInstanceTakes("imigrasi.pulau-lain", 0);
		try {
			assertThatThrownBy(() -> slots.take("imigrasi.pulau-lain")).isInstanceOf(UnreadableFile.class)
					.hasMessage("import.busyUser");
			try (ImportSlots.Slot mine = slots.take("kesbangpol.pulau-lain")) {
				assertThatThrownBy(() -> slots.take("bpmpd.pulau-lain")).isInstanceOf(UnreadableFile.class)
						.hasMessage("import.busy");
			}
		}
		finally {
			jdbc.sql("delete from import_slot where id = :id").param("id", elsewhere).update();
		}
	}

	@Test
	void theSlotOfAnInstanceThatStoppedRenewingItIsGivenBackToTheNextTaker() {
		UUID dead = otherInstanceTakes("imigrasi.instans-mati", slots.staleAfter().toSeconds() + 5);
		try (ImportSlots.Slot slot = slots.take("imigrasi.instans-mati")) {
			assertThat(jdbc.sql("select count(*) from import_slot where id = :id").param("id", dead).query(Long.class)
					.single()).isZero();
		}
	}

	@Test
	void theSlotsThisInstanceHoldsAreKeptAliveByItsHeartbeat() {
		try (ImportSlots.Slot slot = slots.take("imigrasi.detak")) {
			jdbc.sql("update import_slot set heartbeat_at = now() - interval '1 hour' where user_name = 'imigrasi.detak'")
					.update();
			slots.heartbeat();
			assertThat(jdbc.sql("select heartbeat_at > now() - interval '1 minute' from import_slot where user_name = "
					+ "'imigrasi.detak'").query(Boolean.class).single()).isTrue();
		}
	}

	private UUID otherInstanceTakes(String user, long secondsAgo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into import_slot (id, user_name, instance, taken_at, heartbeat_at)
				values (:id, :user, 'pantau-2', now() - make_interval(secs => :ago), now() - make_interval(secs => :ago))""")
				.param("id", id).param("user", user).param("ago", (double) secondsAgo).update();
		return id;
	}
}
